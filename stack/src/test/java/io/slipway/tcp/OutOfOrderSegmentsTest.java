package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.SteadyState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The out-of-order ranges past RCV.NXT: merging, adjacency, containment, in-order data that
 * reaches into held ranges, the bound, and random operations against a BitSet of held bytes.
 */
class OutOfOrderSegmentsTest {
    @Test
    void shouldStartEmpty() {
        OutOfOrderSegments held = new OutOfOrderSegments(4);
        assertTrue(held.isEmpty());
        assertEquals(0, held.rangeCount());
        assertEquals(-1, held.mostRecentRange());
        assertEquals(0, held.contiguousAfterInOrder(100), "nothing held: nothing joins");
    }

    @Test
    void shouldKeepSeparateRangesInOrderOfOffset() {
        OutOfOrderSegments held = new OutOfOrderSegments(4);
        assertTrue(held.add(3000, 4000));
        assertTrue(held.add(1000, 2000));
        assertTrue(held.add(5000, 6000));
        assertRanges(held, 1000, 2000, 3000, 4000, 5000, 6000);
        assertFalse(held.isEmpty());
    }

    @Test
    void shouldMergeOverlappingRanges() {
        OutOfOrderSegments held = new OutOfOrderSegments(4);
        held.add(1000, 2000);
        held.add(1500, 2500);
        assertRanges(held, 1000, 2500);
        held.add(500, 1200);
        assertRanges(held, 500, 2500);
    }

    /** Ranges that touch ([a, b) and [b, c)) are one run of bytes: merged, costing no range. */
    @Test
    void shouldMergeAdjacentRangesOnEitherSide() {
        OutOfOrderSegments held = new OutOfOrderSegments(2);
        held.add(1000, 2000);
        held.add(3000, 4000);
        assertTrue(held.add(2000, 2500), "touches the end of the first");
        assertRanges(held, 1000, 2500, 3000, 4000);
        assertTrue(held.add(2800, 3000), "touches the start of the second");
        assertRanges(held, 1000, 2500, 2800, 4000);
        assertTrue(held.add(2500, 2800), "fills the hole exactly: one range");
        assertRanges(held, 1000, 4000);
    }

    @Test
    void shouldMergeARangeThatSpansSeveral() {
        OutOfOrderSegments held = new OutOfOrderSegments(8);
        held.add(100, 200);
        held.add(300, 400);
        held.add(500, 600);
        held.add(700, 800);
        held.add(900, 1000);
        assertTrue(held.add(150, 750));
        assertRanges(held, 100, 800, 900, 1000);
        assertTrue(held.add(50, 2000));
        assertRanges(held, 50, 2000);
    }

    @Test
    void shouldAbsorbARangeAlreadyContained() {
        OutOfOrderSegments held = new OutOfOrderSegments(4);
        held.add(1000, 5000);
        assertTrue(held.add(2000, 3000), "a retransmission of bytes already held");
        assertTrue(held.add(1000, 5000));
        assertRanges(held, 1000, 5000);
    }

    /** The bound: a new separate range is refused when full, but bytes that merge are not. */
    @Test
    void shouldRefuseANewRangeWhenFullAndChangeNothing() {
        OutOfOrderSegments held = new OutOfOrderSegments(3);
        held.add(100, 200);
        held.add(300, 400);
        held.add(500, 600);
        assertFalse(held.add(700, 800), "a fourth separate range");
        assertFalse(held.add(10, 20), "also before the others");
        assertFalse(held.add(250, 260), "also between them");
        assertRanges(held, 100, 200, 300, 400, 500, 600);
        assertTrue(held.add(600, 900), "extends the last: still three");
        assertTrue(held.add(150, 350), "joins two: now two");
        assertRanges(held, 100, 400, 500, 900);
        assertTrue(held.add(1000, 1100), "room again");
        assertEquals(3, held.rangeCount());
    }

    /** The hole at RCV.NXT filled exactly: RCV.NXT moves over the held range too. */
    @Test
    void shouldJoinTheRangeThatFollowsTheInOrderData() {
        OutOfOrderSegments held = new OutOfOrderSegments(4);
        held.add(1000, 3000);
        held.add(4000, 5000);
        assertEquals(2000, held.contiguousAfterInOrder(1000));
        assertRanges(held, 1000, 2000, "re-based on the new RCV.NXT, 3000 further on");
    }

