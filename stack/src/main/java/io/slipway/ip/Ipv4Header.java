package io.slipway.ip;

import io.slipway.base.Bytes;
import io.slipway.base.InternetChecksum;

/**
 * The IPv4 header (RFC 791 §3.1), a reusable flyweight over a packet's bytes.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * |         Identification        |Flags|      Fragment Offset    |
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * |                       Source Address                          |
 * |                    Destination Address                        |
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * {@link #check} validates what RFC 1122 §3.2.1.1–3.2.1.2 asks of a receiver; the accessors
 * then read fields without further checks. Nothing here allocates.
 */
public final class Ipv4Header {
    public static final int MIN_LENGTH = 20;
    public static final int MAX_LENGTH = 60;
    public static final int MAX_TOTAL_LENGTH = 65_535;
    /** Flags field bits, in the 16-bit flags+offset word. */
    public static final int FLAG_DONT_FRAGMENT = 0x4000;
    public static final int FLAG_MORE_FRAGMENTS = 0x2000;
    static final int OFFSET_MASK = 0x1FFF;

    static final int VERSION_IHL = 0;
    static final int TOS = 1;
    /**
     * RFC 1349's "minimize delay" type of service, as interactive programs (ssh, telnet) set it
     * and as Linux's pfifo_fast queues it first; slipway's LAN driver does the same.
     */
    public static final int TOS_LOW_DELAY = 0x10;
    static final int TOTAL_LENGTH = 2;
    static final int IDENTIFICATION = 4;
    static final int FLAGS_OFFSET = 6;
    static final int TTL = 8;
    static final int PROTOCOL = 9;
    static final int CHECKSUM = 10;
    static final int SOURCE = 12;
    static final int DESTINATION = 16;

    private byte[] data;
    private int offset;
    private int available;

    /** Views the header at {@code offset}, with {@code available} bytes of packet behind it. */
    public Ipv4Header wrap(byte[] data, int offset, int available) {
        this.data = data;
        this.offset = offset;
        this.available = available;
        return this;
    }

    public byte[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    /**
     * Validates the wrapped bytes as a received header: returns {@code null} when they hold a
     * well-formed IPv4 header whose total length fits in what arrived, or the drop reason.
     * Link padding after the total length is allowed (the caller trims to {@link #totalLength}).
     */
    public IpEvent check() {
        if (available < MIN_LENGTH) {
            return IpEvent.DROP_TRUNCATED;
        }
        if (version() != 4) {
            return IpEvent.DROP_BAD_VERSION;
        }
        int headerLength = headerLength();
        if (headerLength < MIN_LENGTH || headerLength > available) {
            return IpEvent.DROP_BAD_HEADER_LENGTH;
        }
        int total = totalLength();
        if (total < headerLength || total > available) {
            return IpEvent.DROP_BAD_TOTAL_LENGTH;
        }
        if (InternetChecksum.of(data, offset, headerLength) != 0) {
            return IpEvent.DROP_BAD_CHECKSUM;
        }
        return null;
    }

    /**
     * Walks the options (RFC 791 §3.1 "Options"): End of Option List and No Operation are single
     * bytes; every other option has a length byte of at least 2 that must stay inside the
     * header. Returns the offset from the header's start of the first byte that breaks this,
     * the pointer a Parameter Problem reports (RFC 792), or -1 when the options are well formed.
     * Options are otherwise ignored: we act on none of them (RFC 1122 §3.2.1.8 lets a host
     * ignore those it does not implement).
     */
    public int badOptionPointer() {
        int end = headerLength();
        int i = MIN_LENGTH;
        while (i < end) {
            int type = data[offset + i] & 0xFF;
            if (type == 0) {
                return -1;
            }
            if (type == 1) {
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return i;
            }
            int length = data[offset + i + 1] & 0xFF;
            if (length < 2 || i + length > end) {
                return i + 1;
            }
            i += length;
        }
        return -1;
    }

    public int version() {
        return (data[offset + VERSION_IHL] & 0xF0) >>> 4;
    }

    /** Header length in bytes (IHL × 4). */
    public int headerLength() {
        return (data[offset + VERSION_IHL] & 0x0F) * 4;
    }

    public int typeOfService() {
        return Bytes.u8(data, offset + TOS);
    }

    public int totalLength() {
        return Bytes.u16(data, offset + TOTAL_LENGTH);
    }

    public int payloadLength() {
        return totalLength() - headerLength();
    }

    public int identification() {
        return Bytes.u16(data, offset + IDENTIFICATION);
    }

    public boolean dontFragment() {
        return (Bytes.u16(data, offset + FLAGS_OFFSET) & FLAG_DONT_FRAGMENT) != 0;
    }

    public boolean moreFragments() {
        return (Bytes.u16(data, offset + FLAGS_OFFSET) & FLAG_MORE_FRAGMENTS) != 0;
    }

    /** Fragment offset in bytes (the field counts 8-byte units). */
    public int fragmentOffset() {
        return (Bytes.u16(data, offset + FLAGS_OFFSET) & OFFSET_MASK) * 8;
    }

    /** Part of a fragmented datagram: more fragments follow, or this one is not the first. */
    public boolean isFragment() {
        return (Bytes.u16(data, offset + FLAGS_OFFSET) & (FLAG_MORE_FRAGMENTS | OFFSET_MASK)) != 0;
    }

    public int ttl() {
        return Bytes.u8(data, offset + TTL);
    }

    public int protocol() {
        return Bytes.u8(data, offset + PROTOCOL);
    }

    public int checksum() {
        return Bytes.u16(data, offset + CHECKSUM);
    }

    public int source() {
        return Bytes.i32(data, offset + SOURCE);
    }

    public int destination() {
        return Bytes.i32(data, offset + DESTINATION);
    }

    /**
     * Writes a 20-byte header without options, checksum included. {@code flagsAndOffset} is the
     * raw word: flags ORed with the offset in 8-byte units.
     */
    public void write(int tos, int totalLength, int identification, int flagsAndOffset, int ttl, int protocol,
            int source, int destination) {
        data[offset + VERSION_IHL] = 0x45;
        data[offset + TOS] = (byte) tos;
        Bytes.put16(data, offset + TOTAL_LENGTH, totalLength);
        Bytes.put16(data, offset + IDENTIFICATION, identification);
        Bytes.put16(data, offset + FLAGS_OFFSET, flagsAndOffset);
        data[offset + TTL] = (byte) ttl;
        data[offset + PROTOCOL] = (byte) protocol;
        Bytes.put32(data, offset + SOURCE, source);
        Bytes.put32(data, offset + DESTINATION, destination);
        updateChecksum();
    }

    public void setTotalLength(int totalLength) {
        Bytes.put16(data, offset + TOTAL_LENGTH, totalLength);
    }

    public void setFlagsAndOffset(int flagsAndOffset) {
        Bytes.put16(data, offset + FLAGS_OFFSET, flagsAndOffset);
    }

    public int flagsAndOffset() {
        return Bytes.u16(data, offset + FLAGS_OFFSET);
    }

    public void setTtl(int ttl) {
        data[offset + TTL] = (byte) ttl;
    }

    public void setHeaderLength(int bytes) {
        data[offset + VERSION_IHL] = (byte) (0x40 | (bytes / 4));
    }

    /** Recomputes the header checksum over the current header length. */
    public void updateChecksum() {
        Bytes.put16(data, offset + CHECKSUM, 0);
        Bytes.put16(data, offset + CHECKSUM, InternetChecksum.of(data, offset, headerLength()));
    }
}
