package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.SteadyState;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SackScoreboard against an octet-by-octet model of RFC 6675 §4 (IsLost, SetPipe),
 * RFC 2018 §3 block handling and RFC 2018 §8 reneging, at many bases including SND.UNA just
 * below 2^32, where every comparison must be modulo 2^32 (RFC 9293 §3.4).
 */
class SackScoreboardModelTest {
    private static final int SMSS = 100;
    private static final int SPAN = 3000;
    private static final int DUP_THRESH = 3;

    /** The model: which octets [una, una + SPAN) are SACKed. */
    private static final class Model {
        final boolean[] sacked = new boolean[SPAN];

        boolean isLost(int rel) {
            int bytes = 0;
            int ranges = 0;
            boolean inRange = false;
            for (int i = rel + 1; i < SPAN; i++) {
                if (sacked[i]) {
                    bytes++;
                    if (!inRange) {
                        ranges++;
                    }
                }
                inRange = sacked[i];
            }
            // A range that holds rel itself and continues above it counts as one above rel too.
            return bytes > (DUP_THRESH - 1) * SMSS || ranges >= DUP_THRESH;
        }

        /** SetPipe(), literally: every unSACKed octet, (a) +1 if not lost, (b) +1 if below HighRxt (exclusive). */
        int pipe(int maxRel, int highRxtRel) {
            int pipe = 0;
            for (int i = 0; i < maxRel; i++) {
                if (sacked[i]) {
                    continue;
                }
                if (!isLost(i)) {
                    pipe++;
                }
                if (i < highRxtRel) {
                    pipe++;
                }
            }
            return pipe;
        }
    }

    private static int[] bases() {
        return new int[] {1000, -1, -SPAN / 2, -SPAN - 5, Integer.MAX_VALUE - SPAN / 2, Integer.MIN_VALUE, 0};
    }

    /**
     * Random blocks (fewer than MAX_RANGES ranges can arise) at every base: the scoreboard holds
     * exactly the model's SACKed octets; add() returns the newly SACKed count; IsLost agrees with
     * the model for every unSACKed octet; SetPipe() agrees with no retransmission (HighRxt = HighACK).
     */
    @Test
    void shouldMatchAnOctetModelAtEveryBaseIncludingTheWrap() {
        for (int base : bases()) {
            Random random = new Random(base);
            for (int trial = 0; trial < 40; trial++) {
                SackScoreboard board = new SackScoreboard();
                Model model = new Model();
                int blocks = 1 + random.nextInt(12);
                for (int b = 0; b < blocks; b++) {
                    int l = random.nextInt(SPAN);
                    int r = l + 1 + random.nextInt(Math.min(400, SPAN - l));
                    int expectNew = 0;
                    int added = board.add(base + l, base + r, base, base + SPAN);
                    if (l > 0) { // a block reaching down to SND.UNA is ignored (RFC 2018 §8)
                        for (int i = l; i < r; i++) {
                            expectNew += model.sacked[i] ? 0 : 1;
                            model.sacked[i] = true;
                        }
                    }
                    assertEquals(expectNew, added, "newly SACKed, base " + base + " block " + l + "-" + r);
                }
                check(board, model, base);
            }
        }
    }

    private static void check(SackScoreboard board, Model model, int base) {
        int bytes = 0;
        for (int i = 0; i < SPAN; i++) {
            bytes += model.sacked[i] ? 1 : 0;
        }
        assertEquals(bytes, board.sackedBytes(), "base " + base);
        for (int i = 0; i < board.rangeCount(); i++) {
            assertTrue(Seq.lt(board.left(i), board.right(i)));
            if (i > 0) {
                assertTrue(Seq.lt(board.right(i - 1), board.left(i)), "sorted, disjoint and not touching");
            }
        }
        for (int i = 0; i < SPAN; i += 7) {
            int seq = base + i;
            if (!model.sacked[i]) { // IsLost is asked of unSACKed octets only (RFC 6675 §4)
                assertEquals(model.isLost(i), board.isLost(seq, SMSS), "IsLost(" + i + ") base " + base);
            }
            int skip = i;
            while (skip < SPAN && model.sacked[skip]) {
                skip++;
            }
            assertEquals(base + (model.sacked[i] ? skip : i), board.skipSacked(seq), "skipSacked(" + i + ")");
            int to = Math.min(SPAN, i + 250);
            int between = 0;
            for (int k = i; k < to; k++) {
                between += model.sacked[k] ? 1 : 0;
            }
            assertEquals(between, board.sackedBetween(seq, base + to), "sackedBetween(" + i + ", " + to + ")");
        }
        assertEquals(model.pipe(SPAN, 0), board.pipe(base, base + SPAN, base, SMSS), "SetPipe, base " + base);
    }

