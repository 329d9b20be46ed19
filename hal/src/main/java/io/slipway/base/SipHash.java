package io.slipway.base;

/**
 * SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast short-input PRF", INDOCRYPT 2012): a
 * keyed 64-bit pseudorandom function for short inputs, two compression rounds per 8-byte word
 * and four finalization rounds. TCP keys it with a secret to make initial sequence numbers that
 * an off-path attacker cannot predict (RFC 6528 §3); it is what Linux uses there too.
 *
 * <p>The 128-bit key is two 64-bit words, {@code k0} from key bytes 0–7 and {@code k1} from key
 * bytes 8–15, each read little-endian as the paper specifies. Nothing allocates: the four state
 * words live in locals and the rounds are written out in place, since a helper could not hand
 * four longs back without an object.
 */
public final class SipHash {
    /** The initialisation constants: "somepseudorandomlygeneratedbytes" in ASCII (paper §2). */
    private static final long INIT_V0 = 0x736f6d6570736575L;
    private static final long INIT_V1 = 0x646f72616e646f6dL;
    private static final long INIT_V2 = 0x6c7967656e657261L;
    private static final long INIT_V3 = 0x7465646279746573L;

    private SipHash() {
    }

    /** SipHash-2-4 of {@code length} bytes at {@code offset}. */
    public static long hash(long k0, long k1, byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || length > data.length - offset) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " of " + data.length);
        }
        long v0 = k0 ^ INIT_V0;
        long v1 = k1 ^ INIT_V1;
        long v2 = k0 ^ INIT_V2;
        long v3 = k1 ^ INIT_V3;
        int wholeWordsEnd = offset + (length & ~7);
        for (int i = offset; i <= wholeWordsEnd; i += 8) {
            long m;
            if (i < wholeWordsEnd) {
                m = word(data, i);
            } else {
                // The last block: the 0–7 remaining bytes, and the length mod 256 in the top
                // byte (paper §2, "Compression").
                m = ((long) length) << 56;
                for (int j = length & 7; j > 0; j--) {
                    m |= (data[i + j - 1] & 0xffL) << (8 * (j - 1));
                }
            }
            v3 ^= m;
            for (int round = 0; round < 2; round++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        v2 ^= 0xff;
        for (int round = 0; round < 4; round++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /**
     * SipHash-2-4 of exactly 16 bytes given as two little-endian words ({@code m0} holds bytes
     * 0–7, {@code m1} bytes 8–15): the same value as {@link #hash(long, long, byte[], int, int)}
     * on those bytes, for callers that pack fields (a TCP 4-tuple) into words, not an array.
     */
    public static long hash(long k0, long k1, long m0, long m1) {
        long v0 = k0 ^ INIT_V0;
        long v1 = k1 ^ INIT_V1;
        long v2 = k0 ^ INIT_V2;
        long v3 = k1 ^ INIT_V3;
        // three compressions: m0, m1, and the final block, which holds only the length 16
        for (int block = 0; block < 3; block++) {
            long m = block == 0 ? m0 : block == 1 ? m1 : 16L << 56;
            v3 ^= m;
            for (int round = 0; round < 2; round++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        v2 ^= 0xff;
        for (int round = 0; round < 4; round++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /** Eight bytes at {@code off} as a little-endian word, the paper's byte order for m_i. */
    private static long word(byte[] b, int off) {
        return (b[off] & 0xffL)
                | (b[off + 1] & 0xffL) << 8
                | (b[off + 2] & 0xffL) << 16
                | (b[off + 3] & 0xffL) << 24
                | (b[off + 4] & 0xffL) << 32
                | (b[off + 5] & 0xffL) << 40
                | (b[off + 6] & 0xffL) << 48
                | (b[off + 7] & 0xffL) << 56;
    }
}
