package io.slipway.hal.loopback;

/**
 * The receiving end's bounded queue of arrived frames, counted in frames as an adapter's receive
 * ring is. Fixed arrays, one per frame slot; nothing allocates after construction. Not
 * thread-safe: the owning {@link Lane} holds its lock.
 */
final class ReceiveQueue {
    private final byte[][] frames;
    private final int[] lengths;
    private final long[] arrivals;
    /** Per frame: the receive losses found before it was queued (RFC 1144 §4.1's place). */
    private final long[] lossMarks;
    private int head;
    private int count;

    ReceiveQueue(int capacityFrames, int maxFrameLength) {
        this.frames = new byte[capacityFrames][maxFrameLength];
        this.lengths = new int[capacityFrames];
        this.arrivals = new long[capacityFrames];
        this.lossMarks = new long[capacityFrames];
    }

    boolean isEmpty() {
        return count == 0;
    }

    int size() {
        return count;
    }

    /** Adds a copy of the frame; returns false, keeping nothing, when the queue is full. */
    boolean offer(byte[] src, int off, int len, long arrivalNanos, long lossMark) {
        if (count == frames.length) {
            return false;
        }
        int tail = (head + count) % frames.length;
        if (len > frames[tail].length) {
            // The decoder and the sending end both cap frames at the receiver's maximum.
            throw new IllegalStateException("frame of " + len + " bytes exceeds " + frames[tail].length);
        }
        System.arraycopy(src, off, frames[tail], 0, len);
        lengths[tail] = len;
        arrivals[tail] = arrivalNanos;
        lossMarks[tail] = lossMark;
        count++;
        return true;
    }

    /** Length of the oldest frame; the queue must not be empty. */
    int peekLength() {
        return lengths[head];
    }

    /** When the oldest frame arrived; the queue must not be empty. */
    long peekArrival() {
        return arrivals[head];
    }

    /** The loss mark the oldest frame was queued with; the queue must not be empty. */
    long peekLossMark() {
        return lossMarks[head];
    }

    /** Copies the oldest frame into {@code dst} at {@code off} and removes it; returns its length. */
    int poll(byte[] dst, int off) {
        int len = lengths[head];
        System.arraycopy(frames[head], 0, dst, off, len);
        skip();
        return len;
    }

    /** Removes the oldest frame without copying it. */
    void skip() {
        head = head + 1 == frames.length ? 0 : head + 1;
        count--;
    }
}