    @Test
    void shouldJoinNothingWhileAHoleRemains() {
        OutOfOrderSegments held = new OutOfOrderSegments(4);
        held.add(1000, 3000);
        assertEquals(0, held.contiguousAfterInOrder(400));
        assertRanges(held, 600, 2600);
    }

    /** In-order data that overlaps a held range (a retransmission larger than the hole). */
    @Test
    void shouldJoinARangeThatTheInOrderDataOverlaps() {
        OutOfOrderSegments held = new OutOfOrderSegments(4);
        held.add(1000, 3000);
        held.add(4000, 5000);
        assertEquals(1000, held.contiguousAfterInOrder(2000), "bytes 2000..3000 were held already");
        assertRanges(held, 1000, 2000);
    }

    /** In-order data that covers held ranges completely, and reaches into a later one. */
    @Test
    void shouldDropRangesThatTheInOrderDataCovers() {
        OutOfOrderSegments held = new OutOfOrderSegments(4);
        held.add(100, 200);
        held.add(300, 400);
        held.add(500, 700);
        held.add(900, 1000);
        assertEquals(100, held.contiguousAfterInOrder(600));
        assertRanges(held, 200, 300);
        assertEquals(0, new OutOfOrderSegments(1).contiguousAfterInOrder(0));
        OutOfOrderSegments covered = new OutOfOrderSegments(2);
        covered.add(10, 20);
        assertEquals(0, covered.contiguousAfterInOrder(50), "covered entirely, nothing beyond");
        assertTrue(covered.isEmpty());
    }

    @Test
    void shouldLeaveEverythingAsItIsForNoInOrderBytes() {
        OutOfOrderSegments held = new OutOfOrderSegments(2);
        held.add(10, 20);
        assertEquals(0, held.contiguousAfterInOrder(0));
        assertRanges(held, 10, 20);
    }

    /** RFC 2018 §4: the first SACK block is the range that holds the segment just received. */
    @Test
    void shouldTrackTheRangeOfTheMostRecentBytes() {
        OutOfOrderSegments held = new OutOfOrderSegments(4);
        held.add(3000, 4000);
        assertEquals(0, held.mostRecentRange());
        held.add(1000, 2000);
        assertEquals(0, held.mostRecentRange());
        held.add(5000, 6000);
        assertEquals(2, held.mostRecentRange());
        assertEquals(0, held.contiguousAfterInOrder(500)); // [500, 1500), [2500, 3500), [4500, 5500)
        assertEquals(2, held.mostRecentRange(), "the ranges are re-based but keep their order");
        assertEquals(1000, held.contiguousAfterInOrder(500)); // [1000, 2000), [3000, 4000)
        assertEquals(1, held.mostRecentRange(), "one range before it joined the in-order data");
        held.add(200, 300);
        assertEquals(0, held.mostRecentRange());
        assertEquals(100, held.contiguousAfterInOrder(200));
        assertEquals(-1, held.mostRecentRange(), "the most recent bytes are in order now");
        held.clear();
        assertEquals(-1, held.mostRecentRange());
    }

    @Test
    void shouldForgetEverythingOnClear() {
        OutOfOrderSegments held = new OutOfOrderSegments(2);
        held.add(10, 20);
        held.add(30, 40);
        held.clear();
        assertTrue(held.isEmpty());
        assertTrue(held.add(50, 60));
        assertTrue(held.add(70, 80));
    }

    @Test
    void shouldRefuseRangesThatAreNotPastRcvNxt() {
        OutOfOrderSegments held = new OutOfOrderSegments(2);
        assertThrows(IllegalArgumentException.class, () -> held.add(0, 10), "in-order data");
        assertThrows(IllegalArgumentException.class, () -> held.add(-5, 10));
        assertThrows(IllegalArgumentException.class, () -> held.add(10, 10), "empty");
        assertThrows(IllegalArgumentException.class, () -> held.add(10, 5));
        assertThrows(IllegalArgumentException.class, () -> held.contiguousAfterInOrder(-1));
        assertThrows(IllegalArgumentException.class, () -> new OutOfOrderSegments(0));
        held.add(10, 20);
        assertThrows(IndexOutOfBoundsException.class, () -> held.start(1));
        assertThrows(IndexOutOfBoundsException.class, () -> held.end(-1));
    }

