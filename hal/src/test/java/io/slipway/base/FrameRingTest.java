package io.slipway.base;

import static io.slipway.base.ByteRingTest.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** FrameRing from its javadoc contract, on one thread; {@link FrameRingConcurrencyTest} covers SPSC. */
class FrameRingTest {
    private static final int HEADER = 4;
    private static final int CAPACITY = 64;

    @Test
    void shouldRefuseCapacityThatIsNotAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new FrameRing(100));
        assertThrows(IllegalArgumentException.class, () -> new FrameRing(0));
    }

    @Test
    void shouldReportCapacityAndLargestFrame() {
        FrameRing ring = new FrameRing(CAPACITY);
        assertEquals(CAPACITY, ring.capacity());
        assertEquals(CAPACITY - HEADER, ring.maxFrameLength());
        assertTrue(ring.isEmpty());
        assertEquals(0, ring.usedBytes());
    }

    @Test
    void shouldReturnFramesWholeInOrder() {
        FrameRing ring = new FrameRing(CAPACITY);
        assertTrue(ring.offer(pattern(5, 1), 0, 5));
        assertTrue(ring.offer(pattern(9, 20), 0, 9));
        assertEquals(2 * HEADER + 14, ring.usedBytes());
        byte[] out = new byte[16];
        assertEquals(5, ring.poll(out, 0, out.length));
        assertArrayEquals(pattern(5, 1), Arrays.copyOf(out, 5));
        assertEquals(9, ring.poll(out, 0, out.length));
        assertArrayEquals(pattern(9, 20), Arrays.copyOf(out, 9));
        assertEquals(-1, ring.poll(out, 0, out.length));
        assertTrue(ring.isEmpty());
    }

    @Test
    void shouldHonourSourceAndDestinationOffsets() {
        FrameRing ring = new FrameRing(CAPACITY);
        ring.offer(pattern(10, 0), 4, 3);
        byte[] out = new byte[6];
        assertEquals(3, ring.poll(out, 2, 4));
        assertArrayEquals(new byte[] {0, 0, 4, 5, 6, 0}, out);
    }

    @Test
    void shouldPeekLengthWithoutTakingTheFrame() {
        FrameRing ring = new FrameRing(CAPACITY);
        assertEquals(-1, ring.peekLength());
        ring.offer(pattern(7, 0), 0, 7);
        assertEquals(7, ring.peekLength());
        assertEquals(7, ring.peekLength());
        assertEquals(HEADER + 7, ring.usedBytes());
        assertEquals(7, ring.poll(new byte[7], 0, 7));
        assertEquals(-1, ring.peekLength());
    }

    @Test
    void shouldCarryEmptyFrames() {
        FrameRing ring = new FrameRing(CAPACITY);
        assertTrue(ring.offer(new byte[0], 0, 0));
        assertFalse(ring.isEmpty());
        assertEquals(0, ring.peekLength());
        assertEquals(0, ring.poll(new byte[1], 0, 1));
        assertTrue(ring.isEmpty());
    }

    @Test
    void shouldRefuseNegativeLength() {
        FrameRing ring = new FrameRing(CAPACITY);
        assertFalse(ring.offer(new byte[4], 0, -1));
        assertTrue(ring.isEmpty());
    }

    @Test
    void shouldAcceptTheLargestFrameOnlyWhenEmpty() {
        FrameRing ring = new FrameRing(CAPACITY);
        byte[] big = pattern(CAPACITY, 0);
        assertFalse(ring.offer(big, 0, ring.maxFrameLength() + 1));
        assertTrue(ring.isEmpty());
        assertTrue(ring.offer(big, 0, ring.maxFrameLength()));
        assertEquals(CAPACITY, ring.usedBytes());
        assertFalse(ring.offer(big, 0, 0));
        byte[] out = new byte[CAPACITY];
        assertEquals(ring.maxFrameLength(), ring.poll(out, 0, CAPACITY));
        assertArrayEquals(Arrays.copyOf(big, ring.maxFrameLength()), Arrays.copyOf(out, ring.maxFrameLength()));
    }

    @Test
    void shouldRefuseAFrameThatDoesNotFitAndChangeNothing() {
        FrameRing ring = new FrameRing(CAPACITY);
        int frames = 0;
        while (ring.offer(pattern(10, frames * 10), 0, 10)) {
            frames++;
        }
        // 64 / (4 + 10) = 4 frames, 8 bytes left: not enough for a header and 10 bytes
        assertEquals(4, frames);
        int used = ring.usedBytes();
        assertFalse(ring.offer(pattern(5, 0), 0, 5));
        assertEquals(used, ring.usedBytes());
        // a frame that does fit the 8 bytes left is still taken
        assertTrue(ring.offer(pattern(4, 99), 0, 4));
        assertEquals(CAPACITY, ring.usedBytes());
        byte[] out = new byte[10];
        for (int i = 0; i < frames; i++) {
            assertEquals(10, ring.poll(out, 0, 10));
            assertArrayEquals(pattern(10, i * 10), out, "frame " + i);
        }
        assertEquals(4, ring.poll(out, 0, 10));
        assertArrayEquals(pattern(4, 99), Arrays.copyOf(out, 4));
    }

    /** Each start offset puts the header or the payload, or both, across the end of the array. */
    @Test
    void shouldCarryFramesThatWrapTheEndAtEveryOffset() {
        for (int start = 0; start < CAPACITY; start++) {
            for (int len : new int[] {0, 1, 3, 4, 5, 17, CAPACITY - HEADER}) {
                FrameRing ring = ringAt(start);
                byte[] in = pattern(len, start + len);
                assertTrue(ring.offer(in, 0, len), "start " + start + " len " + len);
                assertEquals(len, ring.peekLength());
                byte[] out = new byte[len];
                assertEquals(len, ring.poll(out, 0, len));
                assertArrayEquals(in, out, "start " + start + " len " + len);
                assertTrue(ring.isEmpty());
            }
        }
    }

    @Test
    void shouldReportFullLengthOfACutFrameAndCopyOnlyWhatFits() {
        FrameRing ring = new FrameRing(CAPACITY);
        ring.offer(pattern(20, 0), 0, 20);
        ring.offer(pattern(3, 50), 0, 3);
        byte[] out = new byte[12];
        Arrays.fill(out, (byte) 0x7e);
        assertEquals(20, ring.poll(out, 2, 8));
        byte[] expected = new byte[12];
        Arrays.fill(expected, (byte) 0x7e);
        System.arraycopy(pattern(8, 0), 0, expected, 2, 8);
        assertArrayEquals(expected, out);
        // the cut frame is gone whole; the next one starts at its own header
        assertEquals(3, ring.poll(out, 0, 12));
        assertArrayEquals(pattern(3, 50), Arrays.copyOf(out, 3));
    }

    @Test
    void shouldDropAFrameWhenPolledIntoNothing() {
        FrameRing ring = new FrameRing(CAPACITY);
        ring.offer(pattern(9, 0), 0, 9);
        assertEquals(9, ring.poll(new byte[0], 0, 0));
        assertTrue(ring.isEmpty());
    }

    @Test
    void shouldDropEverythingOnClear() {
        FrameRing ring = ringAt(60);
        ring.offer(pattern(9, 0), 0, 9);
        ring.offer(pattern(9, 0), 0, 9);
        ring.clear();
        assertTrue(ring.isEmpty());
        assertEquals(-1, ring.peekLength());
        assertTrue(ring.offer(pattern(CAPACITY - HEADER, 0), 0, CAPACITY - HEADER));
    }

    /** A ring whose next record starts {@code start} bytes into the array. */
    private static FrameRing ringAt(int start) {
        FrameRing ring = new FrameRing(CAPACITY);
        // a record takes at least a header, so 1..3 bytes are reached a lap later
        int distance = start > 0 && start < HEADER ? start + CAPACITY : start;
        while (distance > 0) {
            int step = distance > CAPACITY ? CAPACITY / 2 : distance;
            assertTrue(ring.offer(new byte[step], 0, step - HEADER));
            ring.poll(new byte[0], 0, 0);
            distance -= step;
        }
        assertEquals(0, ring.usedBytes());
        return ring;
    }

    @Test
    void shouldJoinTwoPartsIntoOneFrameAndSplitThemAgain() {
        FrameRing ring = new FrameRing(CAPACITY);
        assertTrue(ring.offer(pattern(3, 100), 3, pattern(20, 0), 5, 7));
        assertEquals(FrameRing.recordBytes(10), ring.usedBytes());
        byte[] head = new byte[3];
        byte[] body = new byte[12];
        assertEquals(10, ring.poll(head, 3, body, 2, 10));
        assertArrayEquals(pattern(3, 100), head);
        assertArrayEquals(new byte[] {0, 0, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0}, body);
        assertTrue(ring.isEmpty());
    }

    @Test
    void shouldCutTheBodyToTheReadersRoomAndStillTakeTheWholeFrame() {
        FrameRing ring = new FrameRing(CAPACITY);
        ring.offer(pattern(2, 50), 2, pattern(10, 0), 0, 10);
        ring.offer(pattern(1, 9), 0, 1);
        byte[] head = new byte[2];
        byte[] body = new byte[4];
        assertEquals(12, ring.poll(head, 2, body, 0, 4), "the full length, though only 4 body bytes fitted");
        assertArrayEquals(pattern(4, 0), body);
        assertEquals(1, ring.poll(new byte[1], 0, 1), "the next frame is intact");
    }

    @Test
    void shouldRefuseATwoPartFrameThatDoesNotFitAndChangeNothing() {
        FrameRing ring = new FrameRing(CAPACITY);
        assertFalse(ring.offer(new byte[30], 30, new byte[31], 0, 31));
        assertTrue(ring.isEmpty());
        assertTrue(ring.offer(new byte[30], 30, new byte[30], 0, 30), "exactly full: 4 + 60 bytes");
        assertEquals(CAPACITY, ring.usedBytes());
    }

    @Test
    void shouldFillOnlyTheFramesLengthWhenItIsShorterThanTheHead() {
        FrameRing ring = new FrameRing(CAPACITY);
        ring.offer(pattern(2, 7), 0, 2);
        byte[] head = new byte[6];
        assertEquals(2, ring.poll(head, 6, new byte[4], 0, 4));
        assertArrayEquals(new byte[] {7, 8, 0, 0, 0, 0}, head);
    }
}