    /**
     * RFC 6675 §4 SetPipe() walks only octets "that [have] not been SACKed": (b) adds 1 for an
     * unSACKed octet at or below HighRxt. Holes [0,100) and [200,300) resent (HighRxt = 300), [100,200)
     * SACKed, more SACKed above so both holes are lost: pipe = 200 by (b), not 300.
     */
    @Test
    void pipeShouldNotCountSackedOctetsBelowHighRxt() {
        SackScoreboard board = new SackScoreboard();
        int una = -150; // across the wrap, too
        board.add(una + 100, una + 200, una, una + 1000);
        board.add(una + 300, una + 700, una, una + 1000);
        Model model = new Model();
        for (int i = 100; i < 200; i++) {
            model.sacked[i] = true;
        }
        for (int i = 300; i < 700; i++) {
            model.sacked[i] = true;
        }
        assertEquals(model.pipe(1000, 300), board.pipe(una, una + 1000, una + 300, SMSS),
                "RFC: 300 (700-1000 not lost) + 200 (the two resent holes)");
    }

    /**
     * RFC 2018 §3/§8: SND.UNA is the cumulative ACK, which says the receiver does not hold that
     * octet; a block that covers it (here one straddling SND.UNA) is contradictory and must not
     * make SND.UNA count as SACKed — else the go-back after a timeout skips it (RFC 2018 §8: the
     * sender MUST resend the left edge after a timeout, SACKed or not).
     */
    @Test
    void shouldNotTakeSndUnaAsSacked() {
        SackScoreboard board = new SackScoreboard();
        int una = -50;
        board.add(una - 100, una + 500, una, una + 1000);

        assertEquals(una, board.skipSacked(una), "SND.UNA must stay unSACKed");
    }

    /**
     * Displacement when full (the class comment): the sender may forget SACKed data, never believe
     * unSACKed data SACKed. Many random blocks, more ranges than MAX_RANGES: every octet the
     * scoreboard calls SACKed is SACKed in the model, the count never exceeds MAX_RANGES, and
     * the ranges stay sorted and disjoint; then a cumulative ACK through all of it empties it.
     */
    @Test
    void shouldNeverBelieveMoreThanWasSackedWhenRangesOverflow() {
        for (int base : bases()) {
            Random random = new Random(base * 31L);
            SackScoreboard board = new SackScoreboard();
            Model model = new Model();
            for (int b = 0; b < 400; b++) {
                int l = 1 + random.nextInt(SPAN - 10);
                int r = l + 1 + random.nextInt(8);
                board.add(base + l, base + r, base, base + SPAN);
                for (int i = l; i < r; i++) {
                    model.sacked[i] = true;
                }
                assertTrue(board.rangeCount() <= SackScoreboard.MAX_RANGES);
                int sum = 0;
                for (int i = 0; i < board.rangeCount(); i++) {
                    assertTrue(Seq.lt(board.left(i), board.right(i)));
                    if (i > 0) {
                        assertTrue(Seq.lt(board.right(i - 1), board.left(i)), "sorted, disjoint");
                    }
                    for (int k = board.left(i) - base; k < board.right(i) - base; k++) {
                        assertTrue(model.sacked[k], "SACKed only if the peer said so: " + k + " base " + base);
                    }
                    sum += board.right(i) - board.left(i);
                }
                assertEquals(sum, board.sackedBytes());
            }
            assertEquals(SackScoreboard.MAX_RANGES, board.rangeCount(), "full by now");
            assertFalse(board.ackedTo(base + SPAN), "an ACK past everything is no renege");
            assertTrue(board.isEmpty());
        }
    }

    /**
     * RFC 2018 §8 reneging check at the wrap: an ACK that ends exactly at a SACKed range's right
     * edge is no renege; one that stops at its left edge is.
     */
    @Test
    void shouldTellRenegingFromProgressAcrossTheWrap() {
        SackScoreboard board = new SackScoreboard();
        int una = -300;
        board.add(una + 100, una + 400, una, una + 1000); // crosses 0
        board.add(una + 600, una + 700, una, una + 1000);

        assertFalse(board.ackedTo(una + 400), "the hole filled: the ACK jumps to the range's end");
        assertEquals(1, board.rangeCount());
        assertEquals(una + 600, board.left(0));
        assertTrue(board.ackedTo(una + 600), "stopped at a SACKed left edge: reneged");
        assertTrue(board.isEmpty());
    }

    /** DESIGN.md, Memory: the scoreboard's per-ACK work (four blocks, IsLost, SetPipe, NextSeg's look-ups) allocates nothing. */
    @Test
    void shouldAllocateNothingPerAck() {
        SackScoreboard board = new SackScoreboard();
        int[] sink = new int[1];
        SteadyState.assertAllocatesNothing("scoreboard per ACK", 10_000, () -> {
            int una = Integer.MAX_VALUE - 5000;
            for (int n = 0; n < 10_000; n++) {
                int off = (n * 97) % 9000;
                board.add(una + off, una + off + 50, una, una + 10_000);
                board.add(una + off + 200, una + off + 260, una, una + 10_000);
                board.add(una - 10, una + 5, una, una + 10_000);
                board.add(una + 20_000, una + 20_100, una, una + 10_000);
                sink[0] += board.pipe(una, una + 10_000, una + off, SMSS);
                sink[0] += board.isLost(una + off, SMSS) ? 1 : 0;
                sink[0] += board.skipSacked(una + off) + board.nextSackedAfter(una + off, una + 10_000)
                        + board.rangeEndBelow(una + off, una);
                if (n % 64 == 63) {
                    board.ackedTo(una + 1);
                    board.clear();
                }
            }
        });
        assertTrue(sink[0] != 1);
    }
}
