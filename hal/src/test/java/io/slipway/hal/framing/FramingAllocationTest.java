package io.slipway.hal.framing;

import static io.slipway.hal.framing.SlipFramingTest.concat;
import static io.slipway.hal.framing.SlipFramingTest.encode;
import static io.slipway.hal.framing.SlipFramingTest.randomFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.LinkCounters;
import io.slipway.testing.SteadyState;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Memory is fixed at construction (DESIGN.md "Memory"): the decoder owns one frame-sized array and
 * the encoder writes into the caller's buffer, so neither a line of garbage nor a stream of frames
 * allocates anything on the reading or writing thread. Measured with the thread's allocated-bytes
 * counter, not assumed ({@link SteadyState}).
 */
class FramingAllocationTest {
    private static final int MAX = 1006;
    /** Repetitions per round of the line of garbage and the frames. */
    private static final int REPS = 100;

    /** Rounds run, warm-up and measured. */
    private int rounds;

    /** Does not allocate: counts what it is given instead of keeping it. */
    private static final class CountingSink implements FrameSink {
        long frames;
        long bytes;

        @Override
        public void onFrame(byte[] frame, int off, int len) {
            frames++;
            bytes += len;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"slip", "ethernet"})
    void shouldAllocateNothingPerFrameOrPerByteOfGarbage(String name) {
        Framing framing = Framing.named(name);
        SplittableRandom random = new SplittableRandom(2024);
        FrameEncoder encoder = framing.newEncoder();
        CountingSink sink = new CountingSink();
        FrameDecoder decoder = framing.newDecoder(MAX, sink, new LinkCounters());

        byte[][] frames = new byte[64][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = randomFrame(random, 14 + random.nextInt(MAX - 14 + 1));
        }
        byte[][] garbage = new byte[16][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = SlipDecoderBadInputTest.garbage(random, encoder, MAX);
        }
        byte[] longLine = new byte[64 * 1024];
        for (int i = 0; i < longLine.length; i++) {
            longLine[i] = (byte) random.nextInt(256);
        }
        byte[] line = concat(concat(garbage), longLine);
        byte[] wire = new byte[encoder.maxWireLength(MAX)];

        // A round decodes REPS lines of garbage (line.length bytes each) and REPS * 64 frames.
        SteadyState.assertAllocatesNothing(name + " encoding and decoding frames and garbage",
                REPS * frames.length, () -> {
                    rounds++;
                    for (int rep = 0; rep < REPS; rep++) {
                        decoder.accept(line, 0, line.length);
                        for (byte[] frame : frames) {
                            int n = encoder.encode(frame, 0, frame.length, wire, 0);
                            assertEquals(n, encoder.wireLength(frame, 0, frame.length));
                            decoder.accept(wire, 0, n);
                        }
                    }
                });

        assertTrue(sink.frames >= (long) rounds * REPS * frames.length,
                "frames decoded: " + sink.frames + " in " + rounds + " rounds");
    }
}
