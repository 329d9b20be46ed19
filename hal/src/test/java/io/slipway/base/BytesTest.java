package io.slipway.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Network byte order (RFC 791 Appendix B: most significant octet first) with high bits set, where sign bugs hide. */
class BytesTest {
    private static final byte[] FIELD = {(byte) 0xfe, (byte) 0xdc, (byte) 0xba, (byte) 0x98, 0x76};

    @Test
    void shouldReadUnsignedFieldsBigEndian() {
        assertEquals(0xfe, Bytes.u8(FIELD, 0));
        assertEquals(0xfedc, Bytes.u16(FIELD, 0));
        assertEquals(0xdcba, Bytes.u16(FIELD, 1));
        assertEquals(0xfedcba98L, Bytes.u32(FIELD, 0));
        assertEquals(0xdcba9876L, Bytes.u32(FIELD, 1));
    }

    @Test
    void shouldReadA32BitFieldAsTheSameBitsInAnInt() {
        assertEquals(0xfedcba98, Bytes.i32(FIELD, 0));
        assertEquals(Integer.toUnsignedLong(Bytes.i32(FIELD, 1)), Bytes.u32(FIELD, 1));
    }

    @Test
    void shouldWriteFieldsBigEndianWithoutTouchingNeighbours() {
        byte[] b = new byte[8];
        Bytes.put8(b, 0, 0x1ff);
        Bytes.put16(b, 1, 0xabcdef);
        Bytes.put32(b, 3, 0x89abcdef);
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xcd, (byte) 0xef, (byte) 0x89, (byte) 0xab,
            (byte) 0xcd, (byte) 0xef, 0}, b);
    }

    @Test
    void shouldRoundTripEveryWidth() {
        byte[] b = new byte[4];
        for (int v : new int[] {0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff}) {
            Bytes.put16(b, 0, v);
            assertEquals(v, Bytes.u16(b, 0));
            Bytes.put8(b, 0, v);
            assertEquals(v & 0xff, Bytes.u8(b, 0));
        }
        for (int v : new int[] {0, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0x80808080}) {
            Bytes.put32(b, 0, v);
            assertEquals(v, Bytes.i32(b, 0));
            assertEquals(Integer.toUnsignedLong(v), Bytes.u32(b, 0));
            Bytes.put32le(b, 0, v);
            assertEquals(v, Bytes.i32le(b, 0));
        }
    }

    @Test
    void shouldWriteAndReadLittleEndian() {
        byte[] b = new byte[5];
        Bytes.put32le(b, 1, 0x89abcdef);
        assertArrayEquals(new byte[] {0, (byte) 0xef, (byte) 0xcd, (byte) 0xab, (byte) 0x89}, b);
        assertEquals(0x89abcdef, Bytes.i32le(b, 1));
    }

    @Test
    void shouldFindTheSmallestPowerOfTwoAtLeast() {
        assertEquals(1, Bytes.powerOfTwoAtLeast(1));
        assertEquals(2, Bytes.powerOfTwoAtLeast(2));
        assertEquals(4, Bytes.powerOfTwoAtLeast(3));
        assertEquals(4, Bytes.powerOfTwoAtLeast(4));
        assertEquals(8, Bytes.powerOfTwoAtLeast(5));
        assertEquals(2048, Bytes.powerOfTwoAtLeast(1500));
        assertEquals(1 << 30, Bytes.powerOfTwoAtLeast((1 << 29) + 1));
        assertEquals(1 << 30, Bytes.powerOfTwoAtLeast(1 << 30));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, (1 << 30) + 1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void shouldRefuseSizesWithoutAPowerOfTwoAbove(int n) {
        assertThrows(IllegalArgumentException.class, () -> Bytes.powerOfTwoAtLeast(n));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, -2, -4, 6, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void shouldRefuseWhatIsNotAPowerOfTwoOfAtLeastTwo(int n) {
        assertThrows(IllegalArgumentException.class, () -> Bytes.requirePowerOfTwo(n, "x"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 1024, 1 << 30})
    void shouldAcceptPowersOfTwo(int n) {
        Bytes.requirePowerOfTwo(n, "x");
    }
}
