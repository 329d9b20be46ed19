package io.slipway.base;

import static io.slipway.hal.mock.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Internet checksum against RFC 1071's own example, a real header, and its algebra. */
class InternetChecksumTest {
    /** RFC 1071 §3, "Numerical examples": these 8 bytes sum to 2ddf0, folded ddf2. */
    private static final byte[] RFC1071_EXAMPLE = bytes("0001f203f4f5f6f7");

    /** A real IPv4 header (UDP, 192.168.0.1 to 192.168.0.199) carrying its checksum b861. */
    private static final byte[] IPV4_HEADER = bytes("450000730000400040 11b861c0a80001c0a800c7");

    @Test
    void shouldReproduceTheRfc1071WorkedExample() {
        long sum = InternetChecksum.add(0, RFC1071_EXAMPLE, 0, 8);
        // The RFC's 16-bit sum is 2ddf0; ours adds the same bytes as 32-bit words (§2(B)), a sum
        // equal to it modulo 2^16 - 1, which is what the checksum is made of.
        assertEquals(0x2ddf0 % 0xFFFF, sum % 0xFFFF);
        assertEquals(~0xddf2 & 0xffff, InternetChecksum.finish(sum));
        assertEquals(0x220d, InternetChecksum.of(RFC1071_EXAMPLE, 0, 8));
    }

    /** RFC 1071 §2(B): swapping the bytes of every word swaps the bytes of the sum. */
    @Test
    void shouldBeIndependentOfByteOrder() {
        byte[] swapped = new byte[8];
        for (int i = 0; i < 8; i += 2) {
            swapped[i] = RFC1071_EXAMPLE[i + 1];
            swapped[i + 1] = RFC1071_EXAMPLE[i];
        }
        assertEquals(0x0d22, InternetChecksum.of(swapped, 0, 8));
    }

    @Test
    void shouldVerifyARealIpv4HeaderToZero() {
        assertEquals(0, InternetChecksum.of(IPV4_HEADER, 0, 20));
    }

    @Test
    void shouldComputeTheChecksumOfARealIpv4Header() {
        byte[] h = IPV4_HEADER.clone();
        h[10] = 0;
        h[11] = 0;
        assertEquals(0xb861, InternetChecksum.of(h, 0, 20));
    }

    @Test
    void shouldSumARangeAtAnOffset() {
        byte[] framed = new byte[30];
        framed[0] = (byte) 0xff;
        System.arraycopy(IPV4_HEADER, 0, framed, 7, 20);
        framed[29] = (byte) 0xff;
        assertEquals(0, InternetChecksum.of(framed, 7, 20));
    }

    /** RFC 1071 §4.1: an odd final byte is padded with a zero byte on its right. */
    @Test
    void shouldPadAnOddFinalByteOnTheRight() {
        assertEquals(0x0100, InternetChecksum.add(0, new byte[] {1}, 0, 1));
        assertEquals(~0x0100 & 0xffff, InternetChecksum.of(new byte[] {1}, 0, 1));
        byte[] odd = {0x12, 0x34, 0x56, 0x78, (byte) 0x9a};
        byte[] padded = {0x12, 0x34, 0x56, 0x78, (byte) 0x9a, 0};
        assertEquals(InternetChecksum.of(padded, 0, 6), InternetChecksum.of(odd, 0, 5));
    }

    @Test
    void shouldNotReadPastAnOddRange() {
        byte[] b = {0x12, 0x34, 0x56, (byte) 0xff, (byte) 0xff};
        assertEquals(0x1234 + 0x5600, InternetChecksum.add(0, b, 0, 3));
        assertEquals(0x3456 + 0xff00, InternetChecksum.add(0, b, 1, 3));
    }

    @Test
    void shouldGiveAllOnesForNothing() {
        assertEquals(0, InternetChecksum.add(0, new byte[0], 0, 0));
        assertEquals(0xffff, InternetChecksum.of(new byte[0], 0, 0));
    }

    @Test
    void shouldFoldCarriesRepeatedly() {
        // 0xffff words summed 100,000 times: carries fold back in more than once
        byte[] ones = new byte[200_000];
        java.util.Arrays.fill(ones, (byte) 0xff);
        assertEquals(0, InternetChecksum.of(ones, 0, ones.length));
        // 0x1fffe folds to 0xffff then to 0xffff: complement 0
        assertEquals(0, InternetChecksum.finish(0x1fffe));
        // 0xffff + 0x0001 = 0x10000 folds to 0x0001
        assertEquals(0xfffe, InternetChecksum.finish(0x10000));
    }

    @Test
    void shouldEqualTheWholeSumWhenSplitAtEvenLengths() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 500; round++) {
            byte[] data = new byte[1 + random.nextInt(1600)];
            random.nextBytes(data);
            int split = 2 * random.nextInt(data.length / 2 + 1);
            long parts = InternetChecksum.add(InternetChecksum.add(0, data, 0, split), data, split, data.length - split);
            assertEquals(InternetChecksum.of(data, 0, data.length), InternetChecksum.finish(parts), "round " + round);
        }
    }

    @Test
    void shouldAddWordsAsTheBytesWouldBe() {
        byte[] pseudo = bytes("c0a80001c0a800c7001100 5f");
        long bytes = InternetChecksum.add(0, pseudo, 0, pseudo.length);
        long words = InternetChecksum.add32(0, 0xc0a80001);
        words = InternetChecksum.add32(words, 0xc0a800c7);
        words = InternetChecksum.add16(words, 0x0011);
        words = InternetChecksum.add16(words, 0x005f);
        assertEquals(InternetChecksum.finish(bytes), InternetChecksum.finish(words));
        // add16 takes only the low 16 bits
        assertEquals(0x1234, InternetChecksum.add16(0, 0xabcd1234));
    }

    @Test
    void shouldVerifyARangeThatHoldsItsOwnChecksum() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[2 + 2 * random.nextInt(700)];
            random.nextBytes(data);
            data[0] = 0;
            data[1] = 0;
            int c = InternetChecksum.of(data, 0, data.length);
            Bytes.put16(data, 0, c);
            assertEquals(0, InternetChecksum.of(data, 0, data.length), "round " + round);
        }
    }

    /**
     * The wide loads sum 32-bit words, so the running sum is not the 16-bit words' sum itself,
     * only equal to it modulo 2^16 − 1: what finish() makes of the two must be the same.
     */
    @org.junit.jupiter.api.Test
    void shouldSumWideWordsToTheChecksumOfWordByWord() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1071);
        for (int run = 0; run < 20_000; run++) {
            byte[] b = new byte[r.nextInt(1, 400)];
            if (r.nextInt(4) == 0) {
                java.util.Arrays.fill(b, (byte) 0xFF); // sums that are multiples of 0xFFFF
            } else {
                r.nextBytes(b);
            }
            int off = r.nextInt(b.length);
            int len = r.nextInt(b.length - off + 1);
            long start = r.nextInt(4) == 0 ? 0 : r.nextLong(0, 1L << 20);
            long reference = start;
            for (int i = 0; i + 1 < len; i += 2) {
                reference += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
            }
            if ((len & 1) != 0) {
                reference += (b[off + len - 1] & 0xFF) << 8;
            }
            long wide = InternetChecksum.add(start, b, off, len);
            org.junit.jupiter.api.Assertions.assertEquals(reference % 0xFFFF, wide % 0xFFFF, "run " + run);
            org.junit.jupiter.api.Assertions.assertEquals(InternetChecksum.finish(reference),
                    InternetChecksum.finish(wide), "run " + run);
        }
    }
}
