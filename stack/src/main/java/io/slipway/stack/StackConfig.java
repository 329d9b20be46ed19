package io.slipway.stack;

/**
 * The fixed sizes of a stack: every table is bounded by configuration, never by what a peer sends.
 *
 * @param maxInterfaces interfaces (adapters) one stack can attach
 * @param maxTimers timers that can be scheduled at once
 * @param driverBacklogBytes each driver's transmit backlog, a power of two
 */
public record StackConfig(int maxInterfaces, int maxTimers, int driverBacklogBytes) {
    public static final StackConfig DEFAULT = new StackConfig(4, 4096, 64 * 1024);

    public StackConfig {
        if (maxInterfaces < 1 || maxTimers < 1) {
            throw new IllegalArgumentException("a stack needs at least one interface and one timer");
        }
        if (Integer.bitCount(driverBacklogBytes) != 1) {
            throw new IllegalArgumentException("driver backlog must be a power of two: " + driverBacklogBytes);
        }
    }
}
