package io.slipway.tcp;

import io.slipway.base.Bytes;

/**
 * The TCP options slipway understands (RFC 9293 §3.2), as a reusable, mutable value: filled by
 * {@link TcpHeader#parseOptions} from a received segment, or set by a sender and written by
 * {@link TcpHeader#write}. Absent values read as -1 (MSS, window scale) or false.
 *
 * <p>The parser records every option it meets, in any segment (RFC 9293 §3.2, MUST-4); which
 * segment may carry what (window scale and SACK-permitted only on a SYN, RFC 7323 §2.2 and
 * RFC 2018 §2) is the connection's business, not the codec's.
 *
 * <p>Options are written in Linux's layout, each padded in front with NOPs to a 32-bit word:
 * MSS; SACK-permitted and timestamps sharing three words ({@code 04 02 08 0a TSval TSecr}), or
 * {@code 01 01 08 0a ...} without SACK-permitted; {@code 01 01 04 02} for SACK-permitted alone;
 * {@code 01 03 03 shift}; SACK blocks as {@code 01 01 05 len left right ...}. A received SACK
 * option's blocks are kept (at most four, as many as fit) for the sender's scoreboard.
 */
public final class TcpOptions {
    /** End of Option List: the rest of the header is padding (RFC 9293 §3.2). */
    public static final int KIND_END = 0;
    /** No-Operation: one byte, used to align the next option to a word (RFC 9293 §3.2). */
    public static final int KIND_NOP = 1;
    /** Maximum Segment Size (RFC 9293 §3.7.1). */
    public static final int KIND_MSS = 2;
    /** Window scale (RFC 7323 §2.2). */
    public static final int KIND_WINDOW_SCALE = 3;
    /** SACK-permitted (RFC 2018 §2). */
    public static final int KIND_SACK_PERMITTED = 4;
    /** SACK, with 1 to 4 blocks of two sequence numbers (RFC 2018 §3). */
    public static final int KIND_SACK = 5;
    /** Timestamps: TSval and TSecr (RFC 7323 §3.2). */
    public static final int KIND_TIMESTAMPS = 8;

    static final int MSS_LENGTH = 4;
    static final int WINDOW_SCALE_LENGTH = 3;
    static final int SACK_PERMITTED_LENGTH = 2;
    static final int TIMESTAMPS_LENGTH = 10;
    /** The kind and length bytes of a SACK option, then 8 bytes a block (RFC 2018 §3). */
    static final int SACK_BASE_LENGTH = 2;
    static final int SACK_BLOCK_LENGTH = 8;
    /** Four blocks fill the option space with the NOP pair that aligns them (RFC 2018 §3). */
    public static final int MAX_SACK_BLOCKS = 4;

    /** RFC 7323 §2.3: a larger shift would let the window cover more than 2^30 bytes. */
    public static final int MAX_WINDOW_SCALE = 14;
    /** Room for options: a 60-byte header less the 20 fixed bytes (RFC 9293 §3.1). */
    public static final int MAX_LENGTH = TcpHeader.MAX_LENGTH - TcpHeader.MIN_LENGTH;

    private static final long U32 = 0xFFFF_FFFFL;

    private int mss = -1;
    private int windowScale = -1;
    private boolean sackPermitted;
    private boolean sackPresent;
    private boolean timestamps;
    private long tsValue;
    private long tsEcho;
    /** SACK blocks to write (RFC 2018 §3): left and right edges, at most {@link #MAX_SACK_BLOCKS}. */
    private final int[] sackLeft = new int[MAX_SACK_BLOCKS];
    private final int[] sackRight = new int[MAX_SACK_BLOCKS];
    private int sackBlocks;

    /** Back to no options at all. */
    public TcpOptions reset() {
        mss = -1;
        windowScale = -1;
        sackPermitted = false;
        sackPresent = false;
        timestamps = false;
        tsValue = 0;
        tsEcho = 0;
        sackBlocks = 0;
        return this;
    }

