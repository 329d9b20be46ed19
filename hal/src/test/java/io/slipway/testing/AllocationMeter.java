package io.slipway.testing;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes of heap the current thread allocates while running some work, with
 * HotSpot's per-thread allocation counter ({@code com.sun.management.ThreadMXBean}). The counter
 * is exact to the byte (it includes the thread's current TLAB), so a zero-allocation claim can be
 * asserted as exactly 0 (DESIGN.md, "Memory"). Allocations by other threads (the JIT, the GC) are
 * not counted.
 *
 * <p>Reading the counter allocates nothing, so {@code measure} of empty work returns 0; the
 * self-test checks this, and that an allocation is seen.
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private AllocationMeter() {
    }

    /** Whether this JVM can count allocated bytes per thread; tests assume it. */
    public static boolean isSupported() {
        return THREADS != null;
    }

    /** Bytes the current thread has allocated since it started. */
    public static long allocatedBytes() {
        if (THREADS == null) {
            throw new UnsupportedOperationException("no per-thread allocated-bytes counter on this JVM");
        }
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Bytes the current thread allocated while running {@code work}. */
    public static long measure(Runnable work) {
        long before = allocatedBytes();
        work.run();
        return allocatedBytes() - before;
    }

    /** Work that may throw a checked exception, such as writing to a stream. */
    @FunctionalInterface
    public interface Body<E extends Exception> {
        void run() throws E;
    }

    /**
     * Bytes the current thread allocated while running {@code body}, which may throw; what it
     * throws is passed on, and then nothing is measured.
     */
    public static <E extends Exception> long measureChecked(Body<E> body) throws E {
        long before = allocatedBytes();
        body.run();
        return allocatedBytes() - before;
    }

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean)) {
            return null;
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        if (!threads.isThreadAllocatedMemorySupported()) {
            return null;
        }
        if (!threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        return threads;
    }
}
