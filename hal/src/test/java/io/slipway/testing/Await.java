package io.slipway.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;

/**
 * Waits for a condition that another thread (a serial reader, a socat process) will make true,
 * checking it every millisecond up to a deadline. Tests wait for the event itself, never for a
 * fixed time in the hope that it happened.
 */
public final class Await {
    /** Long enough for a loaded CI machine; reached only when the test is failing anyway. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails with {@code what} after the default timeout. */
    public static void until(BooleanSupplier condition, String what) {
        until(condition, () -> what, DEFAULT_TIMEOUT);
    }

    /** Returns once {@code condition} holds; fails with {@code what} after {@code timeout}. */
    public static void until(BooleanSupplier condition, Supplier<String> what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                Assertions.fail("timed out after " + timeout.toMillis() + " ms waiting for: " + what.get());
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /** Waits until {@code thread} is blocked (waiting, timed waiting or on a monitor). */
    public static void blocked(Thread thread) {
        until(() -> {
            Thread.State s = thread.getState();
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED;
        }, () -> thread.getName() + " to block, state " + thread.getState(), DEFAULT_TIMEOUT);
    }
}
