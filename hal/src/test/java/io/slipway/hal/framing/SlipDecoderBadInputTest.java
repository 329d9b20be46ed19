package io.slipway.hal.framing;

import static io.slipway.hal.framing.SlipFramingTest.concat;
import static io.slipway.hal.framing.SlipFramingTest.encode;
import static io.slipway.hal.framing.SlipFramingTest.randomFrame;
import static io.slipway.hal.mock.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.DropReason;
import io.slipway.hal.LinkCounters;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a bad line does to the decoder: every drop is counted under its reason, nothing is thrown,
 * and the next END resynchronises so that the next good frame is delivered byte-exact.
 */
class SlipDecoderBadInputTest {
    private final LinkCounters counters = new LinkCounters();
    private final FrameRecorder sink = new FrameRecorder();

    private FrameDecoder slip(int max) {
        return Framing.SLIP.newDecoder(max, sink, counters);
    }

    private static void feed(FrameDecoder decoder, byte[] line) {
        decoder.accept(line, 0, line.length);
    }

    @Test
    void shouldDropAFrameLongerThanTheMaximumAndResynchroniseOnTheNextEnd() {
        FrameDecoder decoder = slip(8);
        // Nine bytes, then more junk before the END: none of it may leak into the next frame.
        feed(decoder, bytes("c0 01 02 03 04 05 06 07 08 09 0a 0b c0 0d 0e c0"));
        assertEquals(1, counters.drops(DropReason.FRAME_TOO_LONG));
        assertEquals(1, counters.totalDrops());
        assertEquals(1, sink.count());
        assertArrayEquals(bytes("0d 0e"), sink.frame(0));
    }

    @Test
    void shouldDeliverExactlyTheMaximumButNotOneMore() {
        FrameDecoder decoder = slip(4);
        feed(decoder, bytes("c0 01 02 03 04 c0 c0 01 02 03 04 05 c0"));
        assertEquals(1, sink.count());
        assertArrayEquals(bytes("01 02 03 04"), sink.frame(0));
        assertEquals(1, counters.drops(DropReason.FRAME_TOO_LONG));
    }

    @Test
    void shouldCountFrameTooLongWhenTheOverflowingByteIsEscaped() {
        FrameDecoder decoder = slip(2);
        feed(decoder, bytes("c0 01 02 db dc c0 03 c0"));
        assertEquals(1, counters.drops(DropReason.FRAME_TOO_LONG));
        assertEquals(1, sink.count());
        assertArrayEquals(bytes("03"), sink.frame(0));
    }

    @Test
    void shouldCountA64KiBLineWithoutEndOnceAndRecover() {
        FrameDecoder decoder = slip(1006);
        byte[] noEnd = new byte[64 * 1024];
        SplittableRandom random = new SplittableRandom(64);
        for (int i = 0; i < noEnd.length; i++) {
            // Neither END nor ESC: this line is only ever too long.
            byte b;
            do {
                b = (byte) random.nextInt(256);
            } while (b == Slip.END || b == Slip.ESC);
            noEnd[i] = b;
        }
        feed(decoder, noEnd);
        assertEquals(1, counters.drops(DropReason.FRAME_TOO_LONG));
        assertEquals(0, sink.count());
        byte[] good = randomFrame(random, 1006);
        feed(decoder, encode(Framing.SLIP.newEncoder(), good));
        assertEquals(1, sink.count());
        assertArrayEquals(good, sink.frame(0));
        assertEquals(1, counters.totalDrops());
    }