    /** The same values as {@code other}. */
    public TcpOptions copyFrom(TcpOptions other) {
        mss = other.mss;
        windowScale = other.windowScale;
        sackPermitted = other.sackPermitted;
        sackPresent = other.sackPresent;
        timestamps = other.timestamps;
        tsValue = other.tsValue;
        tsEcho = other.tsEcho;
        sackBlocks = other.sackBlocks;
        System.arraycopy(other.sackLeft, 0, sackLeft, 0, sackBlocks);
        System.arraycopy(other.sackRight, 0, sackRight, 0, sackBlocks);
        return this;
    }

    /**
     * Adds a SACK block {@code [left, right)} of received data beyond RCV.NXT; false when the
     * option already holds {@link #MAX_SACK_BLOCKS} (or the room left beside timestamps).
     */
    public boolean addSackBlock(int left, int right) {
        int room = (MAX_LENGTH - (encodedLength() - sackLength()) - 4) / SACK_BLOCK_LENGTH;
        if (sackBlocks >= Math.min(MAX_SACK_BLOCKS, room)) {
            return false;
        }
        sackLeft[sackBlocks] = left;
        sackRight[sackBlocks] = right;
        sackBlocks++;
        return true;
    }

    private int sackLength() {
        return sackBlocks == 0 ? 0 : 4 + SACK_BLOCK_LENGTH * sackBlocks;
    }

    /** The peer's maximum segment size, 0..65535, or -1 when absent. */
    public int mss() {
        return mss;
    }

    /** The window shift count, 0..14 (a larger one received is read as 14), or -1 when absent. */
    public int windowScale() {
        return windowScale;
    }

    public boolean sackPermitted() {
        return sackPermitted;
    }

    /** A SACK option was in the segment (its blocks: {@link #sackBlockCount()}). */
    public boolean sackPresent() {
        return sackPresent;
    }

    public boolean timestamps() {
        return timestamps;
    }

    /** TSval, unsigned 32 bits; meaningful when {@link #timestamps()}. */
    public long tsValue() {
        return tsValue;
    }

    /** TSecr, unsigned 32 bits; meaningful when {@link #timestamps()}. */
    public long tsEcho() {
        return tsEcho;
    }

    /** {@code -1} removes the option. */
    public TcpOptions setMss(int mss) {
        if (mss < -1 || mss > 0xFFFF) {
            throw new IllegalArgumentException("MSS out of range: " + mss);
        }
        this.mss = mss;
        return this;
    }

    /** {@code -1} removes the option; a shift above 14 is refused (RFC 7323 §2.3). */
    public TcpOptions setWindowScale(int shift) {
        if (shift < -1 || shift > MAX_WINDOW_SCALE) {
            throw new IllegalArgumentException("window scale out of range: " + shift);
        }
        this.windowScale = shift;
        return this;
    }

    public TcpOptions setSackPermitted(boolean sackPermitted) {
        this.sackPermitted = sackPermitted;
        return this;
    }

    /** Adds the timestamps option; the values are taken modulo 2^32. */
    public TcpOptions setTimestamps(long tsValue, long tsEcho) {
        this.timestamps = true;
        this.tsValue = tsValue & U32;
        this.tsEcho = tsEcho & U32;
        return this;
    }

    public TcpOptions clearTimestamps() {
        this.timestamps = false;
        this.tsValue = 0;
        this.tsEcho = 0;
        return this;
    }

    /** Only the parser sets this. */
    void markSackPresent() {
        this.sackPresent = true;
    }

    /** The parser keeps a received block (RFC 2018 §3); a fifth cannot fit in a header and is not kept. */
    void addReceivedSackBlock(int left, int right) {
        if (sackBlocks < MAX_SACK_BLOCKS) {
            sackLeft[sackBlocks] = left;
            sackRight[sackBlocks] = right;
            sackBlocks++;
        }
    }

