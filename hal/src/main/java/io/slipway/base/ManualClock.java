package io.slipway.base;

/**
 * Virtual time for tests and simulations: it moves only when told to, so a run replays exactly.
 * Time never goes backwards.
 */
public final class ManualClock implements Clock {
    private volatile long now;

    public ManualClock() {
        this(0);
    }

    public ManualClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanos() {
        return now;
    }

    /** Moves time forward by {@code nanos} (which must not be negative). */
    public void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time cannot go backwards: " + nanos);
        }
        // addExact: a wrapped sum would be a jump back in time
        now = Math.addExact(now, nanos);
    }

    /** Moves time forward to {@code nanos}; earlier values are refused. */
    public void set(long nanos) {
        if (nanos < now) {
            throw new IllegalArgumentException("time cannot go backwards: " + nanos + " < " + now);
        }
        now = nanos;
    }

    public void advanceMillis(long millis) {
        advance(Math.multiplyExact(millis, 1_000_000L));
    }
}
