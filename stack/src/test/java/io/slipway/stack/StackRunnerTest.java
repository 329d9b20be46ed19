package io.slipway.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.SystemClock;
import io.slipway.base.Timer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StackRunnerTest {
    private final Stack stack = new Stack("runner", StackConfig.DEFAULT);

    @Test
    void shouldRunSubmittedTasksOnTheStackThread() throws InterruptedException {
        try (StackRunner runner = new StackRunner(stack, SystemClock.INSTANCE).start()) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            runner.execute(() -> {
                ranOn.set(Thread.currentThread());
                done.countDown();
            });
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertSame(runner.thread(), ranOn.get());
        }
    }

    @Test
    void shouldFireATimerScheduledWhileParkedIndefinitely() throws InterruptedException {
        try (StackRunner runner = new StackRunner(stack, SystemClock.INSTANCE).start()) {
            CountDownLatch fired = new CountDownLatch(1);
            Timer timer = new Timer(now -> fired.countDown());
            // The runner is parked with nothing due; the task's wake-up must make it recompute
            // its deadline rather than sleep past the new timer.
            runner.execute(() -> stack.timers().schedule(timer,
                    SystemClock.INSTANCE.nanos() + TimeUnit.MILLISECONDS.toNanos(20)));
            assertTrue(fired.await(5, TimeUnit.SECONDS));
            assertNull(runner.failure());
        }
    }

    @Test
    void shouldStopOnCloseAndReportABugThatStoppedIt() throws InterruptedException {
        StackRunner runner = new StackRunner(stack, SystemClock.INSTANCE).start();
        IllegalStateException bug = new IllegalStateException("bug");
        runner.execute(() -> {
            throw bug;
        });
        runner.thread().join(5_000);
        assertFalse(runner.isRunning());
        assertSame(bug, runner.failure());
        runner.close();
    }

    /** A spin far longer than the test: what it must not outlast. */
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void shouldTakeAWakeUpThatComesWhileItSpins() throws InterruptedException {
        try (StackRunner runner = new StackRunner(stack, SystemClock.INSTANCE, MINUTE).start()) {
            CountDownLatch ran = new CountDownLatch(1);
            // Nothing is due, so the thread spins for its minute: the task must not wait that out.
            Thread.sleep(20);
            runner.execute(ran::countDown);
            assertTrue(ran.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void shouldStopSpinningAtTheNextDeadline() throws InterruptedException {
        try (StackRunner runner = new StackRunner(stack, SystemClock.INSTANCE, MINUTE).start()) {
            CountDownLatch fired = new CountDownLatch(1);
            Timer timer = new Timer(now -> fired.countDown());
            runner.execute(() -> stack.timers().schedule(timer,
                    SystemClock.INSTANCE.nanos() + TimeUnit.MILLISECONDS.toNanos(20)));
            assertTrue(fired.await(5, TimeUnit.SECONDS), "the timer waited out the spin");
        }
    }

    @Test
    void shouldStopOnCloseWhileSpinning() throws InterruptedException {
        StackRunner runner = new StackRunner(stack, SystemClock.INSTANCE, MINUTE).start();
        Thread.sleep(20);
        runner.close();
        assertFalse(runner.thread().isAlive());
    }

    @Test
    void shouldRefuseANegativeSpin() {
        assertThrows(IllegalArgumentException.class, () -> new StackRunner(stack, SystemClock.INSTANCE, -1));
    }
}