    @Test
    void shouldDropEscFollowedByAnyOtherByteAndResynchronise() {
        // RFC 1055 leaves "ESC followed by something else" as a protocol violation; we drop the
        // frame rather than guess (as Linux's slip driver does with SLF_ERROR).
        FrameDecoder decoder = slip(1006);
        int bad = 0;
        for (int b = 0; b < 256; b++) {
            if ((byte) b == Slip.ESC_END || (byte) b == Slip.ESC_ESC) {
                continue;
            }
            sink.clear();
            feed(decoder, concat(bytes("c0 01 db"), new byte[] {(byte) b}, bytes("02 c0 03 c0")));
            assertEquals(++bad, counters.drops(DropReason.BAD_ESCAPE), "ESC " + Integer.toHexString(b));
            assertArrayEquals(bytes("03"), sink.last(), "ESC " + Integer.toHexString(b));
            if ((byte) b == Slip.END) {
                // That END already ended the bad frame: "02" is a frame of its own.
                assertEquals(2, sink.count());
                assertArrayEquals(bytes("02"), sink.frame(0));
            } else {
                // "02" was discarded while waiting for END.
                assertEquals(1, sink.count(), "ESC " + Integer.toHexString(b));
            }
        }
        assertEquals(254, counters.drops(DropReason.BAD_ESCAPE));
        assertEquals(254, counters.totalDrops());
    }

    @Test
    void shouldCountABurstOfEscOnceAndRecover() {
        FrameDecoder decoder = slip(1006);
        byte[] burst = new byte[1000];
        Arrays.fill(burst, Slip.ESC);
        feed(decoder, concat(bytes("c0 01"), burst, bytes("c0")));
        assertEquals(1, counters.drops(DropReason.BAD_ESCAPE));
        feed(decoder, bytes("c0 04 05 c0"));
        assertEquals(1, sink.count());
        assertArrayEquals(bytes("04 05"), sink.frame(0));
        assertEquals(1, counters.totalDrops());
    }

    @Test
    void shouldTreatEscAtTheEndOfAFrameAsABadEscape() {
        FrameDecoder decoder = slip(1006);
        feed(decoder, bytes("c0 01 db c0 02 c0"));
        assertEquals(1, counters.drops(DropReason.BAD_ESCAPE));
        assertEquals(1, sink.count());
        assertArrayEquals(bytes("02"), sink.frame(0));
    }

    @Test
    void shouldStartTheNextFrameAfreshWhenTheSinkThrows() {
        // A failing sink is a bug of ours, not the peer's, but it must not glue the frame it
        // failed on to the front of the next one.
        boolean[] fail = {true};
        FrameRecorder recorder = new FrameRecorder();
        FrameDecoder decoder = Framing.SLIP.newDecoder(1006, (frame, off, len) -> {
            if (fail[0]) {
                fail[0] = false;
                throw new IllegalStateException("sink failed");
            }
            recorder.onFrame(frame, off, len);
        }, counters);
        assertThrows(IllegalStateException.class, () -> feed(decoder, bytes("c0 01 02 c0")));
        feed(decoder, bytes("03 c0"));
        assertEquals(1, recorder.count());
        assertArrayEquals(bytes("03"), recorder.frame(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"slip", "ethernet"})
    void shouldDeliverTheGoodFrameAfterAnyGarbage(String name) {
        Framing framing = Framing.named(name);
        int max = 1006;
        FrameEncoder encoder = framing.newEncoder();
        FrameDecoder decoder = framing.newDecoder(max, sink, counters);
        SplittableRandom random = new SplittableRandom(0x5119_0000L + name.hashCode());
        long delivered = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] garbage = garbage(random, encoder, max);
            byte[] good = randomFrame(random, 14 + random.nextInt(max - 14 + 1));
            byte[] line = concat(garbage, encode(encoder, good));
            feedInRandomChunks(decoder, line, random);

            assertTrue(sink.count() > 0, "round " + round + ": nothing delivered");
            assertArrayEquals(good, sink.last(), "round " + round + ": the good frame after the garbage");
            for (byte[] frame : sink.frames()) {
                assertTrue(frame.length <= max, "round " + round + ": delivered " + frame.length + " > " + max);
            }
            delivered += sink.count();
            sink.clear();
        }
        assertTrue(counters.drops(DropReason.FRAME_TOO_LONG) > 0, counters.toString());
        assertTrue(counters.drops(DropReason.BAD_ESCAPE) > 0, counters.toString());
        if (framing == Framing.ETHERNET) {
            // Only the FCS tells garbage from a frame; with this seed no garbage passes it.
            assertEquals(3000, delivered, counters.toString());
            assertTrue(counters.drops(DropReason.BAD_FCS) > 0, counters.toString());
            assertTrue(counters.drops(DropReason.RUNT) > 0, counters.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"slip", "ethernet"})
    void shouldDecodeTheSameWhateverTheLineDeliversAtOnce(String name) {
        // A serial read returns any number of bytes: byte by byte and in one go must agree.
        Framing framing = Framing.named(name);
        SplittableRandom random = new SplittableRandom(42);
        FrameEncoder encoder = framing.newEncoder();
        byte[][] parts = new byte[200][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = random.nextBoolean() ? garbage(random, encoder, 300)
                    : encode(encoder, randomFrame(random, 14 + random.nextInt(300 - 14 + 1)));
        }
        byte[] line = concat(parts);

        LinkCounters bulkCounters = new LinkCounters();
        FrameRecorder bulk = new FrameRecorder();
        framing.newDecoder(300, bulk, bulkCounters).accept(line, 0, line.length);

        FrameDecoder single = framing.newDecoder(300, sink, counters);
        for (byte b : line) {
            single.accept(b);
        }
        assertEquals(bulk.count(), sink.count());
        for (int i = 0; i < bulk.count(); i++) {
            assertArrayEquals(bulk.frame(i), sink.frame(i), "frame " + i);
        }
        assertEquals(bulkCounters.toString(), counters.toString());
        assertTrue(counters.totalDrops() > 0);
    }

