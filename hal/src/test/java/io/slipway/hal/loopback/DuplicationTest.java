package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.mock.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Duplication: a frame arrives twice, the copy right behind the original. */
class DuplicationTest {
    private static final int FRAMES = 10_000;
    private static final byte[][] TRAFFIC = TestFrames.mixed(FRAMES, 20, 200, 2);

    private static final class Run {
        final VirtualWire wire;
        final long duplicated;

        Run(VirtualWire wire, long duplicated) {
            this.wire = wire;
            this.duplicated = duplicated;
        }
    }

    private static Run run(long seed, String framing) {
        ManualClock clock = new ManualClock();
        LoopbackCable.Builder builder = LoopbackCable.builder(clock).seed(seed)
                .impairments(Impairments.builder().duplication(0.1).build());
        if (!framing.equals("none")) {
            builder.framing(Framing.named(framing));
        }
        LoopbackCable cable = builder.build();
        VirtualWire wire = new VirtualWire(clock, cable.a(), cable.b()).send(TRAFFIC, 1_000);
        return new Run(wire, cable.counters(CableDirection.A_TO_B).duplicated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "slip", "ethernet"})
    void shouldDuplicateFramesAtTheConfiguredRate(String framing) {
        Run run = run(3, framing);
        assertTrue(run.duplicated >= 900 && run.duplicated <= 1100, "duplicated " + run.duplicated);
        assertEquals(FRAMES + run.duplicated, run.wire.received.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "slip", "ethernet"})
    void shouldDeliverEachCopyRightBehindItsOriginal(String framing) {
        Run run = run(3, framing);
        int expected = 0;
        int copies = 0;
        for (int i = 0; i < run.wire.received.size(); i++) {
            byte[] frame = run.wire.received.get(i);
            int number = TestFrames.numberOf(frame);
            assertEquals(Hex.dump(TRAFFIC[number]), Hex.dump(frame), "intact");
            if (number == expected - 1) {
                copies++;
            } else {
                assertEquals(expected, number, "in order, at " + i);
                expected++;
            }
        }
        assertEquals(FRAMES, expected);
        assertEquals(run.duplicated, copies);
    }

    @Test
    void shouldDuplicateTheSameFramesForTheSameSeed() {
        assertEquals(run(3, "slip").wire.receivedHex(), run(3, "slip").wire.receivedHex());
    }

    @Test
    void shouldDuplicateOtherFramesForAnotherSeed() {
        assertNotEquals(run(3, "slip").wire.receivedHex(), run(4, "slip").wire.receivedHex());
    }
}
