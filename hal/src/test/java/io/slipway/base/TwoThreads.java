package io.slipway.base;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Runs a producer and a consumer on two threads for the single-producer/single-consumer stress
 * tests, with a time bound: the bodies spin, so they poll {@code stop} rather than rely on
 * interruption, and a hung or failed side stops the other.
 */
final class TwoThreads {
    /** One side's loop; returns when done or when {@code stop} turns true. */
    @FunctionalInterface
    interface Side {
        void run(BooleanSupplier stop) throws Exception;
    }

    private TwoThreads() {
    }

    static void run(long timeoutSeconds, Side producer, Side consumer) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BooleanSupplier stop = () -> failure.get() != null;
        Thread p = start("producer", producer, stop, failure);
        Thread c = start("consumer", consumer, stop, failure);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        p.join(TimeUnit.NANOSECONDS.toMillis(Math.max(1, deadline - System.nanoTime())));
        c.join(TimeUnit.NANOSECONDS.toMillis(Math.max(1, deadline - System.nanoTime())));
        if (p.isAlive() || c.isAlive()) {
            failure.compareAndSet(null, new AssertionError("timed out after " + timeoutSeconds + " s"));
            p.join(1000);
            c.join(1000);
        }
        Throwable t = failure.get();
        if (t instanceof AssertionError) {
            throw (AssertionError) t;
        }
        if (t != null) {
            fail(t);
        }
    }

    private static Thread start(String name, Side side, BooleanSupplier stop, AtomicReference<Throwable> failure) {
        Thread t = new Thread(() -> {
            try {
                side.run(stop);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
