package io.slipway.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A serial reader thread hands frames to the stack thread: here a producer offers 100,000 frames
 * of random length and the consumer checks each one's length, sequence and every byte, so a frame
 * seen half-written or twice fails.
 */
class FrameRingConcurrencyTest {
    private static final int FRAMES = 100_000;
    private static final int CAPACITY = 8192;
    private static final int MAX_FRAME = 1500;

    @Test
    void shouldHandFramesBetweenTwoThreadsWholeAndInOrder() throws Exception {
        FrameRing ring = new FrameRing(CAPACITY);
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] bytesReceived = new long[1];

        TwoThreads.run(60, stop -> {
            SplittableRandom random = new SplittableRandom(3);
            byte[] frame = new byte[MAX_FRAME];
            for (int seq = 0; seq < FRAMES && !stop.getAsBoolean(); ) {
                int len = lengthOf(seq);
                fill(frame, seq, len);
                if (ring.offer(frame, 0, len)) {
                    seq++;
                } else {
                    Thread.onSpinWait();
                }
                if (random.nextInt(64) == 0) {
                    Thread.yield();
                }
            }
        }, stop -> {
            byte[] frame = new byte[MAX_FRAME];
            for (int seq = 0; seq < FRAMES && !stop.getAsBoolean(); ) {
                int len = ring.poll(frame, 0, frame.length);
                if (len < 0) {
                    Thread.onSpinWait();
                    continue;
                }
                if (firstError.get() == null) {
                    String error = check(frame, seq, len);
                    if (error != null) {
                        firstError.set(error);
                    }
                }
                bytesReceived[0] += len;
                seq++;
            }
        });

        assertEquals(null, firstError.get());
        long expectedBytes = 0;
        for (int seq = 0; seq < FRAMES; seq++) {
            expectedBytes += lengthOf(seq);
        }
        assertEquals(expectedBytes, bytesReceived[0]);
        assertEquals(true, ring.isEmpty());
    }

    /** Lengths from 0 to MAX_FRAME, known to both sides from the sequence number alone. */
    private static int lengthOf(int seq) {
        return new SplittableRandom(seq).nextInt(MAX_FRAME + 1);
    }

    private static void fill(byte[] frame, int seq, int len) {
        for (int i = 0; i < len; i++) {
            frame[i] = (byte) (seq * 7 + i);
        }
    }

    private static String check(byte[] frame, int seq, int len) {
        if (len != lengthOf(seq)) {
            return "frame " + seq + ": length " + len + ", expected " + lengthOf(seq);
        }
        for (int i = 0; i < len; i++) {
            if (frame[i] != (byte) (seq * 7 + i)) {
                return "frame " + seq + ": byte " + i + " corrupted";
            }
        }
        return null;
    }
}
