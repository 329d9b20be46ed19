package io.slipway.cli.bench;

import java.util.SplittableRandom;

/**
 * The bytes a bulk transfer carries: 64 KiB of seeded random bytes, repeated. Random, so that
 * SLIP escapes as often as it would for compressed or binary data (2 bytes in 256); a table, so
 * that making and checking it costs no more than a copy and a compare.
 */
final class Pattern {
    private static final int SIZE = 1 << 16;
    private static final byte[] TABLE = new byte[SIZE];

    static {
        new SplittableRandom(20261202).nextBytes(TABLE);
    }

    private Pattern() {
    }

    /** Fills {@code b[0, n)} with the pattern from stream position {@code position}. */
    static void fill(byte[] b, int n, long position) {
        for (int i = 0; i < n; i++) {
            b[i] = TABLE[(int) ((position + i) & (SIZE - 1))];
        }
    }

    /** The index in {@code b[0, n)} of the first byte that differs from the pattern at {@code position}, or -1. */
    static int mismatch(byte[] b, int n, long position) {
        for (int i = 0; i < n; i++) {
            if (b[i] != TABLE[(int) ((position + i) & (SIZE - 1))]) {
                return i;
            }
        }
        return -1;
    }
}
