package io.slipway.base;

import static io.slipway.hal.mock.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slipway.testing.SteadyState;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SipHash-2-4 against the reference test vectors: key 00 01 .. 0f, and for n = 0..63 the message
 * of the n bytes 00 01 .. (n-1). The expected outputs are {@code vectors_sip64} of {@code
 * vectors.h} in the reference implementation (github.com/veorq/SipHash), each written as the
 * eight output bytes in the order the reference emits them: the 64-bit result little-endian.
 * Vector 15 is the worked example of the paper's Appendix A (a129ca6149be45e5).
 */
class SipHashTest {
    /** Key bytes 00 .. 07 and 08 .. 0f, each read little-endian. */
    private static final long K0 = 0x0706050403020100L;
    private static final long K1 = 0x0f0e0d0c0b0a0908L;

    private static final String[] REFERENCE_VECTORS = {
            "310e0edd47db6f72", "fd67dc93c539f874", "5a4fa9d909806c0d", "2d7efbd796666785",
            "b7877127e09427cf", "8da699cd64557618", "cee3fe586e46c9cb", "37d1018bf50002ab",
            "6224939a79f5f593", "b0e4a90bdf82009e", "f3b9dd94c5bb5d7a", "a7ad6b22462fb3f4",
            "fbe50e86bc8f1e75", "903d84c02756ea14", "eef27a8e90ca23f7", "e545be4961ca29a1",
            "db9bc2577fcc2a3f", "9447be2cf5e99a69", "9cd38d96f0b3c14b", "bd6179a71dc96dbb",
            "98eea21af25cd6be", "c7673b2eb0cbf2d0", "883ea3e395675393", "c8ce5ccd8c030ca8",
            "94af49f6c650adb8", "eab8858ade92e1bc", "f315bb5bb835d817", "adcf6b0763612e2f",
            "a5c91da7acaa4dde", "716595876650a2a6", "28ef495c53a387ad", "42c341d8fa92d832",
            "ce7cf2722f512771", "e37859f94623f3a7", "381205bb1ab0e012", "ae97a10fd434e015",
            "b4a31508beff4d31", "81396229f0907902", "4d0cf49ee5d4dcca", "5c73336a76d8bf9a",
            "d0a704536ba93e0e", "925958fcd6420cad", "a915c29bc8067318", "952b79f3bc0aa6d4",
            "f21df2e41d4535f9", "87577519048f53a9", "10a56cf5dfcd9adb", "eb75095ccd986cd0",
            "51a9cb9ecba312e6", "96afadfc2ce666c7", "72fe52975a4364ee", "5a1645b276d592a1",
            "b274cb8ebf87870a", "6f9bb4203de7b381", "eaecb2a30b22a87f", "9924a43cc1315724",
            "bd838d3aafbf8db7", "0b1a2a3265d51aea", "135079a3231ce660", "932b2846e4d70666",
            "e1915f5cb1eca46c", "f325965ca16d629f", "575ff28e60381be5", "724506eb4c328a95",
    };

    @Test
    void shouldMatchAllSixtyFourReferenceVectors() {
        byte[] message = counting(64);
        for (int n = 0; n < 64; n++) {
            assertEquals(littleEndian(bytes(REFERENCE_VECTORS[n])), SipHash.hash(K0, K1, message, 0, n),
                    "vector " + n);
        }
    }

    /** The paper's Appendix A: the 15-byte message 00 .. 0e under key 00 .. 0f. */
    @Test
    void shouldReproduceThePaperWorkedExample() {
        assertEquals(0xa129ca6149be45e5L, SipHash.hash(K0, K1, counting(15), 0, 15));
    }

    @Test
    void shouldMatchTheVectorsAtTheEdgesOfTheWordBlocks() {
        byte[] message = counting(64);
        long[] expected = {
            0x726fdb47dd0e0e31L, // 0 bytes: the final block alone
            0x74f839c593dc67fdL, // 1
            0xab0200f58b01d137L, // 7: a final block that is all but full
            0x93f5f5799a932462L, // 8: one whole word, then a final block with only the length
            0xa129ca6149be45e5L, // 15
            0x3f2acc7f57c29bdbL, // 16
            0x958a324ceb064572L, // 63
        };
        int[] lengths = {0, 1, 7, 8, 15, 16, 63};
        for (int i = 0; i < lengths.length; i++) {
            assertEquals(expected[i], SipHash.hash(K0, K1, message, 0, lengths[i]), "length " + lengths[i]);
        }
    }

    @Test
    void shouldHashARangeAtAnOffset() {
        byte[] framed = new byte[40];
        framed[0] = (byte) 0xff;
        System.arraycopy(counting(16), 0, framed, 11, 16);
        framed[27] = (byte) 0xff;
        assertEquals(0x3f2acc7f57c29bdbL, SipHash.hash(K0, K1, framed, 11, 16));
    }

    @Test
    void shouldGiveTheSameValueForSixteenBytesAsTwoWords() {
        assertEquals(0x3f2acc7f57c29bdbL, SipHash.hash(K0, K1, 0x0706050403020100L, 0x0f0e0d0c0b0a0908L),
                "reference vector 16 through the word path");
        SplittableRandom random = new SplittableRandom(42);
        byte[] sixteen = new byte[16];
        for (int i = 0; i < 1000; i++) {
            random.nextBytes(sixteen);
            long k0 = random.nextLong();
            long k1 = random.nextLong();
            assertEquals(SipHash.hash(k0, k1, sixteen, 0, 16),
                    SipHash.hash(k0, k1, littleEndian(sixteen, 0), littleEndian(sixteen, 8)));
        }
    }

    @Test
    void shouldDependOnTheKey() {
        byte[] message = counting(16);
        long reference = SipHash.hash(K0, K1, message, 0, 16);
        assertNotEquals(reference, SipHash.hash(K0 ^ 1, K1, message, 0, 16));
        assertNotEquals(reference, SipHash.hash(K0, K1 ^ (1L << 63), message, 0, 16));
    }

    @Test
    void shouldRefuseARangeOutsideTheArray() {
        byte[] b = new byte[8];
        assertThrows(IndexOutOfBoundsException.class, () -> SipHash.hash(K0, K1, b, 4, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> SipHash.hash(K0, K1, b, -1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> SipHash.hash(K0, K1, b, 0, -1));
    }

    @Test
    void shouldNotAllocate() {
        byte[] message = counting(64);
        long[] sink = new long[1];
        SteadyState.assertAllocatesNothing("SipHash", 10_000, () -> {
            for (int i = 0; i < 10_000; i++) {
                sink[0] += SipHash.hash(K0, K1, message, 0, i & 63);
                sink[0] += SipHash.hash(K0, K1, sink[0], i);
            }
        });
    }

    /** The n bytes 00 01 02 .. (n-1). */
    private static byte[] counting(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static long littleEndian(byte[] eight) {
        return littleEndian(eight, 0);
    }

    private static long littleEndian(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }
}
