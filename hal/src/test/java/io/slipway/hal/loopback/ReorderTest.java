package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Reordering: a frame is held back a fixed time beyond its normal arrival, so frames sent within
 * that time overtake it. Frames are sent 1 µs apart and held 2.5 µs: a held frame is overtaken
 * unless the next two are held too.
 */
class ReorderTest {
    private static final int FRAMES = 10_000;
    private static final long GAP = 1_000;
    private static final long HOLD = 2_500;
    private static final byte[][] TRAFFIC = TestFrames.mixed(FRAMES, 20, 200, 3);

    private static final class Run {
        final VirtualWire wire;
        final long reordered;

        Run(VirtualWire wire, long reordered) {
            this.wire = wire;
            this.reordered = reordered;
        }
    }

    private static Run run(long seed) {
        ManualClock clock = new ManualClock();
        LoopbackCable cable = LoopbackCable.builder(clock).seed(seed).framing(Framing.SLIP)
                .impairments(Impairments.builder().reorder(0.2, HOLD).build()).build();
        VirtualWire wire = new VirtualWire(clock, cable.a(), cable.b()).send(TRAFFIC, GAP);
        return new Run(wire, cable.counters(CableDirection.A_TO_B).reordered());
    }

    /** Frames that arrived after a frame sent later than them. */
    private static int overtaken(VirtualWire wire) {
        int overtaken = 0;
        int highest = -1;
        for (byte[] frame : wire.received) {
            int number = TestFrames.numberOf(frame);
            if (number < highest) {
                overtaken++;
            }
            highest = Math.max(highest, number);
        }
        return overtaken;
    }

    @Test
    void shouldHoldBackFramesAtTheConfiguredRate() {
        Run run = run(5);
        assertTrue(run.reordered >= 1800 && run.reordered <= 2200, "held back " + run.reordered);
    }

    @Test
    void shouldLetLaterFramesOvertakeTheHeldOnes() {
        Run run = run(5);
        int overtaken = overtaken(run.wire);
        // Only held frames can be overtaken; all but those followed by two more held ones are.
        assertTrue(overtaken <= run.reordered, overtaken + " overtaken, " + run.reordered + " held");
        assertTrue(overtaken >= 0.9 * run.reordered, overtaken + " overtaken, " + run.reordered + " held");
    }

    @Test
    void shouldDeliverEveryFrameOnceAndIntact() {
        Run run = run(5);
        assertEquals(FRAMES, run.wire.received.size());
        boolean[] seen = new boolean[FRAMES];
        for (byte[] frame : run.wire.received) {
            int number = TestFrames.numberOf(frame);
            assertTrue(!seen[number], "frame " + number + " twice");
            seen[number] = true;
            assertTrue(Arrays.equals(TRAFFIC[number], frame), "frame " + number + " intact");
        }
    }

    @Test
    void shouldDeliverAHeldFrameExactlyTheHoldLate() {
        ManualClock clock = new ManualClock();
        LoopbackCable cable = LoopbackCable.builder(clock)
                .impairments(Impairments.builder().reorder(1.0, HOLD).build()).build();
        byte[] frame = TestFrames.numbered(0, 64);
        cable.a().transmit(frame, 0, frame.length);
        assertEquals(HOLD, cable.b().nextEventNanos());
    }

    @Test
    void shouldReorderTheSameWayForTheSameSeed() {
        assertEquals(run(5).wire.receivedHex(), run(5).wire.receivedHex());
    }

    @Test
    void shouldReorderAnotherWayForAnotherSeed() {
        assertNotEquals(run(5).wire.receivedHex(), run(6).wire.receivedHex());
    }
}
