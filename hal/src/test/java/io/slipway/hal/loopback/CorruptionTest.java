package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.framing.Framing;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bit corruption: one random bit of a frame's wire bytes is flipped. Unframed, the damaged frame
 * is delivered. Framed, the bytes go through the real decoder: SLIP (no checksum) delivers most
 * damage, drops bad escapes, and a flipped END splits or merges frames; Ethernet's FCS catches
 * every single-bit error. In every case each corrupted frame damages only itself, because the
 * next frame's leading END resynchronises the decoder.
 */
class CorruptionTest {
    private static final int FRAMES = 10_000;
    private static final byte[][] TRAFFIC = TestFrames.mixed(FRAMES, 20, 200, 4);

    private static final class Run {
        final VirtualWire wire;
        final long corrupted;
        final LinkCounters receiver;
        /** Received frames equal to the frame of their number. */
        int intact;

        Run(VirtualWire wire, long corrupted, LinkCounters receiver) {
            this.wire = wire;
            this.corrupted = corrupted;
            this.receiver = receiver;
            for (byte[] frame : wire.received) {
                if (frame.length >= 4 && isSent(frame)) {
                    intact++;
                }
            }
        }

        int damaged() {
            return wire.received.size() - intact;
        }
    }

    private static boolean isSent(byte[] frame) {
        int number = TestFrames.numberOf(frame);
        return number >= 0 && number < FRAMES && Arrays.equals(TRAFFIC[number], frame);
    }

    private static Run run(long seed, String framing, double probability) {
        ManualClock clock = new ManualClock();
        LoopbackCable.Builder builder = LoopbackCable.builder(clock).seed(seed)
                .impairments(Impairments.builder().corruption(probability).build());
        if (!framing.equals("none")) {
            builder.framing(Framing.named(framing));
        }
        LoopbackCable cable = builder.build();
        VirtualWire wire = new VirtualWire(clock, cable.a(), cable.b()).send(TRAFFIC, 1_000);
        return new Run(wire, cable.counters(CableDirection.A_TO_B).corrupted(), cable.b().counters());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "slip", "ethernet"})
    void shouldCorruptFramesAtTheConfiguredRate(String framing) {
        Run run = run(9, framing, 0.1);
        assertTrue(run.corrupted >= 900 && run.corrupted <= 1100, "corrupted " + run.corrupted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "slip", "ethernet"})
    void shouldDamageOnlyTheCorruptedFrames(String framing) {
        Run run = run(9, framing, 0.1);
        assertEquals(FRAMES - run.corrupted, run.intact, "intact frames; " + run.receiver);
    }

    @Test
    void shouldDeliverAnUnframedFrameWithExactlyOneBitFlipped() {
        Run run = run(9, "none", 0.1);
        assertEquals(FRAMES, run.wire.received.size());
        int oneBitOff = 0;
        for (int i = 0; i < FRAMES; i++) {
            byte[] sent = TRAFFIC[i];
            byte[] got = run.wire.received.get(i);
            assertEquals(sent.length, got.length);
            int bits = 0;
            for (int j = 0; j < sent.length; j++) {
                bits += Integer.bitCount((sent[j] ^ got[j]) & 0xff);
            }
            assertTrue(bits <= 1, "frame " + i + " has " + bits + " bits flipped");
            oneBitOff += bits;
        }
        assertEquals(run.corrupted, oneBitOff);
    }

    @Test
    void shouldLetSlipDeliverDamageAndDropBadEscapes() {
        Run run = run(9, "slip", 0.1);
        assertTrue(run.damaged() > 0, "SLIP has no checksum: damaged frames are delivered");
        assertTrue(run.receiver.drops(DropReason.BAD_ESCAPE) > 0, run.receiver.toString());
        // Each corrupted frame shows up damaged or as a drop (a split frame, as two); only the last
        // frame can stay unseen, its closing END flipped and nothing behind it.
        assertTrue(run.damaged() + run.receiver.totalDrops() >= run.corrupted - 1,
                run.damaged() + " damaged, " + run.receiver + ", " + run.corrupted + " corrupted");
    }

    @Test
    void shouldNeverDeliverACorruptedEthernetFrame() {
        Run run = run(9, "ethernet", 1.0);
        assertEquals(FRAMES, run.corrupted);
        assertEquals(0, run.wire.received.size(), "the FCS catches every single-bit error");
        assertTrue(run.receiver.drops(DropReason.BAD_FCS) > 0, run.receiver.toString());
        assertTrue(run.receiver.totalDrops() >= FRAMES - 1, run.receiver.toString());
    }

    @Test
    void shouldCorruptTheSameBitsForTheSameSeed() {
        assertEquals(run(9, "slip", 0.1).wire.receivedHex(), run(9, "slip", 0.1).wire.receivedHex());
    }

    @Test
    void shouldCorruptOtherBitsForAnotherSeed() {
        assertNotEquals(run(9, "slip", 0.1).wire.receivedHex(), run(10, "slip", 0.1).wire.receivedHex());
    }
}
