package io.slipway.hal.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Stuffing scans eight bytes at a time for END and ESC; it must stuff exactly as RFC 1055's
 * byte loop does, wherever the special bytes fall in a word, at any offset and length.
 */
class SlipStuffingTest {
    @Test
    void shouldStuffExactlyAsTheByteLoopWhereverTheSpecialBytesFall() {
        SplittableRandom r = new SplittableRandom(1055);
        for (int run = 0; run < 20_000; run++) {
            byte[] src = new byte[r.nextInt(1, 64)];
            for (int i = 0; i < src.length; i++) {
                int k = r.nextInt(16);
                src[i] = k == 0 ? Slip.END : k == 1 ? Slip.ESC : (byte) r.nextInt(256);
            }
            int off = r.nextInt(src.length);
            int len = r.nextInt(src.length - off + 1);
            byte[] expected = byteLoop(src, off, len);
            byte[] dst = new byte[2 * len + 3];
            int end = Slip.stuff(src, off, len, dst, 3);

            assertEquals(expected.length, end - 3, "run " + run);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(dst, 3, end), "run " + run);
            assertEquals(expected.length, Slip.stuffedLength(src, off, len), "run " + run);
        }
    }

    @Test
    void shouldFindTheFirstSpecialByteInAnyPositionOfAWord() {
        for (int at = 0; at < 24; at++) {
            for (byte special : new byte[] {Slip.END, Slip.ESC}) {
                byte[] b = new byte[24];
                java.util.Arrays.fill(b, (byte) 0xC1); // one off END: must not match
                b[at] = special;
                assertEquals(at, Slip.nextSpecial(b, 0, 24));
                assertEquals(at < 5 ? 24 : at, Slip.nextSpecial(b, 5, 24));
                assertEquals(Math.min(at, 10) == at ? at : 10, Slip.nextSpecial(b, 0, 10));
            }
        }
    }

    private static byte[] byteLoop(byte[] src, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = off; i < off + len; i++) {
            if (src[i] == Slip.END) {
                out.write(Slip.ESC);
                out.write(Slip.ESC_END);
            } else if (src[i] == Slip.ESC) {
                out.write(Slip.ESC);
                out.write(Slip.ESC_ESC);
            } else {
                out.write(src[i]);
            }
        }
        return out.toByteArray();
    }
}
