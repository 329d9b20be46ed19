package io.slipway.base;

/** What a {@link Timer} does when it fires. */
@FunctionalInterface
public interface TimerAction {
    /** Called on the stack thread at or after the deadline; may reschedule its timer. */
    void onTimer(long nowNanos);
}