    /**
     * Random adds and in-order arrivals, checked after every step against a BitSet of the bytes
     * held (absolute positions, RCV.NXT moving on): the same ranges, the same advance of RCV.NXT,
     * and a refusal exactly when the bytes would need one range too many.
     */
    @Test
    void shouldAgreeWithABitSetModelOverManySeeds() {
        for (long seed = 0; seed < 60; seed++) {
            runModel(seed);
        }
    }

    private static void runModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int maxRanges = 1 + random.nextInt(6);
        int window = 50 + random.nextInt(400);
        OutOfOrderSegments held = new OutOfOrderSegments(maxRanges);
        BitSet model = new BitSet();
        int rcvNxt = 0;
        for (int step = 0; step < 3000; step++) {
            String where = "seed " + seed + " step " + step + ": ";
            if (random.nextInt(4) > 0) {
                int start = 1 + random.nextInt(window);
                int end = start + 1 + random.nextInt(1 + random.nextInt(40));
                BitSet after = (BitSet) model.clone();
                after.set(rcvNxt + start, rcvNxt + end);
                boolean fits = runs(after, rcvNxt).size() / 2 <= maxRanges;
                assertEquals(fits, held.add(start, end), where + "add [" + start + ", " + end + ")");
                if (fits) {
                    model = after;
                    int recent = held.mostRecentRange();
                    assertTrue(held.start(recent) <= start && end <= held.end(recent),
                            where + "the most recent range holds the bytes just added");
                }
            } else {
                int inOrder = random.nextInt(1 + random.nextInt(60));
                model.set(rcvNxt, rcvNxt + inOrder);
                int newRcvNxt = model.nextClearBit(rcvNxt);
                assertEquals(newRcvNxt - rcvNxt - inOrder, held.contiguousAfterInOrder(inOrder),
                        where + inOrder + " in-order bytes");
                model.clear(0, newRcvNxt);
                rcvNxt = newRcvNxt;
            }
            List<Integer> expected = runs(model, rcvNxt);
            assertEquals(expected.size() / 2, held.rangeCount(), where + "range count");
            for (int i = 0; i < held.rangeCount(); i++) {
                assertEquals(expected.get(2 * i), held.start(i), where + "start of range " + i);
                assertEquals(expected.get(2 * i + 1), held.end(i), where + "end of range " + i);
            }
            assertEquals(expected.isEmpty(), held.isEmpty(), where);
            int recent = held.mostRecentRange();
            assertTrue(recent >= -1 && recent < held.rangeCount(), where + "most recent " + recent);
        }
    }

    /** Runs of set bits after {@code origin}, as offsets from it: start0, end0, start1, end1, ... */
    private static List<Integer> runs(BitSet bits, int origin) {
        List<Integer> out = new ArrayList<>();
        int from = bits.nextSetBit(origin);
        while (from >= 0) {
            int to = bits.nextClearBit(from);
            out.add(from - origin);
            out.add(to - origin);
            from = bits.nextSetBit(to);
        }
        return out;
    }

    @Test
    void shouldNotAllocate() {
        OutOfOrderSegments held = new OutOfOrderSegments(8);
        SplittableRandom random = new SplittableRandom(3);
        int[] script = new int[30_000];
        for (int i = 0; i < script.length; i++) {
            script[i] = random.nextInt(1 << 16);
        }
        SteadyState.assertAllocatesNothing("out-of-order bookkeeping", 10_000, () -> {
            for (int i = 0; i < 10_000; i++) {
                int r = script[(i * 3) % script.length];
                if ((r & 3) != 0) {
                    int start = 1 + (r >>> 2) % 2000;
                    held.add(start, start + 1 + (script[(i * 3 + 1) % script.length] % 300));
                } else {
                    held.contiguousAfterInOrder(script[(i * 3 + 2) % script.length] % 200);
                }
                if (held.rangeCount() > 0) {
                    held.start(0);
                    held.end(held.rangeCount() - 1);
                }
            }
        });
    }

    /** Asserts the ranges, as start, end pairs; a trailing string is the message. */
    private static void assertRanges(OutOfOrderSegments held, Object... startEndPairs) {
        int n = startEndPairs.length;
        String message = "";
        if (n > 0 && startEndPairs[n - 1] instanceof String s) {
            message = s;
            n--;
        }
        assertEquals(n / 2, held.rangeCount(), message + " range count");
        for (int i = 0; i < n / 2; i++) {
            assertEquals(startEndPairs[2 * i], held.start(i), message + " start of range " + i);
            assertEquals(startEndPairs[2 * i + 1], held.end(i), message + " end of range " + i);
        }
    }
}
