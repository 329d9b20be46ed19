package io.slipway.base;

/**
 * One packet's bytes: an array with a window {@code [offset, offset + length)} that moves as
 * headers are added in front ({@link #prepend}) on the way down, or stripped ({@link #consume})
 * on the way up. The space before {@code offset} is the headroom kept for the headers of the
 * layers below, so a packet is built once and never copied to make room.
 *
 * <p>Buffers come from a {@link PacketPool} and go back to it; a buffer is owned by one layer at
 * a time and is not thread-safe.
 *
 * <p>An {@linkplain #exchangeable exchangeable} buffer's array may change places with another of
 * the same length ({@link #exchange}), so that an adapter can take a frame, or hand one over,
 * without copying it (as a network card's driver swaps a full ring buffer for an empty one).
 * Whoever owns such a buffer reads its array through {@link #data()} each time and keeps no
 * reference to it across a call that is given the buffer. Every other buffer's array is fixed.
 */
public final class PacketBuffer {
    /**
     * The length of every exchangeable buffer's array: the largest IPv4 datagram (65 535 bytes)
     * with room for link and IP headers in front. One length for all, so that arrays can change
     * places between any two of them.
     */
    public static final int EXCHANGE_CAPACITY = 128 + 65_535;

    private byte[] data;
    private final int poolIndex;
    private final boolean exchangeable;
    private int offset;
    private int length;
    /** True while the buffer sits in its pool; guards against double release and use after release. */
    boolean pooled;

    PacketBuffer(int capacity, int poolIndex) {
        this(capacity, poolIndex, false);
    }

    private PacketBuffer(int capacity, int poolIndex, boolean exchangeable) {
        this.data = new byte[capacity];
        this.poolIndex = poolIndex;
        this.exchangeable = exchangeable;
    }

    /** A buffer outside any pool, for tests and one-off use. */
    public static PacketBuffer standalone(int capacity, int headroom) {
        PacketBuffer b = new PacketBuffer(capacity, -1, false);
        b.reset(headroom);
        return b;
    }

    /**
     * A buffer outside any pool whose array, {@link #EXCHANGE_CAPACITY} bytes long, may change
     * places with another ({@link #exchange}).
     */
    public static PacketBuffer exchangeable(int headroom) {
        PacketBuffer b = new PacketBuffer(EXCHANGE_CAPACITY, -1, true);
        b.reset(headroom);
        return b;
    }

    /** Whether {@link #exchange} may give this buffer another array. */
    public boolean isExchangeable() {
        return exchangeable;
    }

    /**
     * Gives this exchangeable buffer {@code replacement} as its array and returns the array it
     * had, which the caller then owns; the window stays as it was. {@code replacement} must be
     * {@link #EXCHANGE_CAPACITY} bytes long, so every exchangeable buffer keeps its capacity.
     */
    public byte[] exchange(byte[] replacement) {
        if (!exchangeable) {
            throw new IllegalStateException("this buffer's array is fixed");
        }
        if (replacement.length != EXCHANGE_CAPACITY) {
            throw new IllegalArgumentException("a " + replacement.length + "-byte array in exchange for "
                    + EXCHANGE_CAPACITY);
        }
        if (replacement == data) {
            throw new IllegalArgumentException("an array in exchange for itself");
        }
        byte[] old = data;
        data = replacement;
        return old;
    }

    public byte[] data() {
        return data;
    }

    /** Index of the first byte of the packet in {@link #data()}. */
    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** Index one past the last byte of the packet. */
    public int end() {
        return offset + length;
    }

    public int capacity() {
        return data.length;
    }

    /** Free bytes in front of the packet. */
    public int headroom() {
        return offset;
    }

    /** Free bytes after the packet. */
    public int tailroom() {
        return data.length - offset - length;
    }

    int poolIndex() {
        return poolIndex;
    }

    /** Empties the buffer, keeping {@code headroom} bytes free in front. */
    public PacketBuffer reset(int headroom) {
        if (headroom < 0 || headroom > data.length) {
            throw new IllegalArgumentException("headroom " + headroom + " outside 0.." + data.length);
        }
        offset = headroom;
        length = 0;
        return this;
    }

    /** Grows the packet at the front by {@code n} bytes (a header); returns the new offset. */
    public int prepend(int n) {
        if (n < 0 || n > offset) {
            throw new IllegalStateException("no headroom for " + n + " bytes, have " + offset);
        }
        offset -= n;
        length += n;
        return offset;
    }

    /** Grows the packet at the end by {@code n} bytes; returns where they start. */
    public int append(int n) {
        if (n < 0 || n > tailroom()) {
            throw new IllegalStateException("no tailroom for " + n + " bytes, have " + tailroom());
        }
        int at = offset + length;
        length += n;
        return at;
    }

    /** Copies bytes onto the end of the packet. */
    public void append(byte[] src, int off, int len) {
        System.arraycopy(src, off, data, append(len), len);
    }

    /** Strips {@code n} bytes from the front (a header that has been read). */
    public void consume(int n) {
        if (n < 0 || n > length) {
            throw new IllegalStateException("cannot consume " + n + " of " + length + " bytes");
        }
        offset += n;
        length -= n;
    }

    /** Cuts the packet to {@code newLength} bytes (padding after the real end). */
    public void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalStateException("cannot truncate " + length + " bytes to " + newLength);
        }
        length = newLength;
    }

    /** Sets the window directly, e.g. after a driver has received a frame into the array. */
    public void set(int offset, int length) {
        // length > data.length - offset rather than offset + length > data.length: the sum can overflow
        if (offset < 0 || length < 0 || offset > data.length || length > data.length - offset) {
            throw new IllegalArgumentException("window " + offset + "+" + length + " outside " + data.length);
        }
        this.offset = offset;
        this.length = length;
    }
}
