package io.slipway.hal.loopback;

import io.slipway.base.Clock;

/**
 * The sending side of one direction: a bounded transmit queue draining onto a paced line.
 *
 * <p>A frame starts when the line is free and takes 10 bit-times per wire byte (8N1: start bit,
 * eight data bits, stop bit), so {@code wireBytes * 10 / baud} seconds. When it finishes is
 * rounded <em>up</em> to a whole nanosecond, so a frame never arrives before its last bit has
 * crossed: a 102-byte frame at 115200 baud sent at 0 takes 8 854 166.7 ns and finishes at
 * 8 854 167. Back-to-back frames are timed from the bits sent since the line was last idle and
 * rounded once, so rounding does not accumulate: three such frames finish at 8 854 167,
 * 17 708 334 and exactly 26 562 500. A frame counts as queued until its last byte has left;
 * unpaced, it leaves at once and is never queued.
 *
 * <p>Departure times are fixed when a frame is queued: a FIFO line cannot change them later, and
 * computing them up front needs no thread to run the line. Not thread-safe: the owning
 * {@link Lane} holds its lock.
 */
final class TransmitLine {
    private static final long BIT_TIMES_PER_BYTE = 10;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int baud;
    /** Ring of the queued frames' departure ends, oldest at {@code head}; they only grow. */
    private final long[] departures;
    private int head;
    private int count;
    /** When the last frame put on the line finishes leaving; at or before now when the line is idle. */
    private long lineFreeAt = Long.MIN_VALUE;
    /**
     * The line has been busy since {@code busyEpoch} plus whole seconds, sending {@code busyBits}
     * since then; invariant while busy: {@code lineFreeAt == busyEpoch + ceil(busyBits * 1e9 / baud)}
     * and {@code busyBits < baud}, so the product cannot overflow.
     */
    private long busyEpoch;
    private long busyBits;

    TransmitLine(int baud, int queueFrames) {
        this.baud = baud;
        this.departures = new long[queueFrames];
    }

    /** Forgets the frames that have finished leaving by {@code now}. */
    void retire(long now) {
        while (count > 0 && departures[head] <= now) {
            head = head + 1 == departures.length ? 0 : head + 1;
            count--;
        }
    }

    /** Whether the queue is full; call {@link #retire} first. */
    boolean isFull() {
        return count == departures.length;
    }

    /** When the oldest queued frame finishes leaving, or {@link Clock#NEVER} if none is queued. */
    long oldestDepartureNanos() {
        return count == 0 ? Clock.NEVER : departures[head];
    }

    /**
     * Puts a frame of {@code wireBytes} on the line behind those already queued; returns when its
     * last byte leaves. The caller has checked that the queue is not full.
     */
    long send(long now, int wireBytes) {
        if (baud == 0) {
            return now;
        }
        if (lineFreeAt <= now) {
            // Idle line: this frame starts now.
            busyEpoch = now;
            busyBits = 0;
        }
        busyBits += wireBytes * BIT_TIMES_PER_BYTE;
        if (busyBits >= baud) {
            // Whole seconds of bits are exact in nanoseconds: fold them into the epoch.
            long seconds = busyBits / baud;
            busyEpoch += seconds * NANOS_PER_SECOND;
            busyBits -= seconds * baud;
        }
        long end = busyEpoch + ceilDiv(busyBits * NANOS_PER_SECOND, baud);
        lineFreeAt = end;
        if (end > now) {
            departures[(head + count) % departures.length] = end;
            count++;
        }
        return end;
    }

    /** Empties the queue and frees the line: the link went down and took every frame with it. */
    void clear() {
        head = 0;
        count = 0;
        lineFreeAt = Long.MIN_VALUE;
    }

    private static long ceilDiv(long numerator, long divisor) {
        return (numerator + divisor - 1) / divisor;
    }
}
