package io.slipway.hal.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.hal.DropReason;
import io.slipway.hal.LinkCounters;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The decoder copies runs of plain bytes whole when it is handed many bytes at once; it must
 * decode exactly as when it is fed one byte at a time: the same frames, the same drops, across
 * any split of the stream into reads. Streams of random frames with END, ESC, bad escapes and
 * frames over the limit, cut at random points.
 */
class SlipDecoderRunsTest {
    private static final int MAX = 300;

    @Test
    void shouldDecodeRunsExactlyAsByteByByteForManyRandomStreams() {
        for (long seed = 1; seed <= 2000; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            byte[] stream = stream(r);
            FrameRecorder oneByOne = new FrameRecorder();
            LinkCounters oneByOneCounters = new LinkCounters();
            FrameDecoder bytes = Framing.SLIP.newDecoder(MAX, oneByOne, oneByOneCounters);
            for (byte b : stream) {
                bytes.accept(b);
            }
            FrameRecorder inRuns = new FrameRecorder();
            LinkCounters inRunsCounters = new LinkCounters();
            FrameDecoder runs = Framing.SLIP.newDecoder(MAX, inRuns, inRunsCounters);
            for (int at = 0; at < stream.length; ) {
                int n = Math.min(stream.length - at, 1 + r.nextInt(700));
                runs.accept(stream, at, n);
                at += n;
            }

            assertEquals(oneByOne.count(), inRuns.count(), "frames, seed " + seed);
            for (int i = 0; i < oneByOne.count(); i++) {
                assertArrayEquals(oneByOne.frame(i), inRuns.frame(i), "frame " + i + ", seed " + seed);
            }
            for (DropReason reason : DropReason.values()) {
                assertEquals(oneByOneCounters.drops(reason), inRunsCounters.drops(reason), reason + ", seed " + seed);
            }
        }
    }

    /** Frames of 0..2·MAX bytes, some with bad escapes, each stuffed and closed with END. */
    private static byte[] stream(SplittableRandom r) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int frames = 1 + r.nextInt(12);
        for (int f = 0; f < frames; f++) {
            int len = r.nextInt(2 * MAX);
            for (int i = 0; i < len; i++) {
                int kind = r.nextInt(100);
                if (kind < 3) {
                    out.write(0xDB);
                    out.write(0xDC);
                } else if (kind < 6) {
                    out.write(0xDB);
                    out.write(0xDD);
                } else if (kind == 6) {
                    out.write(0xDB); // a bad escape
                    out.write(r.nextInt(256));
                } else if (kind == 7) {
                    out.write(0xC0); // a frame ends early
                } else {
                    out.write(r.nextInt(256) & 0x7F);
                }
            }
            out.write(0xC0);
        }
        return out.toByteArray();
    }
}
