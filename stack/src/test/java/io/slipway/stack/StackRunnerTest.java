package io.slipway.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
}
