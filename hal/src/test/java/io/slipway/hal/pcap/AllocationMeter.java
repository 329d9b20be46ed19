package io.slipway.hal.pcap;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates while running some code (HotSpot's per-thread TLAB count). */
final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What may throw. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private AllocationMeter() {
    }

    static long bytesAllocatedBy(Body body) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        body.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
