package io.slipway.tcp;

import io.slipway.base.Bytes;
import io.slipway.base.InternetChecksum;
import io.slipway.ip.IpProtocol;

/**
 * The TCP header (RFC 9293 §3.1), a reusable flyweight over a segment's bytes.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |       |C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
 * |       |       |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           [Options]                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :                             Data                              :
 * </pre>
 *
 * The checksum covers a pseudo-header (source and destination address, zero, protocol 6, TCP
 * length), the header and the data. {@link #check} validates the fixed header and the checksum,
 * {@link #parseOptions} the options; the accessors then read fields without further checks.
 * The segment is the whole IP payload: TCP has no length field of its own. Nothing here
 * allocates.
 */
public final class TcpHeader {
    public static final int MIN_LENGTH = 20;
    /** The data offset is 4 bits of 32-bit words: 15 × 4. */
    public static final int MAX_LENGTH = 60;

    /** Control bits, in the flags byte (RFC 9293 §3.1; ECE and CWR from RFC 3168 §6.1). */
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;

    static final int SOURCE_PORT = 0;
    static final int DESTINATION_PORT = 2;
    static final int SEQUENCE = 4;
    static final int ACKNOWLEDGMENT = 8;
    /** Data offset in the high 4 bits; the low 4 are reserved. */
    static final int DATA_OFFSET = 12;
    static final int FLAGS = 13;
    static final int WINDOW = 14;
    static final int CHECKSUM = 16;
    static final int URGENT_POINTER = 18;
    static final int OPTIONS = 20;

    private byte[] data;
    private int offset;
    private int available;

    /** Views the header at {@code offset}, with {@code available} bytes of segment (the IP payload). */
    public TcpHeader wrap(byte[] data, int offset, int available) {
        this.data = data;
        this.offset = offset;
        this.available = available;
        return this;
    }

    /**
     * Validates a received segment: null when the header fits and the checksum verifies, else
     * the drop reason. Options are checked by {@link #parseOptions}.
     */
    public TcpEvent check(int sourceAddress, int destinationAddress) {
        TcpEvent bad = checkLengths();
        if (bad != null) {
            return bad;
        }
        // RFC 9293 §3.1: a receiver checks the checksum (MUST-3). Unlike UDP there is no
        // "no checksum" value: a zero field is checked like any other.
        if (computeChecksum(sourceAddress, destinationAddress, available) != 0) {
            return TcpEvent.DROP_BAD_CHECKSUM;
        }
        return null;
    }

    /**
     * {@link #check} without the checksum, for a segment from a link with checksum offload: null
     * when the header fits, else the drop reason.
     */
    public TcpEvent checkLengths() {
        if (available < MIN_LENGTH) {
            return TcpEvent.DROP_TRUNCATED;
        }
        int headerLength = headerLength();
        if (headerLength < MIN_LENGTH || headerLength > available) {
            return TcpEvent.DROP_BAD_HEADER_LENGTH;
        }
        return null;
    }

    public int sourcePort() {
        return Bytes.u16(data, offset + SOURCE_PORT);
    }

    public int destinationPort() {
        return Bytes.u16(data, offset + DESTINATION_PORT);
    }

    /** SEG.SEQ, the raw 32 bits; compare with {@link Seq}. */
    public int sequence() {
        return Bytes.i32(data, offset + SEQUENCE);
    }

    /** SEG.ACK, the raw 32 bits; meaningful when ACK is set. */
    public int acknowledgment() {
        return Bytes.i32(data, offset + ACKNOWLEDGMENT);
    }

    /** Data offset × 4: header and options, in bytes. */
    public int headerLength() {
        return ((data[offset + DATA_OFFSET] & 0xF0) >>> 4) * 4;
    }

    /** The eight control bits. The reserved bits before them are ignored (RFC 9293 §3.1). */
    public int flags() {
        return data[offset + FLAGS] & 0xFF;
    }

    /** Every bit of {@code flag} is set. */
    public boolean has(int flag) {
        return (flags() & flag) == flag;
    }

    /** SEG.WND as sent, before any window scaling (RFC 7323 §2.3). */
    public int window() {
        return Bytes.u16(data, offset + WINDOW);
    }

    public int checksum() {
        return Bytes.u16(data, offset + CHECKSUM);
    }

    public int urgentPointer() {
        return Bytes.u16(data, offset + URGENT_POINTER);
    }

    /** Where the data starts in the array. */
    public int payloadOffset() {
        return offset + headerLength();
    }

    public int payloadLength() {
        return available - headerLength();
    }

    /** SEG.LEN (RFC 9293 §3.4): the data plus one for SYN and one for FIN, which occupy sequence space. */
    public int segmentLength() {
        int length = payloadLength();
        if ((flags() & SYN) != 0) {
            length++;
        }
        if ((flags() & FIN) != 0) {
            length++;
        }
        return length;
    }

