package io.slipway.driver.cslip;

import io.slipway.base.Bytes;
import io.slipway.base.InternetChecksum;

/**
 * Builds the bytes of an IPv4 + TCP packet for the CSLIP tests: IHL 5, DF, TTL 64, a correct IP
 * header checksum, and a TCP checksum field of the test's choosing (CSLIP carries it as it is,
 * and never checks it). A mutable builder: change a field, take {@link #bytes()} again.
 */
final class TcpIpPacket {
    static final int ACK = 0x10;
    static final int PSH = 0x08;
    static final int SYN = 0x02;
    static final int FIN = 0x01;
    static final int RST = 0x04;
    static final int URG = 0x20;

    int source = 0x0A00_0001;
    int destination = 0x0A00_0002;
    int sourcePort = 1024;
    int destinationPort = 80;
    int id = 1;
    int tos;
    int protocol = 6;
    int fragment = 0x4000;
    long seq = 0x1000;
    long ack = 0x2000;
    int flags = ACK | PSH;
    int window = 0x1000;
    int tcpChecksum = 0xABCD;
    int urgent;
    byte[] options = new byte[0];
    int dataLength = 10;

    static TcpIpPacket connection(int sourcePort) {
        TcpIpPacket p = new TcpIpPacket();
        p.sourcePort = sourcePort;
        return p;
    }

    int headerLength() {
        return 40 + options.length;
    }

    byte[] bytes() {
        int total = headerLength() + dataLength;
        byte[] b = new byte[total];
        b[0] = 0x45;
        b[1] = (byte) tos;
        Bytes.put16(b, 2, total);
        Bytes.put16(b, 4, id);
        Bytes.put16(b, 6, fragment);
        b[8] = 64;
        b[9] = (byte) protocol;
        Bytes.put32(b, 12, source);
        Bytes.put32(b, 16, destination);
        Bytes.put16(b, 10, InternetChecksum.of(b, 0, 20));
        Bytes.put16(b, 20, sourcePort);
        Bytes.put16(b, 22, destinationPort);
        Bytes.put32(b, 24, (int) seq);
        Bytes.put32(b, 28, (int) ack);
        b[32] = (byte) ((5 + options.length / 4) << 4);
        b[33] = (byte) flags;
        Bytes.put16(b, 34, window);
        Bytes.put16(b, 36, tcpChecksum);
        Bytes.put16(b, 38, urgent);
        System.arraycopy(options, 0, b, 40, options.length);
        for (int i = headerLength(); i < total; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    /** The next segment of a bulk transfer: the sequence moves past this one's data, the ID by 1. */
    TcpIpPacket next() {
        seq += dataLength;
        id++;
        return this;
    }
}
