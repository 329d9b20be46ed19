package io.slipway.socket;

import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One open descriptor: what every kind of socket shares between the application threads that
 * call the API and the stack thread that moves its data.
 *
 * <p>Threads: fields marked "app" are set by application calls, read by both; "stack" ones are
 * set on the stack thread. A blocked caller parks as the socket's {@link #reader} or
 * {@link #writer}; the stack unparks it after it changes what the caller waits for. A caller
 * publishes itself, then checks again before it parks; the stack changes state, fences, then
 * looks for a caller: one of the two always sees the other, so no wake-up is lost.
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
    volatile Thread reader;
    volatile Thread writer;

    SocketEntry(int descriptor, SocketType type) {
        this.descriptor = descriptor;
        this.type = type;
    }

    /** Stack: records an error for the next call and wakes whoever waits. */
    void setError(SocketError error) {
        pendingError.set(error.ordinal());
        wakeAll();
    }

    /** App: the pending error, cleared (as reading SO_ERROR does), or null. */
    SocketError takeError() {
        int e = pendingError.getAndSet(-1);
        return e < 0 ? null : SocketError.values()[e];
    }

    boolean hasError() {
        return pendingError.get() >= 0;
    }

    /** Stack, after a state change a caller may wait for: see the class comment. */
    void wakeReader() {
        VarHandle.fullFence();
        Thread t = reader;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    void wakeWriter() {
        VarHandle.fullFence();
        Thread t = writer;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    void wakeAll() {
        wakeReader();
        wakeWriter();
    }

    /** A deadline {@code timeoutNanos} from now for {@link #parkUntil}; 0 means none. */
    static long deadline(long timeoutNanos) {
        if (timeoutNanos <= 0) {
            return 0;
        }
        long d = System.nanoTime() + timeoutNanos;
        return d == 0 ? 1 : d;
    }

    /** False once {@code deadline} (from {@link #deadline}) has passed. */
    static boolean before(long deadline) {
        return deadline == 0 || deadline - System.nanoTime() > 0;
    }

    /**
     * Parks the calling thread until unparked, the deadline, or an interrupt (which fails the
     * call with EINTR, the interrupt flag kept). The caller has published itself as reader or
     * writer and checked its condition again.
     */
    static void parkUntil(long deadline, String what) throws SocketException {
        if (deadline == 0) {
            LockSupport.park();
        } else {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                LockSupport.parkNanos(left);
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new SocketException(SocketError.INTERRUPTED, what);
        }
    }

    static long nanos(long amount, TimeUnit unit) {
        return unit.toNanos(amount);
    }

    /** Stack thread: closes the protocol side; the descriptor is then free. */
    abstract void closeNow(long nowNanos);

    /** Stack thread: a row for netstat. */
    abstract SocketInfo info();
}
