package io.slipway.hal.loopback;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.mock.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drives one direction of a cable in virtual time, as a simulation would: sends frames a fixed
 * gap apart (waiting for the next event when the sender refuses), collects every frame as soon as
 * it arrives, then runs the clock on until nothing is in flight.
 */
final class VirtualWire {
    private final ManualClock clock;
    private final LanAdapter from;
    private final LanAdapter to;
    private final byte[] buffer;
    final List<byte[]> received = new ArrayList<>();
    /** Clock reading when each frame of {@link #received} was taken. */
    final List<Long> receivedAt = new ArrayList<>();

    VirtualWire(ManualClock clock, LanAdapter from, LanAdapter to) {
        this.clock = clock;
        this.from = from;
        this.to = to;
        this.buffer = new byte[to.maxFrameLength()];
    }

    /** Sends every frame, {@code gapNanos} apart, then runs until the wire is idle. */
    VirtualWire send(byte[][] frames, long gapNanos) {
        for (byte[] frame : frames) {
            while (!from.transmit(frame, 0, frame.length)) {
                long next = from.nextEventNanos();
                if (next == Clock.NEVER) {
                    throw new AssertionError("transmit refused with nothing to wait for");
                }
                clock.set(Math.max(clock.nanos(), next));
                collect();
            }
            collect();
            clock.advance(gapNanos);
            collect();
        }
        return drain();
    }

    /** Runs the clock from event to event until neither end has anything left to do. */
    VirtualWire drain() {
        drainAll(this);
        return this;
    }

    /**
     * Drains several directions together: an end's next event covers both what it sends and what
     * it receives, so every direction touching it must be collected for it to fall idle.
     */
    static void drainAll(VirtualWire... wires) {
        ManualClock clock = wires[0].clock;
        for (long next = collectAll(wires); next != Clock.NEVER; next = collectAll(wires)) {
            clock.set(Math.max(clock.nanos(), next));
        }
    }

    /** Collects every direction; returns the earliest next event of all their ends. */
    private static long collectAll(VirtualWire... wires) {
        for (VirtualWire wire : wires) {
            wire.collect();
        }
        long next = Clock.NEVER;
        for (VirtualWire wire : wires) {
            next = Math.min(next, wire.nextEvent());
        }
        return next;
    }

    /** Takes every frame that has arrived by now. */
    void collect() {
        for (int n = to.receive(buffer, 0, buffer.length); n >= 0; n = to.receive(buffer, 0, buffer.length)) {
            received.add(Arrays.copyOf(buffer, n));
            receivedAt.add(clock.nanos());
        }
    }

    /** The received frames as hex, to compare whole runs. */
    List<String> receivedHex() {
        List<String> hex = new ArrayList<>(received.size());
        for (byte[] frame : received) {
            hex.add(Hex.dump(frame));
        }
        return hex;
    }

    private long nextEvent() {
        return Math.min(from.nextEventNanos(), to.nextEventNanos());
    }
}
