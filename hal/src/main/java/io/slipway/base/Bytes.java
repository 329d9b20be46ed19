package io.slipway.base;

/**
 * Big-endian (network byte order) field access on byte arrays, as every header needs. Plain
 * shifts rather than a ByteBuffer so that nothing allocates and bounds are the array's own.
 */
public final class Bytes {
    private Bytes() {
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    /** An unsigned 32-bit field as a Java int (callers compare with Integer.compareUnsigned). */
    public static int i32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16)
                | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    public static long u32(byte[] b, int off) {
        return i32(b, off) & 0xffff_ffffL;
    }

    public static void put8(byte[] b, int off, int v) {
        b[off] = (byte) v;
    }

    public static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    public static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** Little-endian 32-bit write, for the Ethernet frame check sequence. */
    public static void put32le(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    /** Little-endian 32-bit read, for the Ethernet frame check sequence. */
    public static int i32le(byte[] b, int off) {
        return (b[off] & 0xff) | ((b[off + 1] & 0xff) << 8)
                | ((b[off + 2] & 0xff) << 16) | ((b[off + 3] & 0xff) << 24);
    }

    /** Smallest power of two at least {@code n} (n in 1..2^30). */
    public static int powerOfTwoAtLeast(int n) {
        if (n < 1 || n > (1 << 30)) {
            throw new IllegalArgumentException("size out of range: " + n);
        }
        return n == 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    public static void requirePowerOfTwo(int n, String what) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException(what + " must be a power of two >= 2, was " + n);
        }
    }
}
