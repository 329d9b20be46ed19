package io.slipway.hal.mock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The tests' one hex helper: what they write as hex must be exactly the bytes they mean. */
class HexTest {
    @Test
    void shouldParsePairsOfDigitsInEitherCaseIgnoringWhitespace() {
        byte[] expected = {(byte) 0xc0, 0x45, (byte) 0xdb, (byte) 0xdc, 0x00, (byte) 0xff};
        assertArrayEquals(expected, Hex.bytes("c0 45 db dc 00 ff"));
        assertArrayEquals(expected, Hex.bytes("C045DBDC00FF"));
        assertArrayEquals(expected, Hex.bytes(" c045\tdbdc 00\nff "));
        assertArrayEquals(expected, Hex.bytes("c0 4 5db dc00ff"), "a space inside a byte is only whitespace");
        assertArrayEquals(new byte[0], Hex.bytes(""));
    }

    @Test
    void shouldRefuseAnOddNumberOfDigits() {
        assertThrows(IllegalArgumentException.class, () -> Hex.bytes("c0 4"));
    }

    @Test
    void shouldRefuseWhatIsNotAHexDigit() {
        assertThrows(IllegalArgumentException.class, () -> Hex.bytes("c0 4g"));
        assertThrows(IllegalArgumentException.class, () -> Hex.bytes("-1"), "Integer.parseInt would take it");
        assertThrows(IllegalArgumentException.class, () -> Hex.bytes("+1"), "Integer.parseInt would take it");
        assertThrows(IllegalArgumentException.class, () -> Hex.bytes("0x45"));
    }

    @Test
    void shouldDumpEveryByte() {
        byte[] b = new byte[300];
        b[299] = (byte) 0xab;
        String dump = Hex.dump(b);
        assertEquals(300 * 3 - 1, dump.length());
        assertEquals("00 ab", dump.substring(dump.length() - 5));
        assertEquals("45 00 ff", Hex.dump(new byte[] {0x45, 0x00, (byte) 0xff}));
        assertEquals("", Hex.dump(new byte[0]));
    }

    @Test
    void shouldRoundTrip() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertArrayEquals(all, Hex.bytes(Hex.dump(all)));
    }

    @Test
    void shouldShowTheStartAndLengthInAMessage() {
        assertEquals("45 00 ff (length 3)", Hex.of(new byte[] {0x45, 0x00, (byte) 0xff}));
        assertEquals(" (length 0)", Hex.of(new byte[0]));
        byte[] exactly = new byte[128];
        assertEquals(Hex.dump(exactly) + " (length 128)", Hex.of(exactly));
        byte[] longer = new byte[129];
        longer[128] = 1;
        assertEquals(Hex.dump(exactly) + " ... (length 129)", Hex.of(longer));
    }
}
