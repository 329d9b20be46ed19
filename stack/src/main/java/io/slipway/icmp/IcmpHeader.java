package io.slipway.icmp;

import io.slipway.base.Bytes;
import io.slipway.base.InternetChecksum;

/**
 * The ICMP message header (RFC 792), a reusable flyweight.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Identifier (echo) / pointer (parameter problem) / unused |   |
 * |  Sequence number (echo) / next-hop MTU (RFC 1191)             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Data: echo payload, or the offending IP header + 8 bytes  |
 * </pre>
 *
 * The checksum covers the whole message, data included.
 */
public final class IcmpHeader {
    public static final int LENGTH = 8;
    static final int TYPE = 0;
    static final int CODE = 1;
    static final int CHECKSUM = 2;
    static final int IDENTIFIER = 4;
    static final int SEQUENCE = 6;
    static final int REST = 4;

    private byte[] data;
    private int offset;
    private int length;

    /** Views the message of {@code length} bytes at {@code offset}. */
    public IcmpHeader wrap(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /** Null when the message is long enough and its checksum verifies, else the drop reason. */
    public IcmpEvent check() {
        if (length < LENGTH) {
            return IcmpEvent.DROP_TRUNCATED;
        }
        if (InternetChecksum.of(data, offset, length) != 0) {
            return IcmpEvent.DROP_BAD_CHECKSUM;
        }
        return null;
    }

    public byte[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public int type() {
        return Bytes.u8(data, offset + TYPE);
    }

    public int code() {
        return Bytes.u8(data, offset + CODE);
    }

    public int checksum() {
        return Bytes.u16(data, offset + CHECKSUM);
    }

    public int identifier() {
        return Bytes.u16(data, offset + IDENTIFIER);
    }

    public int sequence() {
        return Bytes.u16(data, offset + SEQUENCE);
    }

    /** The second word as a whole: pointer, gateway or next-hop MTU depending on the type. */
    public int restOfHeader() {
        return Bytes.i32(data, offset + REST);
    }

    public int length() {
        return length;
    }

    /** Offset of the data after the 8-byte header. */
    public int dataOffset() {
        return offset + LENGTH;
    }

    public int dataLength() {
        return length - LENGTH;
    }

    public void setType(int type) {
        data[offset + TYPE] = (byte) type;
    }

    /** Writes type, code and the second word; the checksum is set by {@link #updateChecksum}. */
    public void write(int type, int code, int restOfHeader) {
        data[offset + TYPE] = (byte) type;
        data[offset + CODE] = (byte) code;
        Bytes.put32(data, offset + REST, restOfHeader);
    }

    /** Recomputes the checksum over the whole message. */
    public void updateChecksum() {
        Bytes.put16(data, offset + CHECKSUM, 0);
        Bytes.put16(data, offset + CHECKSUM, InternetChecksum.of(data, offset, length));
    }
}
