package io.slipway.socket;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Control operations handed from application threads to the stack thread, which runs them at
 * the start of its next turn, and their answers handed back. The data path never comes here:
 * datagrams and stream bytes cross through each socket's rings.
 *
 * <p>A caller waits at most {@link #TIMEOUT_NANOS}: a stack that does not answer by then has
 * stopped (or was never started), and the call fails with {@link SocketError#STACK_STOPPED}
 * rather than hanging. An operation given up on that way is never run afterwards.
 */
final class ControlQueue {
    static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;

    private final Queue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

    private static final class Pending<T> {
        final StackCall<T> call;
        final Thread caller = Thread.currentThread();
        final AtomicInteger state = new AtomicInteger(QUEUED);
        volatile boolean done;
        T result;
        SocketException failure;
        RuntimeException bug;

        Pending(StackCall<T> call) {
            this.call = call;
        }

        void run() {
            try {
                result = call.run();
            } catch (SocketException e) {
                failure = e;
            } catch (RuntimeException e) {
                bug = e;
            }
            done = true;
            LockSupport.unpark(caller);
        }
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Queues {@code call}, wakes the stack with {@code wake}, and waits for the answer. */
    <T> T call(StackCall<T> call, Runnable wake, String what) throws SocketException {
        Pending<T> p = new Pending<>(call);
        queue.add(p);
        wake.run();
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        boolean interrupted = false;
        try {
            while (!p.done) {
                long left = deadline - System.nanoTime();
                if (left <= 0 && p.state.compareAndSet(QUEUED, ABANDONED)) {
                    throw new SocketException(SocketError.STACK_STOPPED, what);
                }
                // Once taken, the stack thread is running it: wait for it to finish.
                LockSupport.parkNanos(this, left > 0 ? left : TimeUnit.MILLISECONDS.toNanos(1));
                interrupted |= Thread.interrupted();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (p.failure != null) {
            throw p.failure;
        }
        if (p.bug != null) {
            throw p.bug;
        }
        return p.result;
    }

    /** Stack thread: runs every operation queued so far. */
    void runAll() {
        for (Pending<?> p; (p = queue.poll()) != null; ) {
            if (p.state.compareAndSet(QUEUED, TAKEN)) {
                p.run();
            }
        }
    }
}
