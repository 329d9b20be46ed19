package io.slipway.tcp;

/**
 * Sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4): "the sequence number space ranges from
 * 0 to 2^32 - 1 ... all arithmetic dealing with sequence numbers must be performed modulo 2^32".
 * Sequence numbers are raw 32 bits in an int; {@code a} is before {@code b} when {@code b} is
 * less than 2^31 ahead of it, which the sign of the int difference {@code a - b} tells. Numbers
 * exactly 2^31 apart are each "before" the other: a connection never has that much in flight.
 */
public final class Seq {
    private Seq() {
    }

    /** a &lt; b in sequence space. */
    public static boolean lt(int a, int b) {
        return a - b < 0;
    }

    /** a =&lt; b in sequence space. */
    public static boolean le(int a, int b) {
        return a - b <= 0;
    }

    /** a &gt; b in sequence space. */
    public static boolean gt(int a, int b) {
        return a - b > 0;
    }

    /** a &gt;= b in sequence space. */
    public static boolean ge(int a, int b) {
        return a - b >= 0;
    }

    /**
     * low =&lt; x &lt; high, the window starting at {@code low}: x's distance past low is less than
     * the window's size, both taken as unsigned. Exact for any window below 2^32; empty when
     * high == low (RFC 9293 §3.10.7.4's tests for a zero window are the caller's).
     */
    public static boolean between(int low, int x, int high) {
        return Integer.compareUnsigned(x - low, high - low) < 0;
    }

    /** The later of the two. */
    public static int max(int a, int b) {
        return gt(a, b) ? a : b;
    }

    /** The earlier of the two. */
    public static int min(int a, int b) {
        return lt(a, b) ? a : b;
    }

    /** a - b, how far a is past b (negative when before): bytes between two sequence numbers. */
    public static int diff(int a, int b) {
        return a - b;
    }
}
