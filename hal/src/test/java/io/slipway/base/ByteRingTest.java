package io.slipway.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ByteRing from its javadoc contract, on one thread; {@link ByteRingConcurrencyTest} covers SPSC. */
class ByteRingTest {
    private static final int CAPACITY = 16;

    @ParameterizedTest
    @ValueSource(ints = {-8, 0, 1, 3, 6, 12, 100, Integer.MAX_VALUE})
    void shouldRefuseCapacityThatIsNotAPowerOfTwo(int capacity) {
        assertThrows(IllegalArgumentException.class, () -> new ByteRing(capacity));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 16, 1024, 1 << 20})
    void shouldAcceptPowerOfTwoCapacity(int capacity) {
        ByteRing ring = new ByteRing(capacity);
        assertEquals(capacity, ring.capacity());
        assertEquals(0, ring.size());
        assertEquals(capacity, ring.free());
        assertTrue(ring.isEmpty());
    }

    @Test
    void shouldTrackSizeAndFreeAsBytesComeAndGo() {
        ByteRing ring = new ByteRing(CAPACITY);
        assertEquals(5, ring.write(pattern(5, 0), 0, 5));
        assertEquals(5, ring.size());
        assertEquals(CAPACITY - 5, ring.free());
        assertFalse(ring.isEmpty());
        assertEquals(3, ring.read(new byte[3], 0, 3));
        assertEquals(2, ring.size());
        assertEquals(CAPACITY - 2, ring.free());
        assertEquals(3, ring.readPosition());
        assertEquals(5, ring.writePosition());
    }

    @Test
    void shouldWriteOnlyWhatFits() {
        ByteRing ring = new ByteRing(CAPACITY);
        assertEquals(10, ring.write(pattern(10, 0), 0, 10));
        assertEquals(6, ring.write(pattern(10, 10), 0, 10));
        assertEquals(0, ring.free());
        assertEquals(0, ring.write(pattern(1, 0), 0, 1));
        assertFalse(ring.write((byte) 1));
        assertEquals(CAPACITY, ring.writePosition());
        byte[] out = new byte[CAPACITY];
        assertEquals(CAPACITY, ring.read(out, 0, CAPACITY));
        assertArrayEquals(pattern(CAPACITY, 0), out);
    }

    @Test
    void shouldReadOnlyWhatIsReadable() {
        ByteRing ring = new ByteRing(CAPACITY);
        assertEquals(0, ring.read(new byte[4], 0, 4));
        ring.write(pattern(3, 7), 0, 3);
        byte[] out = new byte[8];
        Arrays.fill(out, (byte) 0x55);
        assertEquals(3, ring.read(out, 2, 6));
        assertArrayEquals(new byte[] {0x55, 0x55, 7, 8, 9, 0x55, 0x55, 0x55}, out);
        assertTrue(ring.isEmpty());
    }

    @Test
    void shouldHonourSourceAndDestinationOffsets() {
        ByteRing ring = new ByteRing(CAPACITY);
        byte[] src = pattern(10, 0);
        assertEquals(4, ring.write(src, 6, 4));
        byte[] out = new byte[4];
        ring.read(out, 0, 4);
        assertArrayEquals(new byte[] {6, 7, 8, 9}, out);
    }

    @Test
    void shouldMoveSingleBytes() {
        ByteRing ring = new ByteRing(4);
        assertEquals(-1, ring.read());
        for (int i = 0; i < 4; i++) {
            assertTrue(ring.write((byte) (0xf0 + i)));
        }
        assertFalse(ring.write((byte) 0));
        for (int i = 0; i < 4; i++) {
            // read() returns the byte unsigned: 0xf0, not -16
            assertEquals(0xf0 + i, ring.read());
        }
        assertEquals(-1, ring.read());
    }

    /** Every start index of the array, every length: the copy splits at the end of the array. */
    @Test
    void shouldWrapAroundAtEveryOffsetAndLength() {
        for (int start = 0; start < CAPACITY; start++) {
            for (int len = 1; len <= CAPACITY; len++) {
                ByteRing ring = ringAt(start);
                byte[] in = pattern(len, start * 31 + len);
                assertEquals(len, ring.write(in, 0, len));
                assertEquals(len, ring.size());
                byte[] peeked = new byte[len];
                assertEquals(len, ring.peek(0, peeked, 0, len));
                assertArrayEquals(in, peeked, "peek start " + start + " len " + len);
                byte[] out = new byte[len];
                assertEquals(len, ring.read(out, 0, len));
                assertArrayEquals(in, out, "read start " + start + " len " + len);
                assertTrue(ring.isEmpty());
            }
        }
    }

    @Test
    void shouldWrapSingleByteWritesAtEveryOffset() {
        for (int start = 0; start < CAPACITY; start++) {
            ByteRing ring = ringAt(start);
            for (int i = 0; i < CAPACITY; i++) {
                assertTrue(ring.write((byte) (i + start)));
            }
            for (int i = 0; i < CAPACITY; i++) {
                assertEquals((i + start) & 0xff, ring.read());
            }
        }
    }

    @Test
    void shouldPeekFromAnOffsetWithoutConsuming() {
        ByteRing ring = ringAt(12);
        ring.write(pattern(10, 0), 0, 10);
        byte[] out = new byte[5];
        assertEquals(5, ring.peek(3, out, 0, 5));
        assertArrayEquals(new byte[] {3, 4, 5, 6, 7}, out);
        assertEquals(10, ring.size());
        // only readable bytes are peeked: 2 remain past offset 8
        assertEquals(2, ring.peek(8, out, 0, 5));
        assertEquals(0, ring.peek(10, out, 0, 5));
        assertEquals(0, ring.peek(11, out, 0, 5));
    }

    @Test
    void shouldRefuseNegativePeekOffset() {
        ByteRing ring = new ByteRing(CAPACITY);
        ring.write(pattern(8, 1), 0, 8);
        ring.skip(4);
        // bytes before the read position were consumed; they are not "readable bytes"
        assertThrows(IllegalArgumentException.class, () -> ring.peek(-2, new byte[4], 0, 4));
        assertEquals(4, ring.size());
    }

    @Test
    void shouldSkipReadableBytes() {
        ByteRing ring = ringAt(14);
        ring.write(pattern(6, 0), 0, 6);
        ring.skip(4);
        assertEquals(2, ring.size());
        assertEquals(4, ring.read());
        ring.skip(0);
        assertEquals(5, ring.read());
    }

    @Test
    void shouldRefuseToSkipMoreThanReadableAndChangeNothing() {
        ByteRing ring = new ByteRing(CAPACITY);
        ring.write(pattern(3, 0), 0, 3);
        assertThrows(IllegalArgumentException.class, () -> ring.skip(4));
        assertThrows(IllegalArgumentException.class, () -> ring.skip(-1));
        assertEquals(3, ring.size());
        assertEquals(0, ring.readPosition());
    }

    @Test
    void shouldKeepOutOfOrderBytesUnreadableUntilCommitted() {
        ByteRing ring = ringAt(10);
        // a segment arrives 4 bytes ahead of the expected one
        assertEquals(3, ring.writeAt(4, new byte[] {14, 15, 16}, 0, 3));
        assertEquals(0, ring.size());
        assertEquals(-1, ring.read());
        // the missing bytes arrive; now 7 bytes are contiguous
        assertEquals(4, ring.writeAt(0, new byte[] {10, 11, 12, 13}, 0, 4));
        assertEquals(0, ring.size());
        ring.commit(7);
        assertEquals(7, ring.size());
        byte[] out = new byte[7];
        ring.read(out, 0, 7);
        assertArrayEquals(new byte[] {10, 11, 12, 13, 14, 15, 16}, out);
    }

    @Test
    void shouldStoreOnlyWhatFitsInFreeSpaceWithWriteAt() {
        ByteRing ring = new ByteRing(CAPACITY);
        ring.write(pattern(6, 0), 0, 6);
        // free = 10; at offset 7 only 3 bytes fit
        assertEquals(3, ring.writeAt(7, pattern(5, 50), 0, 5));
        assertEquals(0, ring.writeAt(10, pattern(5, 50), 0, 5));
        assertEquals(0, ring.writeAt(11, pattern(5, 50), 0, 5));
        assertEquals(6, ring.size());
    }

    @Test
    void shouldNotOverwriteUnreadBytesWithWriteAt() {
        ByteRing ring = ringAt(5);
        ring.write(pattern(8, 0), 0, 8);
        byte[] junk = new byte[32];
        Arrays.fill(junk, (byte) 0x77);
        assertEquals(8, ring.writeAt(0, junk, 0, 32));
        byte[] out = new byte[8];
        ring.read(out, 0, 8);
        assertArrayEquals(pattern(8, 0), out);
    }

    @Test
    void shouldWriteAtAcrossTheWrapAtEveryOffset() {
        for (int start = 0; start < CAPACITY; start++) {
            for (int offset = 0; offset < CAPACITY; offset++) {
                ByteRing ring = ringAt(start);
                int len = CAPACITY - offset;
                byte[] tail = pattern(len, offset);
                assertEquals(len, ring.writeAt(offset, tail, 0, len));
                assertEquals(offset, ring.writeAt(0, pattern(offset, 0), 0, offset));
                ring.commit(CAPACITY);
                byte[] out = new byte[CAPACITY];
                assertEquals(CAPACITY, ring.read(out, 0, CAPACITY));
                assertArrayEquals(pattern(CAPACITY, 0), out, "start " + start + " offset " + offset);
            }
        }
    }

    @Test
    void shouldRefuseNegativeWriteAtOffset() {
        ByteRing ring = new ByteRing(CAPACITY);
        assertThrows(IllegalArgumentException.class, () -> ring.writeAt(-1, new byte[1], 0, 1));
    }

    @Test
    void shouldRefuseToCommitMoreThanFreeAndChangeNothing() {
        ByteRing ring = new ByteRing(CAPACITY);
        ring.write(pattern(10, 0), 0, 10);
        assertThrows(IllegalArgumentException.class, () -> ring.commit(7));
        assertThrows(IllegalArgumentException.class, () -> ring.commit(-1));
        assertEquals(10, ring.writePosition());
        ring.commit(6);
        assertEquals(0, ring.free());
    }

    @Test
    void shouldEmptyOnClear() {
        ByteRing ring = ringAt(3);
        ring.write(pattern(9, 0), 0, 9);
        ring.clear();
        assertTrue(ring.isEmpty());
        assertEquals(CAPACITY, ring.free());
        assertEquals(ring.writePosition(), ring.readPosition());
    }

    /** Positions are 64-bit and only grow; masking must stay right past 2^31 and 2^32. */
    @Test
    void shouldKeepWorkingPastFourGigabytesOfPositions() {
        int capacity = 1 << 20;
        ByteRing ring = new ByteRing(capacity);
        long target = (1L << 32) + 5;
        // commit and skip move the positions without copying any byte
        while (ring.writePosition() + capacity <= target) {
            ring.commit(capacity);
            ring.skip(capacity);
        }
        ring.commit((int) (target - ring.writePosition()));
        ring.skip(ring.size());
        assertEquals(target, ring.readPosition());
        byte[] in = pattern(capacity, 3);
        assertEquals(capacity, ring.write(in, 0, capacity));
        assertEquals(capacity, ring.size());
        byte[] out = new byte[capacity];
        assertEquals(capacity, ring.read(out, 0, capacity));
        assertArrayEquals(in, out);
    }

    /** A ring whose read and write positions both sit at {@code start}. */
    private static ByteRing ringAt(int start) {
        ByteRing ring = new ByteRing(CAPACITY);
        ring.write(new byte[start], 0, start);
        ring.skip(start);
        return ring;
    }

    static byte[] pattern(int len, int seed) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[i] = (byte) (seed + i);
        }
        return b;
    }
}
