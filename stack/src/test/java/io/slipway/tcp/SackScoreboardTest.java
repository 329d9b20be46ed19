package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The scoreboard's bookkeeping (RFC 2018 §3 blocks, RFC 6675 §4 IsLost and SetPipe), with
 * segments of 100 and SND.UNA at 1000 (and near the wrap of the sequence space, where the
 * comparisons must still hold).
 */
class SackScoreboardTest {
    private static final int SMSS = 100;
    private static final int UNA = 1000;
    private static final int MAX = 2000;
    private final SackScoreboard board = new SackScoreboard();

    private String ranges() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < board.rangeCount(); i++) {
            s.append(i == 0 ? "" : " ").append(board.left(i) - UNA).append('-').append(board.right(i) - UNA);
        }
        return s.toString();
    }

    private int add(int left, int right) {
        return board.add(UNA + left, UNA + right, UNA, MAX);
    }

    @Test
    void shouldKeepBlocksSortedAndMergeThoseThatTouchOrOverlap() {
        assertEquals(100, add(500, 600));
        assertEquals(100, add(200, 300));
        assertEquals("200-300 500-600", ranges());
        assertEquals(100, add(300, 400), "touching on the left is one range");
        assertEquals(150, add(350, 650), "overlap counts only what is new");
        assertEquals("200-650", ranges());
        assertEquals(0, add(200, 650), "a repeated block adds nothing");
    }

    @Test
    void shouldMergeABlockThatBridgesSeveralRanges() {
        add(100, 200);
        add(300, 400);
        add(500, 600);
        add(700, 800);

        assertEquals(250, add(150, 650), "200-300, 400-500 and 600-650 are new");
        assertEquals("100-650 700-800", ranges());
    }

    @Test
    void shouldIgnoreBlocksOutsideTheUnacknowledgedData() {
        assertEquals(0, board.add(UNA - 200, UNA, UNA, MAX), "a D-SACK of old data (RFC 2883)");
        assertEquals(0, board.add(UNA + 900, MAX + 1, UNA, MAX), "beyond SND.MAX");
        assertEquals(0, board.add(UNA + 300, UNA + 300, UNA, MAX), "empty");
        assertEquals(0, board.add(UNA + 300, UNA + 200, UNA, MAX), "backwards");
        assertEquals(0, board.add(UNA - 50, UNA + 100, UNA, MAX), "reaching down to SND.UNA (RFC 2018 §8)");
        assertEquals(0, board.add(UNA, UNA + 100, UNA, MAX), "starting at SND.UNA, which would be acknowledged");
        assertTrue(board.isEmpty());
    }

    @Test
    void shouldLetTheHighestRangeGoWhenFull() {
        for (int i = 0; i < SackScoreboard.MAX_RANGES; i++) {
            add(20 * i + 10, 20 * i + 20);
        }
        int highest = board.highestSacked();

        assertEquals(4, add(1, 5), "a new lowest range still fits, displacing the highest");
        assertEquals(SackScoreboard.MAX_RANGES, board.rangeCount());
        assertTrue(Seq.lt(board.highestSacked(), highest));
        assertEquals(0, add(900, 950), "above everything with no room: forgotten");
    }

    @Test
    void shouldForgetWhatTheCumulativeAckCovers() {
        add(200, 300);
        add(500, 600);

        assertFalse(board.ackedTo(UNA + 400));
        assertEquals("500-600", ranges());
        assertFalse(board.ackedTo(UNA + 700));
        assertTrue(board.isEmpty());
    }

    @Test
    void shouldDetectRenegingWhenTheAckStopsAtASackedRange() {
        add(200, 300);
        add(500, 600);

        assertTrue(board.ackedTo(UNA + 200), "the peer holds 200-300, so its ACK should have passed it");
        assertTrue(board.isEmpty(), "nothing it said can be trusted now");
    }

    @Test
    void shouldCallASegmentLostWithMoreThanTwoSegmentsSackedAboveIt() {
        add(100, 300);
        assertFalse(board.isLost(UNA, SMSS), "two segments above: could be reordering");
        add(300, 301);
        assertTrue(board.isLost(UNA, SMSS), "more than (DupThresh - 1) · SMSS bytes above");
        assertFalse(board.isLost(UNA + 301, SMSS), "nothing above the top");
    }

    @Test
    void shouldCallASegmentLostWithThreeSackedRangesAboveItHoweverSmall() {
        add(100, 110);
        add(200, 210);
        assertFalse(board.isLost(UNA, SMSS));
        add(300, 310);
        assertTrue(board.isLost(UNA, SMSS), "DupThresh discontiguous SACKed sequences");
    }

    @Test
    void shouldCountThePipeAsRfc6675SetPipeDoes() {
        // Ten segments out (0-1000); 100-200 lost, 400-500 lost; 200-400 and 500-800 SACKed.
        add(200, 400);
        add(500, 800);

        // Holes: 100-200 has 500 SACKed above: lost. 400-500 has 300 above: lost. 800-1000: not.
        // 0-100 has 500 above too: lost — nothing retransmitted yet, so the pipe is only 800-1000.
        assertEquals(200, board.pipe(UNA, UNA + 1000, UNA, SMSS));
        // Having resent 0-100 and 100-200 (HighRxt = 200): (b) adds them back.
        assertEquals(400, board.pipe(UNA, UNA + 1000, UNA + 200, SMSS));
        // Having resent up to 500, 200-400 SACKed among it: (b) counts only the unSACKed 0-200 and 400-500.
        assertEquals(500, board.pipe(UNA, UNA + 1000, UNA + 500, SMSS));
    }

    @Test
    void shouldCountUnlostHolesWhole() {
        add(300, 400); // 100 above the holes below: not lost
        assertEquals(1000 - 100, board.pipe(UNA, UNA + 1000, UNA, SMSS));
    }

    @Test
    void shouldFindTheNextUnsackedNumberAndTheNextSackedRange() {
        add(200, 300);
        add(500, 600);

        assertEquals(UNA + 300, board.skipSacked(UNA + 250));
        assertEquals(UNA + 150, board.skipSacked(UNA + 150));
        assertEquals(UNA + 500, board.nextSackedAfter(UNA + 300, MAX));
        assertEquals(UNA + 450, board.nextSackedAfter(UNA + 300, UNA + 450), "no further than the limit");
        assertEquals(UNA + 300, board.rangeEndBelow(UNA + 500, UNA));
        assertEquals(UNA, board.rangeEndBelow(UNA + 100, UNA));
        assertEquals(100, board.sackedBetween(UNA + 250, UNA + 550), "250-300 and 500-550");
    }

    @Test
    void shouldWorkAcrossTheWrapOfTheSequenceSpace() {
        int una = -150; // 2^32 - 150: the unacknowledged data wraps through zero
        assertEquals(100, board.add(una + 100, una + 200, una, una + 1000));
        assertEquals(100, board.add(una + 300, una + 400, una, una + 1000));
        assertEquals(100, board.add(una + 400, una + 500, una, una + 1000));

        assertEquals(2, board.rangeCount());
        assertTrue(board.isLost(una, SMSS));
        assertEquals(una + 200, board.skipSacked(una + 150));
        assertFalse(board.ackedTo(una + 250));
        assertEquals(1, board.rangeCount());
    }

    @Test
    void shouldTakeEverythingUnsackedBelowAProbesVerdictAsLost() {
        add(900, 1000); // one segment SACKed at the top: by IsLost's count, nothing below it is lost
        assertFalse(board.isLost(UNA, SMSS));
        assertEquals(900, board.pipe(UNA, MAX, UNA, SMSS));

        board.markLostBelow(UNA + 900); // the SACKed segment was a tail loss probe

        assertTrue(board.isLost(UNA, SMSS));
        assertTrue(board.isLost(UNA + 899, SMSS));
        assertEquals(0, board.pipe(UNA, MAX, UNA, SMSS), "lost data is not in the network");
        assertEquals(200, board.pipe(UNA, MAX, UNA + 200, SMSS), "what was resent since is");
        board.ackedTo(UNA + 500);
        assertTrue(board.isLost(UNA + 500, SMSS), "the verdict stands for what is still outstanding");
        board.ackedTo(UNA + 1000);
        add(1100, 1200);
        assertFalse(board.isLost(UNA + 1000, SMSS), "and ends once SND.UNA passes it");
    }

    @Test
    void shouldCountOnlyThePartOfAHoleAboveTheVerdictInThePipe() {
        add(900, 1000);
        board.markLostBelow(UNA + 400);

        assertEquals(500, board.pipe(UNA, MAX, UNA, SMSS), "400-900 may still arrive");
        assertFalse(board.isLost(UNA + 400, SMSS));
    }
}
