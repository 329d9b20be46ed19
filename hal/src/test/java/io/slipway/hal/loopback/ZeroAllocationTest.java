package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.framing.Framing;
import io.slipway.testing.SteadyState;
import org.junit.jupiter.api.Test;

/**
 * Zero allocation on the hot path (DESIGN.md, "Memory"), measured: after warm-up, rounds of 50 000
 * frames of mixed sizes go through SLIP encode, the loopback cable and SLIP decode, on a paced line
 * in virtual time, and the thread moving them allocates exactly 0 bytes ({@link SteadyState}).
 */
class ZeroAllocationTest {
    /** Frames per round. */
    private static final int FRAMES = 50_000;

    /**
     * Moves frames from a to b on the test's thread, as a simulation does: sends while the
     * transmit queue takes them, advances the clock to the sender's next event when it refuses,
     * and takes every frame that has arrived. Plain fields and loops: nothing here allocates.
     */
    private static final class Mover {
        final ManualClock clock;
        final LanAdapter from;
        final LanAdapter to;
        final byte[][] frames;
        final byte[] buffer;
        int rounds;
        long sentBytes;
        long receivedFrames;
        long receivedBytes;

        Mover(ManualClock clock, LoopbackCable cable, byte[][] frames) {
            this.clock = clock;
            this.from = cable.a();
            this.to = cable.b();
            this.frames = frames;
            this.buffer = new byte[to.maxFrameLength()];
        }

        /** One round: sends {@code count} frames and runs the cable until nothing is in flight. */
        void move(int count) {
            rounds++;
            for (int i = 0; i < count; i++) {
                byte[] frame = frames[i & (frames.length - 1)];
                while (!from.transmit(frame, 0, frame.length)) {
                    advanceTo(from.nextEventNanos());
                    receiveAll();
                }
                sentBytes += frame.length;
                receiveAll();
            }
            for (long next = nextEvent(); next != Clock.NEVER; next = nextEvent()) {
                advanceTo(next);
                receiveAll();
            }
        }

        private long nextEvent() {
            return Math.min(from.nextEventNanos(), to.nextEventNanos());
        }

        private void advanceTo(long t) {
            if (t > clock.nanos()) {
                clock.set(t);
            }
        }

        private void receiveAll() {
            for (int n = to.receive(buffer, 0, buffer.length); n >= 0; n = to.receive(buffer, 0, buffer.length)) {
                receivedFrames++;
                receivedBytes += n;
            }
        }
    }

    @Test
    void shouldAllocateNothingMovingFramesThroughSlipAndThePacedCable() {
        ManualClock clock = new ManualClock();
        LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP).mtu(1500)
                .impairments(Impairments.builder().baud(115_200).propagationDelayNanos(1_000_000).build())
                .build();
        // Mixed sizes, full of END and ESC bytes to escape.
        Mover mover = new Mover(clock, cable, TestFrames.mixed(64, 20, 1500, 99));

        SteadyState.assertAllocatesNothing("moving frames through SLIP and the paced cable", FRAMES,
                () -> mover.move(FRAMES));

        // every frame of every round, warm-up and measured, arrived
        assertEquals((long) FRAMES * mover.rounds, mover.receivedFrames, "every frame arrived");
        assertEquals(mover.sentBytes, mover.receivedBytes);
        assertEquals(0, cable.b().counters().totalDrops(), cable.b().counters().toString());
    }

    @Test
    void shouldAllocateNothingWithEveryImpairmentOn() {
        ManualClock clock = new ManualClock();
        LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.ETHERNET).mtu(1500).seed(5)
                .impairments(Impairments.builder().baud(1_000_000).propagationDelayNanos(500_000)
                        .loss(0.02).corruption(0.02).duplication(0.02).reorder(0.02, 30_000_000)
                        .mtuCap(1400).build())
                .build();
        Mover mover = new Mover(clock, cable, TestFrames.mixed(64, 20, 1514, 98));

        SteadyState.assertAllocatesNothing("moving frames with every impairment on", FRAMES,
                () -> mover.move(FRAMES));

        CableCounters wire = cable.counters(CableDirection.A_TO_B);
        assertTrue(wire.lost() > 0 && wire.corrupted() > 0 && wire.duplicated() > 0 && wire.reordered() > 0
                && wire.mtuCapped() > 0, wire.toString());
        assertTrue(cable.b().counters().totalDrops() > 0, "corrupted frames were dropped by the decoder");
        assertTrue(mover.receivedFrames > (long) FRAMES * mover.rounds / 2,
                "frames arrived: " + mover.receivedFrames + " in " + mover.rounds + " rounds");
    }
}
