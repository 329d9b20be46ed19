package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4), above all where 0xFFFFFFFF wraps to 0. */
class SeqTest {
    private static final int LAST = 0xFFFF_FFFF;
    private static final int HALF = 0x8000_0000;

    @Test
    void shouldOrderNumbersAcrossTheWrap() {
        assertTrue(Seq.lt(LAST, 0), "0xffffffff comes just before 0");
        assertTrue(Seq.gt(0, LAST));
        assertTrue(Seq.lt(0xFFFF_FFF0, 0x10));
        assertTrue(Seq.gt(0x10, 0xFFFF_FFF0));
        assertFalse(Seq.lt(0, LAST));
        assertFalse(Seq.gt(LAST, 0));
        assertTrue(Seq.lt(0x7FFF_FFFF, HALF), "no sign trouble in the middle");
        assertTrue(Seq.lt(HALF - 1, HALF));
    }

    @Test
    void shouldCompareEqualNumbersOnlyWithTheInclusiveTests() {
        for (int a : new int[] {0, 1, LAST, HALF, 0x7FFF_FFFF}) {
            assertFalse(Seq.lt(a, a));
            assertFalse(Seq.gt(a, a));
            assertTrue(Seq.le(a, a));
            assertTrue(Seq.ge(a, a));
        }
        assertTrue(Seq.le(LAST, 0));
        assertTrue(Seq.ge(0, LAST));
        assertFalse(Seq.le(0, LAST));
        assertFalse(Seq.ge(LAST, 0));
    }

    @Test
    void shouldTreatNumbersWithinHalfTheSpaceAsAhead() {
        assertTrue(Seq.lt(0, 0x7FFF_FFFF), "2^31 - 1 ahead is still ahead");
        assertTrue(Seq.gt(0, 0x8000_0001), "2^31 + 1 ahead is behind");
        assertTrue(Seq.lt(LAST, 0x7FFF_FFFE));
    }

    @Test
    void shouldFindNumbersInAWindowThatWraps() {
        int low = 0xFFFF_FFF0;
        int high = 0x10; // 32 numbers: 0xfffffff0 .. 0xf
        assertTrue(Seq.between(low, low, high), "low is in");
        assertTrue(Seq.between(low, LAST, high));
        assertTrue(Seq.between(low, 0, high));
        assertTrue(Seq.between(low, 0xF, high));
        assertFalse(Seq.between(low, high, high), "high is out");
        assertFalse(Seq.between(low, low - 1, high));
        assertFalse(Seq.between(low, HALF, high));
    }

    @Test
    void shouldFindNothingInAnEmptyWindow() {
        assertFalse(Seq.between(LAST, LAST, LAST));
        assertFalse(Seq.between(0, 0, 0));
    }

    @Test
    void shouldHandleWindowsOfHalfTheSpaceAndMore() {
        // Exact for any size below 2^32, where lt/gt alone would be ambiguous at 2^31.
        assertTrue(Seq.between(0, 0x9000_0000, 0xA000_0000));
        assertFalse(Seq.between(0, 0xA000_0000, 0xA000_0000));
        assertTrue(Seq.between(1, LAST, 0), "a window of every number but 0: 1 .. 0xffffffff");
        assertFalse(Seq.between(1, 0, 0), "and the one left out");
    }

    @Test
    void shouldTakeTheLaterAndEarlierAcrossTheWrap() {
        assertEquals(5, Seq.max(LAST, 5));
        assertEquals(5, Seq.max(5, LAST));
        assertEquals(LAST, Seq.min(LAST, 5));
        assertEquals(LAST, Seq.min(5, LAST));
        assertEquals(7, Seq.max(7, 7));
        assertEquals(7, Seq.min(7, 7));
    }

    @Test
    void shouldMeasureDistancesAcrossTheWrap() {
        assertEquals(1, Seq.diff(0, LAST));
        assertEquals(-1, Seq.diff(LAST, 0));
        assertEquals(0x20, Seq.diff(0x10, 0xFFFF_FFF0));
        assertEquals(0, Seq.diff(HALF, HALF));
        assertEquals(1, Seq.diff(LAST + 1, LAST), "0xffffffff + 1 is 0, one past");
    }
}
