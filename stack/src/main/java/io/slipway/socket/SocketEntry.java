package io.slipway.socket;

import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open descriptor: what every kind of socket shares between the application threads that
 * call the API and the stack thread that moves its data.
 *
 * <p>Threads: fields marked "app" are set by application calls, read by both; "stack" ones are
 * set on the stack thread. Any number of application threads may wait on a socket at once
 * (readers, writers, {@code awaitReadable}); they wait on one condition, holding no lock the
 * data path takes. The waiting protocol, so that no wake-up is lost:
 * <ul>
 *   <li>a waiter counts itself in {@link #waiters} (a full fence), then checks its condition again
 *       under {@link #waitLock} before it awaits, which releases the lock atomically;
 *   <li>the stack changes state, fences, and only if the count is not zero takes the lock and
 *       signals everyone: free of cost on the data path while nobody waits.
 * </ul>
 * Either the waiter sees the change, or the stack sees the waiter.
 */
abstract class SocketEntry {
    final int descriptor;
    final SocketType type;
    /** Stack: set by close; the descriptor is free again once it is. */
    volatile boolean closed;
    /** App: non-blocking calls return {@link Sockets#WOULD_BLOCK} instead of waiting. */
    volatile boolean blocking = true;
    /** App: how long a blocking receive waits; 0 for ever (SO_RCVTIMEO). */
    volatile long receiveTimeoutNanos;
    /** App: how long a blocking send waits for room; 0 for ever (SO_SNDTIMEO). */
    volatile long sendTimeoutNanos;
    volatile boolean readShutdown;
    volatile boolean writeShutdown;
    /** Stack sets, app takes: an asynchronous error for the next call (SO_ERROR), -1 for none. */
    private final AtomicInteger pendingError = new AtomicInteger(-1);
    private final ReentrantLock waitLock = new ReentrantLock();
    private final Condition changed = waitLock.newCondition();
    private final AtomicInteger waiters = new AtomicInteger();

    SocketEntry(int descriptor, SocketType type) {
        this.descriptor = descriptor;
        this.type = type;
    }

    /** Stack: records an error for the next call and wakes whoever waits. */
    void setError(SocketError error) {
        pendingError.set(error.ordinal());
        wakeWaiters();
    }

    /** App: the pending error, cleared (as reading SO_ERROR does), or null. */
    SocketError takeError() {
        int e = pendingError.getAndSet(-1);
        return e < 0 ? null : SocketError.values()[e];
    }

    boolean hasError() {
        return pendingError.get() >= 0;
    }

    /** Stack (or a closing thread): after a change a waiter may wait for. See the class comment. */
    void wakeWaiters() {
        VarHandle.fullFence();
        if (waiters.get() > 0) {
            waitLock.lock();
            try {
                changed.signalAll();
            } finally {
                waitLock.unlock();
            }
        }
    }

    /** What a waiter waits for: checked again after the waiter is counted. */
    abstract boolean isReady(int condition, int argument);

    /**
     * App: waits until {@code isReady(condition, argument)}, the deadline (0: none) or an
     * interrupt (which fails the call with EINTR, the thread's interrupt flag kept set). Returns
     * false when the deadline passed first.
     */
    final boolean await(int condition, int argument, long deadline, String what) throws SocketException {
        waitLock.lock();
        try {
            waiters.incrementAndGet();
            try {
                while (!isReady(condition, argument)) {
                    if (deadline == 0) {
                        changed.await();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return false;
                        }
                        changed.awaitNanos(left);
                    }
                }
                return true;
            } finally {
                waiters.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SocketException(SocketError.INTERRUPTED, what);
        } finally {
            waitLock.unlock();
        }
    }

    /** A deadline {@code timeoutNanos} from now for {@link #await}; 0 means none. */
    static long deadline(long timeoutNanos) {
        if (timeoutNanos <= 0) {
            return 0;
        }
        long d = System.nanoTime() + timeoutNanos;
        return d == 0 ? 1 : d;
    }

    static long nanos(long amount, TimeUnit unit) {
        return unit.toNanos(amount);
    }

    /** Stack thread: closes the protocol side; the descriptor is then free. */
    abstract void closeNow(long nowNanos);

    /** Stack thread: a row for netstat. */
    abstract SocketInfo info();
}
