package io.slipway.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * "Stop now": Ctrl-C (SIGINT) or SIGTERM for a command that runs until it is told to stop, as
 * {@code ping} without {@code -c} and {@code serve} do.
 *
 * <p>Java offers signals only as shutdown hooks, which run once the JVM has begun to exit. The hook
 * installed by {@link #onShutdown} therefore raises the signal, waits for the command to wind down
 * (print its summary, close the port) and report its exit code through {@link #finish}, then ends
 * the JVM with that code by {@link Runtime#halt}: Ctrl-C on a ping that got replies exits 0, as
 * Linux ping does, rather than the 130 a JVM killed by SIGINT would give.
 *
 * <p>When the command finishes by itself first, {@link #close} removes the hook and the JVM exits
 * normally with the command's code.
 */
final class StopSignal implements AutoCloseable {
    /** How long the hook waits for the command to finish before the JVM goes anyway. */
    private static final long WIND_DOWN_SECONDS = 10;
    /** The exit status of a process ended by SIGINT, used when the command does not wind down. */
    private static final int INTERRUPTED_STATUS = 130;

    private final CountDownLatch raised = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile int exitCode = Slipway.EXIT_FAILED;
    private final Thread hook;

    private StopSignal(boolean installHook) {
        this.hook = installHook ? new Thread(this::onJvmShutdown, "slipway-stop") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** Raised by SIGINT or SIGTERM (a JVM shutdown the command did not start). */
    static StopSignal onShutdown() {
        return new StopSignal(true);
    }

    /** Raised only by {@link #raise}: for tests. */
    static StopSignal manual() {
        return new StopSignal(false);
    }

    /** Asks the command to stop; runs the listeners once. Any thread. */
    void raise() {
        synchronized (raised) {
            if (raised.getCount() == 0) {
                return;
            }
            raised.countDown();
        }
        listeners.forEach(Runnable::run);
    }

    boolean isRaised() {
        return raised.getCount() == 0;
    }

    /** Runs {@code listener} when the signal is raised (at once if it already was), on the raising thread. */
    void onRaise(Runnable listener) {
        synchronized (raised) {
            if (raised.getCount() != 0) {
                listeners.add(listener);
                return;
            }
        }
        listener.run();
    }

    /** Waits up to {@code nanos} for the signal; returns whether it was raised. */
    boolean await(long nanos) throws InterruptedException {
        return raised.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** The command has wound down with {@code code}: a shutdown waiting for it may end the JVM now. */
    void finish(int code) {
        exitCode = code;
        finished.countDown();
    }

    /** Removes the hook; a shutdown already under way ends with the code given to {@link #finish}. */
    @Override
    public void close() {
        finished.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the hook is running and will halt with our code.
            }
        }
    }

    private void onJvmShutdown() {
        if (finished.getCount() == 0) {
            return; // the command finished first; this is its own exit
        }
        raise();
        try {
            boolean done = finished.await(WIND_DOWN_SECONDS, TimeUnit.SECONDS);
            Runtime.getRuntime().halt(done ? exitCode : INTERRUPTED_STATUS);
        } catch (InterruptedException e) {
            Runtime.getRuntime().halt(INTERRUPTED_STATUS);
        }
    }
}
