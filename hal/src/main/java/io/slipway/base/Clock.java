package io.slipway.base;

/**
 * Monotonic time in nanoseconds. The core never reads the wall clock: it is handed a clock, a
 * {@link SystemClock} in real time or a {@link ManualClock} in a simulation.
 */
public interface Clock {
    /** A deadline that never comes: "nothing scheduled". */
    long NEVER = Long.MAX_VALUE;

    /** Current time in nanoseconds on an arbitrary, monotonic origin. */
    long nanos();
}
