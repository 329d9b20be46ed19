package io.slipway.base;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A power-of-two ring of bytes for stream data, indexed by absolute 64-bit positions.
 *
 * <pre>
 *   readPosition            writePosition             readPosition + capacity
 *        |  readable bytes        |        free space          |
 * </pre>
 *
 * Positions only grow; the array index is {@code position & mask}. A stream protocol maps its
 * sequence numbers onto positions (TCP: the send ring holds unsent + unacknowledged bytes, and
 * {@link #peek} re-reads them for retransmission; the receive ring takes out-of-order bytes with
 * {@link #writeAt} before {@link #commit} makes them readable).
 *
 * <p>Safe for one producer thread (write, writeAt, commit) and one consumer thread (read, peek,
 * skip): each position is written by one side only and published with release/acquire ordering,
 * so data crosses between an application thread and the stack thread without locks.
 */
public final class ByteRing {
    private static final VarHandle READ;
    private static final VarHandle WRITE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            READ = l.findVarHandle(ByteRing.class, "readPosition", long.class);
            WRITE = l.findVarHandle(ByteRing.class, "writePosition", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final byte[] data;
    private final int mask;
    /** Consumer-owned: position of the first unread byte. Invariant: read <= write. */
    @SuppressWarnings("unused")
    private volatile long readPosition;
    /** Producer-owned: position one past the last readable byte. Invariant: write - read <= capacity. */
    @SuppressWarnings("unused")
    private volatile long writePosition;

    /** A ring of {@code capacity} bytes, which must be a power of two. */
    public ByteRing(int capacity) {
        Bytes.requirePowerOfTwo(capacity, "ring capacity");
        this.data = new byte[capacity];
        this.mask = capacity - 1;
    }

    public int capacity() {
        return data.length;
    }

    public long readPosition() {
        return (long) READ.getAcquire(this);
    }

    public long writePosition() {
        return (long) WRITE.getAcquire(this);
    }

    /** Bytes readable now. */
    public int size() {
        return (int) (writePosition() - readPosition());
    }

    /** Bytes that can be written now. */
    public int free() {
        return data.length - size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Appends up to {@code len} bytes; returns how many fitted. */
    public int write(byte[] src, int off, int len) {
        long w = (long) WRITE.getOpaque(this);
        int n = Math.min(len, data.length - (int) (w - readPosition()));
        if (n <= 0) {
            return 0;
        }
        copyIn(w, src, off, n);
        WRITE.setRelease(this, w + n);
        return n;
    }

    /** Appends one byte; returns false when the ring is full. */
    public boolean write(byte b) {
        long w = (long) WRITE.getOpaque(this);
        if (w - readPosition() >= data.length) {
            return false;
        }
        data[(int) w & mask] = b;
        WRITE.setRelease(this, w + 1);
        return true;
    }

    /**
     * Stores bytes at {@code offset} bytes past the write position without making them readable
     * (out-of-order data). Bytes that would not fit in the free space are not stored; returns how
     * many were stored from the start of {@code src}.
     */
    public int writeAt(int offset, byte[] src, int off, int len) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        long w = (long) WRITE.getOpaque(this);
        int room = data.length - (int) (w - readPosition()) - offset;
        int n = Math.min(len, room);
        if (n <= 0) {
            return 0;
        }
        copyIn(w + offset, src, off, n);
        return n;
    }

    /** Makes {@code n} bytes stored by {@link #writeAt} at offset 0 onwards readable. */
    public void commit(int n) {
        long w = (long) WRITE.getOpaque(this);
        if (n < 0 || n > data.length - (int) (w - readPosition())) {
            throw new IllegalArgumentException("cannot commit " + n + " bytes, free " + free());
        }
        WRITE.setRelease(this, w + n);
    }

    /** Takes up to {@code len} bytes; returns how many. */
    public int read(byte[] dst, int off, int len) {
        long r = (long) READ.getOpaque(this);
        int n = Math.min(len, (int) (writePosition() - r));
        if (n <= 0) {
            return 0;
        }
        copyOut(r, dst, off, n);
        READ.setRelease(this, r + n);
        return n;
    }

    /** Takes one byte, or returns -1 when empty. */
    public int read() {
        long r = (long) READ.getOpaque(this);
        if (writePosition() == r) {
            return -1;
        }
        int b = data[(int) r & mask] & 0xff;
        READ.setRelease(this, r + 1);
        return b;
    }

    /**
     * Copies up to {@code len} readable bytes starting {@code offset} bytes past the read position,
     * without consuming them (retransmission); returns how many.
     */
    public int peek(int offset, byte[] dst, int off, int len) {
        if (offset < 0) {
            // bytes before the read position are consumed, not readable: refuse, as writeAt does
            throw new IllegalArgumentException("negative offset " + offset);
        }
        long r = (long) READ.getOpaque(this);
        int n = Math.min(len, (int) (writePosition() - r) - offset);
        if (n <= 0) {
            return 0;
        }
        copyOut(r + offset, dst, off, n);
        return n;
    }

    /** Consumes {@code n} readable bytes without copying them (acknowledged data). */
    public void skip(int n) {
        long r = (long) READ.getOpaque(this);
        if (n < 0 || n > (int) (writePosition() - r)) {
            throw new IllegalArgumentException("cannot skip " + n + " bytes, readable " + size());
        }
        READ.setRelease(this, r + n);
    }

    /** Empties the ring; only when neither side is using it. */
    public void clear() {
        READ.setRelease(this, writePosition());
    }

    private void copyIn(long position, byte[] src, int off, int n) {
        int i = (int) position & mask;
        int first = Math.min(n, data.length - i);
        System.arraycopy(src, off, data, i, first);
        System.arraycopy(src, off + first, data, 0, n - first);
    }

    private void copyOut(long position, byte[] dst, int off, int n) {
        int i = (int) position & mask;
        int first = Math.min(n, data.length - i);
        System.arraycopy(data, i, dst, off, first);
        System.arraycopy(data, 0, dst, off + first, n - first);
    }
}
