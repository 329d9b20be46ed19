package io.slipway.testing;

import io.slipway.base.Bytes;

/**
 * Frames that both ends of a test can compute from a seed: frame {@code i} is its index in the
 * first 4 bytes (big-endian), then seeded pseudo-random bytes, and its length is seeded too. A
 * receiver regenerates the frame it expects next and compares, which checks order, loss and
 * content at once without keeping any copy of what was sent.
 *
 * <p>One byte in sixteen is forced to SLIP's END (0xC0) or ESC (0xDB), far more than random data
 * holds, so that every frame exercises the byte stuffing of RFC 1055.
 */
public final class FramePattern {
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private final long seed;
    private final int minLength;
    private final int maxLength;

    /** Frames of {@code minLength..maxLength} bytes (both inclusive, {@code minLength >= 4}). */
    public FramePattern(long seed, int minLength, int maxLength) {
        if (minLength < 4 || maxLength < minLength) {
            throw new IllegalArgumentException("lengths " + minLength + ".." + maxLength);
        }
        this.seed = seed;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The length of frame {@code index}. */
    public int length(int index) {
        long r = mix(seed ^ (index * GOLDEN) ^ 0x5EED_1E57L);
        return minLength + (int) Long.remainderUnsigned(r, maxLength - minLength + 1L);
    }

    /** Writes frame {@code index} at {@code dst[off..]}; returns its length. */
    public int fill(int index, byte[] dst, int off) {
        int len = length(index);
        Bytes.put32(dst, off, index);
        long state = seed ^ ((long) index << 32) ^ index;
        for (int i = 4; i < len; i++) {
            state += GOLDEN;
            long r = mix(state);
            int b = (int) r & 0xff;
            if (((r >>> 8) & 15) == 0) {
                b = ((r >>> 12) & 1) == 0 ? 0xC0 : 0xDB;
            }
            dst[off + i] = (byte) b;
        }
        return len;
    }

    /**
     * Compares {@code frame[off..off+len)} with frame {@code index}; returns null when they are
     * equal, else what differs (for an assertion message).
     */
    public String mismatch(int index, byte[] frame, int off, int len, byte[] scratch) {
        int expectedLength = fill(index, scratch, 0);
        String got = len >= 4 ? " (frame carries #" + Bytes.i32(frame, off) + ")" : "";
        if (len != expectedLength) {
            return "frame #" + index + ": length " + len + ", expected " + expectedLength + got;
        }
        for (int i = 0; i < len; i++) {
            if (frame[off + i] != scratch[i]) {
                return String.format("frame #%d: byte %d is 0x%02x, expected 0x%02x%s",
                        index, i, frame[off + i] & 0xff, scratch[i] & 0xff, got);
            }
        }
        return null;
    }

    /** SplitMix64's finaliser: a cheap, well-mixed 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