    /**
     * Reads the options into {@code into} (reset first): true when they are well formed. RFC 9293
     * §3.2: End of Option List ends them, No-Operation is one byte, every other kind has a length
     * byte (MUST-68) of at least 2 that must stay inside the header; an illegal length (MUST-7)
     * makes the whole list malformed, and so does a known kind with the wrong length. Unknown
     * kinds are skipped by their length (MUST-6). On false {@code into} is left reset. Safe to
     * call on any wrapped bytes: a header that does not fit is malformed too.
     */
    public boolean parseOptions(TcpOptions into) {
        into.reset();
        if (available < MIN_LENGTH) {
            return false;
        }
        int headerLength = headerLength();
        if (headerLength < MIN_LENGTH || headerLength > available) {
            return false;
        }
        int end = offset + headerLength;
        int i = offset + OPTIONS;
        while (i < end) {
            int kind = data[i] & 0xFF;
            if (kind == TcpOptions.KIND_END) {
                break; // what follows is padding, whatever it holds
            }
            if (kind == TcpOptions.KIND_NOP) {
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return malformed(into); // no room for the length byte
            }
            int length = data[i + 1] & 0xFF;
            if (length < 2 || length > end - i) {
                return malformed(into);
            }
            if (!readOption(kind, i, length, into)) {
                return malformed(into);
            }
            i += length;
        }
        return true;
    }

    /** One option of {@code length} bytes at {@code i}; false when a known kind has the wrong length. */
    private boolean readOption(int kind, int i, int length, TcpOptions into) {
        switch (kind) {
            case TcpOptions.KIND_MSS:
                // RFC 9293 §3.7.1: received in any segment (MUST-4, MUST-14), used from the SYN.
                if (length != TcpOptions.MSS_LENGTH) {
                    return false;
                }
                into.setMss(Bytes.u16(data, i + 2));
                return true;
            case TcpOptions.KIND_WINDOW_SCALE:
                if (length != TcpOptions.WINDOW_SCALE_LENGTH) {
                    return false;
                }
                // RFC 7323 §2.3: a shift above 14 MUST be used as 14.
                into.setWindowScale(Math.min(data[i + 2] & 0xFF, TcpOptions.MAX_WINDOW_SCALE));
                return true;
            case TcpOptions.KIND_SACK_PERMITTED:
                if (length != TcpOptions.SACK_PERMITTED_LENGTH) {
                    return false;
                }
                into.setSackPermitted(true);
                return true;
            case TcpOptions.KIND_SACK:
                // RFC 2018 §3: 8 × n + 2 bytes for n blocks; n ≤ 4 follows from the header's room.
                int blocks = length - TcpOptions.SACK_BASE_LENGTH;
                if (blocks < TcpOptions.SACK_BLOCK_LENGTH || blocks % TcpOptions.SACK_BLOCK_LENGTH != 0) {
                    return false;
                }
                into.markSackPresent();
                for (int b = i + TcpOptions.SACK_BASE_LENGTH; b < i + length; b += TcpOptions.SACK_BLOCK_LENGTH) {
                    into.addReceivedSackBlock(Bytes.i32(data, b), Bytes.i32(data, b + 4));
                }
                return true;
            case TcpOptions.KIND_TIMESTAMPS:
                if (length != TcpOptions.TIMESTAMPS_LENGTH) {
                    return false;
                }
                into.setTimestamps(Bytes.u32(data, i + 2), Bytes.u32(data, i + 6));
                return true;
            default:
                return true; // RFC 9293 §3.2: ignored without error (MUST-6)
        }
    }

    private static boolean malformed(TcpOptions into) {
        into.reset();
        return false;
    }

    /**
     * Writes the header at the wrapped offset, with {@code options} (none when null or empty) in
     * Linux's layout, every option padded to a 32-bit word with NOPs. Reserved bits, checksum
     * and urgent pointer are zeroed; {@link #updateChecksum} fills the checksum once the data
     * is in place. Returns the header length, where the data goes.
     */
    public int write(int sourcePort, int destinationPort, int sequence, int acknowledgment, int flags, int window,
            TcpOptions options) {
        int optionsLength = options == null ? 0 : options.writeTo(data, offset + OPTIONS);
        int headerLength = MIN_LENGTH + optionsLength;
        Bytes.put16(data, offset + SOURCE_PORT, sourcePort);
        Bytes.put16(data, offset + DESTINATION_PORT, destinationPort);
        Bytes.put32(data, offset + SEQUENCE, sequence);
        Bytes.put32(data, offset + ACKNOWLEDGMENT, acknowledgment);
        data[offset + DATA_OFFSET] = (byte) ((headerLength / 4) << 4);
        data[offset + FLAGS] = (byte) flags;
        Bytes.put16(data, offset + WINDOW, window);
        Bytes.put16(data, offset + CHECKSUM, 0);
        Bytes.put16(data, offset + URGENT_POINTER, 0);
        return headerLength;
    }

    /**
     * Computes and stores the checksum (RFC 9293 §3.1, MUST-2) over the pseudo-header and the
     * {@code segmentLength} bytes of header and data that start at the wrapped offset.
     */
    public void updateChecksum(int sourceAddress, int destinationAddress, int segmentLength) {
        Bytes.put16(data, offset + CHECKSUM, 0);
        Bytes.put16(data, offset + CHECKSUM, computeChecksum(sourceAddress, destinationAddress, segmentLength));
    }

    /** The checksum over the pseudo-header and {@code length} bytes; 0 when a received one is right. */
    private int computeChecksum(int sourceAddress, int destinationAddress, int length) {
        long sum = InternetChecksum.pseudoHeader(sourceAddress, destinationAddress, IpProtocol.TCP, length);
        return InternetChecksum.finish(InternetChecksum.add(sum, data, offset, length));
    }
}
