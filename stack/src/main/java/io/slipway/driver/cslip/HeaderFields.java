package io.slipway.driver.cslip;

/**
 * The IPv4 (RFC 791 §3.1) and TCP (RFC 9293 §3.1) header fields the compressor looks at, as
 * offsets from the start of each header. The driver layer may not use the network layer's header
 * views, so these few are named here.
 */
final class HeaderFields {
    /** An IPv4 header without options: the only kind compressed (IHL 5). */
    static final int IP_MIN_HEADER = 20;
    static final int IP_VERSION_IHL = 0;
    static final int IP_TOTAL_LENGTH = 2;
    static final int IP_ID = 4;
    /** Flags and fragment offset: compressible only with MF clear and offset 0 (mask 0x3FFF). */
    static final int IP_FRAGMENT = 6;
    static final int IP_FRAGMENT_MASK = 0x3FFF;
    static final int IP_PROTOCOL = 9;
    static final int IP_CHECKSUM = 10;
    static final int IP_SOURCE = 12;
    static final int IP_DESTINATION = 16;
    static final int PROTOCOL_TCP = 6;
    /** Version 4 and IHL 5: the first byte of every compressible packet. */
    static final int IPV4_NO_OPTIONS = 0x45;

    static final int TCP_MIN_HEADER = 20;
    /** Source and destination ports: with the addresses, what names a connection. */
    static final int TCP_PORTS = 0;
    static final int TCP_SEQUENCE = 4;
    static final int TCP_ACKNOWLEDGMENT = 8;
    /** Data offset (high nibble) and reserved bits. */
    static final int TCP_DATA_OFFSET = 12;
    static final int TCP_FLAGS = 13;
    static final int TCP_WINDOW = 14;
    static final int TCP_CHECKSUM = 16;
    static final int TCP_URGENT = 18;

    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final int URG = 0x20;

    /** The largest IP plus TCP header: 60 bytes each (IHL 15, data offset 15). */
    static final int MAX_HEADERS = 120;

    private HeaderFields() {
    }

    /** The IP header length its IHL gives. */
    static int ipHeaderLength(byte[] b, int ip) {
        return (b[ip + IP_VERSION_IHL] & 0x0F) * 4;
    }

    /** The TCP header length its data offset gives. */
    static int tcpHeaderLength(byte[] b, int tcp) {
        return ((b[tcp + TCP_DATA_OFFSET] & 0xF0) >>> 4) * 4;
    }
}
