package io.slipway.base;

/**
 * One packet's bytes: a fixed array with a window {@code [offset, offset + length)} that moves as
 * headers are added in front ({@link #prepend}) on the way down, or stripped ({@link #consume})
 * on the way up. The space before {@code offset} is the headroom kept for the headers of the
 * layers below, so a packet is built once and never copied to make room.
 *
 * <p>Buffers come from a {@link PacketPool} and go back to it; a buffer is owned by one layer at
 * a time and is not thread-safe.
 */
public final class PacketBuffer {
    private final byte[] data;
    private final int poolIndex;
    private int offset;
    private int length;
    /** True while the buffer sits in its pool; guards against double release and use after release. */
    boolean pooled;

    PacketBuffer(int capacity, int poolIndex) {
        this.data = new byte[capacity];
        this.poolIndex = poolIndex;
    }

    /** A buffer outside any pool, for tests and one-off use. */
    public static PacketBuffer standalone(int capacity, int headroom) {
        PacketBuffer b = new PacketBuffer(capacity, -1);
        b.reset(headroom);
        return b;
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
