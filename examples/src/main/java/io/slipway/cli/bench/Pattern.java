package io.slipway.cli.bench;

import java.util.Arrays;
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
        for (int done = 0; done < n; ) {
            int at = (int) ((position + done) & (SIZE - 1));
            int run = Math.min(n - done, SIZE - at);
            System.arraycopy(TABLE, at, b, done, run);
            done += run;
        }
    }

    /** The index in {@code b[0, n)} of the first byte that differs from the pattern at {@code position}, or -1. */
    static int mismatch(byte[] b, int n, long position) {
        for (int done = 0; done < n; ) {
            int at = (int) ((position + done) & (SIZE - 1));
            int run = Math.min(n - done, SIZE - at);
            int i = Arrays.mismatch(b, done, done + run, TABLE, at, at + run);
            if (i >= 0) {
                return done + i;
            }
            done += run;
        }
        return -1;
    }
}