    /**
     * A stretch of bad line: random bytes (END and ESC common), a truncated frame, a long run
     * without END, a burst of ESC, or a frame with a bad escape inside, in any mix.
     */
    static byte[] garbage(SplittableRandom random, FrameEncoder encoder, int max) {
        int pieces = 1 + random.nextInt(3);
        byte[][] parts = new byte[pieces][];
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(6)) {
                case 0: {
                    byte[] noise = new byte[random.nextInt(3 * max)];
                    for (int i = 0; i < noise.length; i++) {
                        int pick = random.nextInt(8);
                        noise[i] = pick == 0 ? Slip.END : pick == 1 ? Slip.ESC : (byte) random.nextInt(256);
                    }
                    parts[p] = noise;
                    break;
                }
                case 1: {
                    byte[] wire = encode(encoder, randomFrame(random, 1 + random.nextInt(max)));
                    // Cut at least one byte before the closing END, so that the frame is really
                    // short of something when the next END ends it.
                    parts[p] = Arrays.copyOf(wire, 1 + random.nextInt(wire.length - 2));
                    break;
                }
                case 2: {
                    byte[] run = new byte[max + 1 + random.nextInt(4 * max)];
                    for (int i = 0; i < run.length; i++) {
                        run[i] = (byte) (random.nextInt(0xC0));
                    }
                    parts[p] = run;
                    break;
                }
                case 3: {
                    byte[] burst = new byte[1 + random.nextInt(200)];
                    Arrays.fill(burst, Slip.ESC);
                    parts[p] = burst;
                    break;
                }
                case 4: {
                    byte[] wire = encode(encoder, randomFrame(random, 1 + random.nextInt(max)));
                    int at = 1 + random.nextInt(wire.length - 2 > 0 ? wire.length - 2 : 1);
                    byte[] bad = concat(Arrays.copyOf(wire, at), new byte[] {Slip.ESC, (byte) random.nextInt(0xC0)},
                            Arrays.copyOfRange(wire, at, wire.length));
                    parts[p] = bad;
                    break;
                }
                default:
                    parts[p] = new byte[] {Slip.END};
                    break;
            }
        }
        return concat(parts);
    }

    static void feedInRandomChunks(FrameDecoder decoder, byte[] line, SplittableRandom random) {
        int at = 0;
        while (at < line.length) {
            int n = Math.min(line.length - at, random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(512));
            decoder.accept(line, at, n);
            at += n;
        }
    }
}
