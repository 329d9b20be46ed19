package io.slipway.hal.loopback;

import io.slipway.base.Bytes;
import java.util.SplittableRandom;

/** Numbered test frames: the first four bytes hold the number, the rest is seeded noise. */
final class TestFrames {
    private TestFrames() {
    }

    /**
     * Frame {@code number} of {@code length} bytes (at least 4). The noise includes SLIP's END and
     * ESC bytes, as real traffic does, so framed wires carry escapes.
     */
    static byte[] numbered(int number, int length) {
        byte[] frame = new byte[length];
        Bytes.put32(frame, 0, number);
        SplittableRandom noise = new SplittableRandom(number * 0x9E3779B97F4A7C15L);
        for (int i = 4; i < length; i++) {
            frame[i] = (byte) noise.nextInt(256);
        }
        return frame;
    }

    /** {@code count} numbered frames with lengths drawn from [min, max] by {@code seed}. */
    static byte[][] mixed(int count, int min, int max, long seed) {
        SplittableRandom lengths = new SplittableRandom(seed);
        byte[][] frames = new byte[count][];
        for (int i = 0; i < count; i++) {
            frames[i] = numbered(i, min + lengths.nextInt(max - min + 1));
        }
        return frames;
    }

    /** A frame of {@code length} bytes with neither END (0xC0) nor ESC (0xDB): no escapes on SLIP. */
    static byte[] plain(int length) {
        byte[] frame = new byte[length];
        for (int i = 0; i < length; i++) {
            frame[i] = (byte) (i % 0xC0);
        }
        return frame;
    }

    static int numberOf(byte[] frame) {
        return Bytes.i32(frame, 0);
    }
}
