package io.slipway.base;

/**
 * A reusable timer: created once by its owner (a connection, an ARP entry), then scheduled and
 * cancelled in a {@link TimerQueue} as often as needed without allocating.
 */
public final class Timer {
    final TimerAction action;
    long deadline = Clock.NEVER;
    /** Position in the queue's heap, or -1 when not scheduled. */
    int heapIndex = -1;

    public Timer(TimerAction action) {
        this.action = action;
    }

    public boolean isScheduled() {
        return heapIndex >= 0;
    }

    /** The deadline while scheduled, {@link Clock#NEVER} otherwise. */
    public long deadline() {
        return heapIndex >= 0 ? deadline : Clock.NEVER;
    }
}