    /** SACK blocks held: received ones after parsing, or those added to be written. */
    public int sackBlockCount() {
        return sackBlocks;
    }

    /** The left edge of block {@code i}: its first sequence number. */
    public int sackLeft(int i) {
        return sackLeft[i];
    }

    /** The right edge of block {@code i}: one past its last sequence number. */
    public int sackRight(int i) {
        return sackRight[i];
    }

    /** Nothing to write ({@link #sackPresent()} is not written, so it does not count). */
    public boolean isEmpty() {
        return mss < 0 && windowScale < 0 && !sackPermitted && !timestamps && sackBlocks == 0;
    }

    /** Bytes {@link TcpHeader#write} puts in the header: a multiple of 4, at most 40. */
    public int encodedLength() {
        int length = 0;
        if (mss >= 0) {
            length += 4;
        }
        if (timestamps) {
            length += 12; // SACK-permitted, if set, takes the two bytes a NOP pair would
        } else if (sackPermitted) {
            length += 4;
        }
        if (windowScale >= 0) {
            length += 4;
        }
        return length + sackLength();
    }

    /** Writes the options at {@code at} in Linux's layout (see the class comment); returns {@link #encodedLength()}. */
    int writeTo(byte[] data, int at) {
        int i = at;
        if (mss >= 0) {
            data[i++] = KIND_MSS;
            data[i++] = MSS_LENGTH;
            data[i++] = (byte) (mss >>> 8);
            data[i++] = (byte) mss;
        }
        if (timestamps) {
            if (sackPermitted) {
                data[i++] = KIND_SACK_PERMITTED;
                data[i++] = SACK_PERMITTED_LENGTH;
            } else {
                data[i++] = KIND_NOP;
                data[i++] = KIND_NOP;
            }
            data[i++] = KIND_TIMESTAMPS;
            data[i++] = TIMESTAMPS_LENGTH;
            Bytes.put32(data, i, (int) tsValue);
            Bytes.put32(data, i + 4, (int) tsEcho);
            i += 8;
        } else if (sackPermitted) {
            data[i++] = KIND_NOP;
            data[i++] = KIND_NOP;
            data[i++] = KIND_SACK_PERMITTED;
            data[i++] = SACK_PERMITTED_LENGTH;
        }
        if (windowScale >= 0) {
            data[i++] = KIND_NOP;
            data[i++] = KIND_WINDOW_SCALE;
            data[i++] = WINDOW_SCALE_LENGTH;
            data[i++] = (byte) windowScale;
        }
        if (sackBlocks > 0) {
            data[i++] = KIND_NOP;
            data[i++] = KIND_NOP;
            data[i++] = KIND_SACK;
            data[i++] = (byte) (SACK_BASE_LENGTH + SACK_BLOCK_LENGTH * sackBlocks);
            for (int b = 0; b < sackBlocks; b++) {
                Bytes.put32(data, i, sackLeft[b]);
                Bytes.put32(data, i + 4, sackRight[b]);
                i += SACK_BLOCK_LENGTH;
            }
        }
        return i - at;
    }

    /** For test messages and logs: {@code mss=1460 ws=7 sackOk ts=123/0}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (mss >= 0) {
            s.append(" mss=").append(mss);
        }
        if (windowScale >= 0) {
            s.append(" ws=").append(windowScale);
        }
        if (sackPermitted) {
            s.append(" sackOk");
        }
        if (sackPresent) {
            s.append(" sack");
        }
        for (int b = 0; b < sackBlocks; b++) {
            s.append(" sack=").append(Integer.toUnsignedString(sackLeft[b])).append('-')
                    .append(Integer.toUnsignedString(sackRight[b]));
        }
        if (timestamps) {
            s.append(" ts=").append(tsValue).append('/').append(tsEcho);
        }
        return s.length() == 0 ? "none" : s.substring(1);
    }
}
