package io.slipway.hal.loopback;

import io.slipway.base.PacketBuffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The receiving end's bounded queue of arrived frames, counted in frames as an adapter's receive
 * ring is. Fixed arrays, one per frame slot; nothing allocates after construction.
 *
 * <p><b>Threads.</b> A single-producer, single-consumer ring: frames are added only under the
 * owning {@link Lane}'s lock (by whichever thread moves arrivals off the wire, one at a time),
 * and taken only by the receiving end's thread, without the lock. The tail is written after
 * the frame it publishes, the head after the frame it frees is read, both volatile, so
 * each side sees the other's slots complete; the receiver thus drains a batch of frames for one
 * lock taken to move them, not one lock per frame.
 */
final class ReceiveQueue {
    /**
     * Not final per slot: frames change hands by exchanging arrays ({@link #handOver}, and
     * {@link #poll(PacketBuffer, int)}). The consumer writes the element of the slot it frees
     * before it publishes the head, the producer that of the slot it fills before the tail.
     */
    private final byte[][] frames;
    /** Where each slot's frame starts in its array: the sender's offset when the array was handed over. */
    private final int[] offsets;
    private final int[] lengths;
    private final long[] arrivals;
    /** Per frame: the receive losses found before it was queued (RFC 1144 §4.1's place). */
    private final long[] lossMarks;
    private static final VarHandle POSITION = MethodHandles.arrayElementVarHandle(long[].class);
    /**
     * The two positions, each alone in its own cache line: at {@link #HEAD} the frames ever taken
     * (written by the consumer only), at {@link #TAIL} the frames ever added (by the producer
     * only). Side by side in one line, every frame would pull that line from one core to the
     * other twice; 64 bytes from each other and from the array's ends, they share none.
     */
    private final long[] positions = new long[24];
    private static final int HEAD = 8;
    private static final int TAIL = 16;

    ReceiveQueue(int capacityFrames, int maxFrameLength) {
        this.frames = new byte[capacityFrames][maxFrameLength];
        this.offsets = new int[capacityFrames];
        this.lengths = new int[capacityFrames];
        this.arrivals = new long[capacityFrames];
        this.lossMarks = new long[capacityFrames];
    }

    boolean isEmpty() {
        return tail() == head();
    }

    int size() {
        return (int) (tail() - head());
    }

    private long head() {
        return (long) POSITION.getVolatile(positions, HEAD);
    }

    private long tail() {
        return (long) POSITION.getVolatile(positions, TAIL);
    }

    /**
     * Adds a copy of the frame, placed {@code at} bytes into the slot's array; returns false,
     * keeping nothing, when the queue is full.
     */
    boolean offer(byte[] src, int off, int len, int at, long arrivalNanos, long lossMark) {
        long t = tail();
        if (t - head() == frames.length) {
            return false;
        }
        int slot = index(t);
        if (len > frames[slot].length - at) {
            // The decoder and the sending end both cap frames at the receiver's maximum.
            throw new IllegalStateException("frame of " + len + " bytes at " + at + " exceeds " + frames[slot].length);
        }
        System.arraycopy(src, off, frames[slot], at, len);
        publish(t, slot, at, len, arrivalNanos, lossMark);
        return true;
    }

    /**
     * Queues {@code frame[off..off+len)} by taking the array itself, not a copy of it; returns the
     * queue's free array of the same length in exchange, or {@code frame} itself (the caller
     * keeping it) when the queue is full. The arrays only change hands, so nothing allocates.
     */
    byte[] handOver(byte[] frame, int off, int len, long arrivalNanos, long lossMark) {
        long t = tail();
        if (t - head() == frames.length) {
            return frame;
        }
        int slot = index(t);
        byte[] free = frames[slot];
        if (frame.length != free.length) {
            throw new IllegalStateException("a " + frame.length + "-byte array in exchange for " + free.length);
        }
        frames[slot] = frame;
        publish(t, slot, off, len, arrivalNanos, lossMark);
        return free;
    }

    private void publish(long t, int slot, int off, int len, long arrivalNanos, long lossMark) {
        offsets[slot] = off;
        lengths[slot] = len;
        arrivals[slot] = arrivalNanos;
        lossMarks[slot] = lossMark;
        POSITION.setVolatile(positions, TAIL, t + 1);
    }

    /** Length of the oldest frame; the queue must not be empty. Consumer only, as all below. */
    int peekLength() {
        return lengths[index(head())];
    }

    /** When the oldest frame arrived; the queue must not be empty. */
    long peekArrival() {
        return arrivals[index(head())];
    }

    /** The loss mark the oldest frame was queued with; the queue must not be empty. */
    long peekLossMark() {
        return lossMarks[index(head())];
    }

    /** Copies the oldest frame into {@code dst} at {@code off} and removes it; returns its length. */
    int poll(byte[] dst, int off) {
        int slot = index(head());
        int len = lengths[slot];
        System.arraycopy(frames[slot], offsets[slot], dst, off, len);
        skip();
        return len;
    }

    /**
     * Removes the oldest frame into the exchangeable buffer {@code into} and sets its window to
     * it; returns its length. The frame's array changes places with the buffer's when the frame
     * starts at least {@code headroom} bytes in (the room the buffer's owner needs in front),
     * else the frame is copied to {@code headroom}.
     */
    int poll(PacketBuffer into, int headroom) {
        int slot = index(head());
        int at = offsets[slot];
        int len = lengths[slot];
        if (at >= headroom) { // the arrays' lengths match: the lane's are all EXCHANGE_CAPACITY
            frames[slot] = into.exchange(frames[slot]);
            into.set(at, len);
        } else {
            System.arraycopy(frames[slot], at, into.data(), headroom, len);
            into.set(headroom, len);
        }
        skip();
        return len;
    }

    /** Removes the oldest frame without copying it. */
    void skip() {
        POSITION.setVolatile(positions, HEAD, head() + 1);
    }

    private int index(long position) {
        return (int) (position % frames.length);
    }
}
