package io.slipway.base;

/**
 * A fixed pool of equally sized packet buffers, allocated once. {@link #acquire} hands out a
 * buffer with the configured headroom or {@code null} when none is left (the caller drops and
 * counts); {@link #release} takes it back. The pool counts what is out, so a test can assert at
 * teardown that every buffer came back (the leak check lwIP's unit tests make).
 *
 * <p>Owned by one thread (the stack thread); not thread-safe.
 */
public final class PacketPool {
    private final PacketBuffer[] all;
    private final int[] freeStack;
    private final int headroom;
    private int freeCount;
    private long exhausted;
    private int lowWater;

    public PacketPool(int buffers, int bufferSize, int headroom) {
        if (buffers < 1) {
            throw new IllegalArgumentException("a pool needs at least one buffer");
        }
        if (headroom < 0 || headroom >= bufferSize) {
            throw new IllegalArgumentException("headroom " + headroom + " must be below buffer size " + bufferSize);
        }
        this.all = new PacketBuffer[buffers];
        this.freeStack = new int[buffers];
        this.headroom = headroom;
        for (int i = 0; i < buffers; i++) {
            all[i] = new PacketBuffer(bufferSize, i);
            all[i].pooled = true;
            freeStack[i] = buffers - 1 - i;
        }
        this.freeCount = buffers;
        this.lowWater = buffers;
    }

    /** A buffer reset to the pool's headroom, or {@code null} when the pool is empty. */
    public PacketBuffer acquire() {
        if (freeCount == 0) {
            exhausted++;
            return null;
        }
        PacketBuffer b = all[freeStack[--freeCount]];
        b.pooled = false;
        lowWater = Math.min(lowWater, freeCount);
        return b.reset(headroom);
    }

    /** Returns a buffer; releasing one twice, or one from another pool, is a bug and throws. */
    public void release(PacketBuffer b) {
        int i = b.poolIndex();
        if (i < 0 || i >= all.length || all[i] != b) {
            throw new IllegalArgumentException("buffer does not belong to this pool");
        }
        if (b.pooled) {
            throw new IllegalStateException("buffer " + i + " released twice");
        }
        b.pooled = true;
        freeStack[freeCount++] = i;
    }

    public int capacity() {
        return all.length;
    }

    public int available() {
        return freeCount;
    }

    /** Buffers handed out and not yet returned: 0 at teardown, or something leaked. */
    public int inUse() {
        return all.length - freeCount;
    }

    /** How often {@link #acquire} found the pool empty. */
    public long exhaustedCount() {
        return exhausted;
    }

    /** The fewest buffers that were ever free at once. */
    public int lowWaterMark() {
        return lowWater;
    }

    public int bufferSize() {
        return all[0].capacity();
    }

    public int headroom() {
        return headroom;
    }
}
