package io.slipway.stack;

import io.slipway.base.Clock;
import java.lang.invoke.VarHandle;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a {@link Stack} in real time on one thread: poll, then park until the next deadline or
 * a wake-up (a frame arrived, an application wrote, a task was submitted).
 *
 * <p>A wake-up sets a flag before unparking, and the loop clears it before polling, so a wake-up
 * that lands while the thread is polling is never lost: the loop polls again instead of parking.
 *
 * <p>Asked to ({@link #StackRunner(Stack, Clock, long)}, e.g. {@link #BUSY_POLL_SPIN_NANOS}), the
 * thread watches the flag for a short while before it parks, as HotSpot's monitors and Linux's
 * {@code SO_BUSY_POLL} do: a park and its unpark cost two system calls and a trip through the
 * scheduler, tens of microseconds on a virtual machine, which is longer than a 64 KiB segment
 * takes to cross the in-memory cable. A wake-up that comes while it watches is taken at once.
 * The price is the CPU of the watch, and it is paid by whatever else needs that core: a serial
 * adapter's reader and writer threads, or the peer's bridge, when there are more busy threads
 * than cores. So, as Linux's busy polling, it is off by default.
 */
public final class StackRunner implements AutoCloseable {
    /** Longest single park, so a missed deadline computation can never hang the stack. */
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * A spin for stacks that talk over the in-memory cable with cores to spare: 20 µs. There it
     * measured 1-byte round trips at 2.5 times the rate of parking at once, and bulk transfer
     * about a fifth faster (BENCHMARKS.md); longer spins gained no more. Over the pseudo-terminal
     * line to Linux, where the kernel, the bridge and the adapter's threads share two cores, it
     * measured no better and perhaps worse (BENCHMARKS.md, benchmark 2), so it is not the default.
     */
    public static final long BUSY_POLL_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final Stack stack;
    private final Clock clock;
    private final Thread thread;
    private final long spinNanos;
    /** Control-path tasks (configuration, starting an application); not for per-packet work. */
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean wakeRequested;
    /** Set by the stack thread just before it parks: only then does a wake-up need to unpark it. */
    private volatile boolean parking;
    private volatile boolean running = true;
    private volatile Throwable failure;

    /** A runner whose thread parks as soon as the stack is idle. */
    public StackRunner(Stack stack, Clock clock) {
        this(stack, clock, 0);
    }

    /**
     * A runner whose thread watches {@code spinNanos} for a wake-up before it parks; 0 parks at
     * once, for a machine whose cores are all busy with other work. The spin is timed by
     * {@link System#nanoTime}, whatever {@code clock} is, and never outlasts the next deadline
     * on {@code clock}; a spin longer than the stack's parks keeps the thread always busy.
     */
    public StackRunner(Stack stack, Clock clock, long spinNanos) {
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spin must not be negative: " + spinNanos);
        }
        this.stack = stack;
        this.clock = clock;
        this.spinNanos = spinNanos;
        this.thread = new Thread(this::loop, "slipway-" + stack.name());
        this.thread.setDaemon(true);
        stack.setWakeup(this::wake);
        stack.setStackThread(thread);
    }

    /** Starts the stack thread; returns this runner. */
    public StackRunner start() {
        thread.start();
        return this;
    }

    /**
     * Wakes the stack thread; safe from any thread, and cheap when it is already awake: a frame
     * handed over per segment must not cost an unpark (a lock and a system call) per segment.
     * A request already standing needs nothing more; the thread clears it before it polls. Of
     * this write of the flag and the thread's write of {@code parking}, each reads the other's
     * after its own (Dekker's pattern on volatiles), so either the thread sees the request and
     * does not park, or this sees it parking and unparks it.
     *
     * <p>The fence comes first because a caller may have published its event with only a release
     * store (the serial reader commits a frame to its ring so), and a later read may pass a
     * release store: the read of a standing request could see it still set while the frame is
     * not yet visible to the thread, which then clears the request, finds nothing and parks with
     * the frame unseen (found by review; reproduced on x86 about once in 25 000 rounds).
     */
    public void wake() {
        VarHandle.fullFence();
        if (wakeRequested) {
            return;
        }
        wakeRequested = true;
        if (parking) {
            LockSupport.unpark(thread);
        }
    }

    /** Runs {@code task} on the stack thread at its next turn. */
    public void execute(Runnable task) {
        tasks.add(task);
        wake();
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** What stopped the stack thread, if a bug did; {@code null} otherwise. */
    public Throwable failure() {
        return failure;
    }

    public Thread thread() {
        return thread;
    }

    /** Stops the stack thread and waits for it to end. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread); // whether or not it is parking: close is rare
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        try {
            while (running) {
                wakeRequested = false;
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                stack.poll(clock.nanos());
                long wait = stack.nextDeadline() - clock.nanos();
                if (wait > 0 && spinNanos > 0) {
                    wait = spin(wait);
                }
                if (wait > 0 && running) {
                    parking = true;
                    if (!wakeRequested) {
                        LockSupport.parkNanos(this, Math.min(wait, MAX_PARK_NANOS));
                    }
                    parking = false;
                }
            }
        } catch (Throwable t) {
            // A bug, never a peer's input (every bad frame is dropped and counted below this):
            // stop rather than run on with a core in an unknown state, and say why.
            failure = t;
            running = false;
            System.err.println("slipway: stack " + stack.name() + " stopped: " + t);
        }
    }

    /**
     * Watches for a wake-up for up to {@link #spinNanos}, never past the deadline {@code wait}
     * nanoseconds away; returns what is left of the wait, 0 or less when the thread should poll
     * now. While it watches, {@code parking} stays false, so a waker only sets the flag.
     */
    private long spin(long wait) {
        long limit = Math.min(wait, spinNanos);
        long start = System.nanoTime();
        while (!wakeRequested && running) {
            long spun = System.nanoTime() - start;
            if (spun >= limit) {
                return wait - spun;
            }
            Thread.onSpinWait();
        }
        return 0;
    }
}
