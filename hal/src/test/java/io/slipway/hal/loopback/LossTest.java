package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.mock.Hex;
import org.junit.jupiter.api.Test;

/** Loss: each frame vanishes with the configured probability, replayably under the seed. */
class LossTest {
    private static final int FRAMES = 10_000;
    private static final byte[][] TRAFFIC = TestFrames.mixed(FRAMES, 20, 200, 1);

    private static VirtualWire run(long seed, Framing framing, double loss) {
        ManualClock clock = new ManualClock();
        LoopbackCable.Builder builder = LoopbackCable.builder(clock).seed(seed)
                .impairments(Impairments.builder().loss(loss).build());
        if (framing != null) {
            builder.framing(framing);
        }
        LoopbackCable cable = builder.build();
        VirtualWire wire = new VirtualWire(clock, cable.a(), cable.b()).send(TRAFFIC, 1_000);
        assertEquals(FRAMES - wire.received.size(), cable.counters(CableDirection.A_TO_B).lost(),
                "every missing frame is counted lost");
        assertEquals(0, cable.b().counters().totalDrops(), "the wire lost them, not the adapter");
        return wire;
    }

    @Test
    void shouldLoseFramesAtTheConfiguredRate() {
        VirtualWire wire = run(7, null, 0.1);
        long lost = FRAMES - wire.received.size();
        // Mean 1000, standard deviation 30: the bounds are over 3 deviations wide.
        assertTrue(lost >= 900 && lost <= 1100, "lost " + lost + " of " + FRAMES);
    }

    @Test
    void shouldDeliverTheSurvivorsIntactAndInOrder() {
        VirtualWire wire = run(7, Framing.SLIP, 0.1);
        int previous = -1;
        for (byte[] frame : wire.received) {
            int number = TestFrames.numberOf(frame);
            assertTrue(number > previous, "frame " + number + " after " + previous);
            assertEquals(Hex.dump(TRAFFIC[number]), Hex.dump(frame));
            previous = number;
        }
    }

    @Test
    void shouldLoseTheSameFramesForTheSameSeed() {
        assertEquals(run(7, null, 0.1).receivedHex(), run(7, null, 0.1).receivedHex());
    }

    @Test
    void shouldLoseOtherFramesForAnotherSeed() {
        assertNotEquals(run(7, null, 0.1).receivedHex(), run(8, null, 0.1).receivedHex());
    }

    @Test
    void shouldLoseEverythingAtProbabilityOne() {
        assertEquals(0, run(7, Framing.ETHERNET, 1.0).received.size());
    }
}
