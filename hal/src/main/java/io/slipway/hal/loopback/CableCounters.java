package io.slipway.hal.loopback;

import io.slipway.base.Counters;

/**
 * What the impairments of one direction of a cable did, for tests and stats. Written by the
 * cable under the direction's lock; any thread may read.
 */
public final class CableCounters {
    private final Counters<CableEvent> events = new Counters<>(CableEvent.class);
    /** Written by one thread at a time (under the direction's lock), read by any. */
    private volatile long wireBytes;

    CableCounters() {
    }

    void increment(CableEvent event) {
        events.increment(event);
    }

    void addWireBytes(int n) {
        wireBytes += n;
    }

    /**
     * Bytes put on the line in this direction, as the framing encoded them (SLIP's END and
     * escapes included), lost frames too: what the line's time went to.
     */
    public long wireBytes() {
        return wireBytes;
    }

    public long get(CableEvent event) {
        return events.get(event);
    }

    public long lost() {
        return get(CableEvent.LOST);
    }

    public long corrupted() {
        return get(CableEvent.CORRUPTED);
    }

    public long duplicated() {
        return get(CableEvent.DUPLICATED);
    }

    public long reordered() {
        return get(CableEvent.REORDERED);
    }

    public long mtuCapped() {
        return get(CableEvent.MTU_CAPPED);
    }

    public long linkDownLost() {
        return get(CableEvent.LINK_DOWN_LOST);
    }

    /** The events that happened, as {@code name=count} pairs. */
    @Override
    public String toString() {
        return events + " " + wireBytes + " wire bytes";
    }
}
