package io.slipway.udp;

import io.slipway.base.Bytes;
import io.slipway.base.InternetChecksum;
import io.slipway.ip.IpProtocol;

/**
 * The UDP header (RFC 768), a reusable flyweight over a datagram's bytes.
 *
 * <pre>
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * |     Source      |   Destination   |
 * |      Port       |      Port       |
 * +--------+--------+--------+--------+
 * |     Length      |    Checksum     |
 * +--------+--------+--------+--------+
 * |          data octets ...
 * </pre>
 *
 * The checksum covers a pseudo-header (source and destination address, zero, protocol 17, UDP
 * length), the header and the data; an all-zero checksum field means the sender computed none.
 */
public final class UdpHeader {
    public static final int LENGTH = 8;
    /** The largest UDP payload an IPv4 datagram can carry: 65 535 - 20 - 8. */
    public static final int MAX_PAYLOAD = 65_507;

    static final int SOURCE_PORT = 0;
    static final int DESTINATION_PORT = 2;
    static final int LENGTH_FIELD = 4;
    static final int CHECKSUM = 6;

    private byte[] data;
    private int offset;
    private int available;

    /** Views the header at {@code offset} with {@code available} bytes of IP payload behind it. */
    public UdpHeader wrap(byte[] data, int offset, int available) {
        this.data = data;
        this.offset = offset;
        this.available = available;
        return this;
    }

    /**
     * Validates a received datagram: null when it is well formed, else the drop reason. The UDP
     * length may be shorter than the IP payload (the rest is ignored) but not longer, nor shorter
     * than the header (RFC 768; RFC 1122 §4.1.3.4).
     */
    public UdpEvent check(int sourceAddress, int destinationAddress) {
        if (available < LENGTH) {
            return UdpEvent.DROP_TRUNCATED;
        }
        int length = length();
        if (length < LENGTH || length > available) {
            return UdpEvent.DROP_BAD_LENGTH;
        }
        // RFC 768: an all-zero checksum means none was computed; RFC 1122 §4.1.3.4: a non-zero,
        // wrong one MUST be silently discarded.
        if (checksum() != 0 && computeChecksum(sourceAddress, destinationAddress, length) != 0) {
            return UdpEvent.DROP_BAD_CHECKSUM;
        }
        return null;
    }

    public int sourcePort() {
        return Bytes.u16(data, offset + SOURCE_PORT);
    }

    public int destinationPort() {
        return Bytes.u16(data, offset + DESTINATION_PORT);
    }

    /** Header plus data, in bytes. */
    public int length() {
        return Bytes.u16(data, offset + LENGTH_FIELD);
    }

    public int checksum() {
        return Bytes.u16(data, offset + CHECKSUM);
    }

    /** Where the data starts in the array. */
    public int payloadOffset() {
        return offset + LENGTH;
    }

    public int payloadLength() {
        return length() - LENGTH;
    }

    /**
     * Writes the header for {@code payloadLength} data bytes that follow it, with its checksum
     * (RFC 768: a computed checksum of zero is sent as all ones, since zero means "none").
     */
    public void write(int sourcePort, int destinationPort, int payloadLength, int sourceAddress,
            int destinationAddress) {
        int length = LENGTH + payloadLength;
        Bytes.put16(data, offset + SOURCE_PORT, sourcePort);
        Bytes.put16(data, offset + DESTINATION_PORT, destinationPort);
        Bytes.put16(data, offset + LENGTH_FIELD, length);
        Bytes.put16(data, offset + CHECKSUM, 0);
        int sum = computeChecksum(sourceAddress, destinationAddress, length);
        Bytes.put16(data, offset + CHECKSUM, sum == 0 ? 0xFFFF : sum);
    }

    /** The checksum over the pseudo-header and {@code length} bytes; 0 when a received one is right. */
    private int computeChecksum(int sourceAddress, int destinationAddress, int length) {
        long sum = InternetChecksum.pseudoHeader(sourceAddress, destinationAddress, IpProtocol.UDP, length);
        return InternetChecksum.finish(InternetChecksum.add(sum, data, offset, length));
    }
}
