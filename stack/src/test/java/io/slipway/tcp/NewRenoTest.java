package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.SteadyState;
import org.junit.jupiter.api.Test;

/**
 * RFC 5681 (slow start, congestion avoidance, fast retransmit and recovery, restart after idle),
 * RFC 6582 (NewReno's partial and full ACKs, the recover guard) and RFC 3042 (limited transmit),
 * with an MSS of 1000 bytes so that the numbers read easily.
 */
class NewRenoTest {
    private static final int MSS = 1000;
    private static final int ISS = 1_000_000;
    private static final long MS = 1_000_000L;
    /** SND.UNA and SND.NXT of {@link #inRecovery}: 10 segments in flight after 6 acknowledged. */
    private static final int UNA = ISS + 1 + 6 * MSS;
    private static final int NXT = UNA + 10_000;

    /** A connection past its handshake: SND.UNA = SND.NXT = ISS + 1. */
    private static NewReno started() {
        NewReno reno = new NewReno(MSS);
        reno.start(ISS);
        return reno;
    }

    /** Slow start from the initial window of 4000 to {@code cwnd}, by ACKs of one MSS each. */
    private static NewReno withWindow(int cwnd) {
        NewReno reno = started();
        int ack = ISS + 1;
        while (reno.cwnd() < cwnd) {
            ack += MSS;
            reno.onAdvancingAck(ack, MSS, reno.cwnd());
        }
        assertEquals(cwnd, reno.cwnd());
        return reno;
    }

    /** RFC 5681 equation (1): 4 SMSS up to 1095 bytes, 3 SMSS up to 2190, else 2 SMSS. */
    @Test
    void shouldComputeTheInitialWindowOfRfc3390() {
        assertEquals(4 * 536, NewReno.initialWindow(536));
        assertEquals(4 * 1095, NewReno.initialWindow(1095));
        assertEquals(3 * 1096, NewReno.initialWindow(1096));
        assertEquals(3 * 1460, NewReno.initialWindow(1460));
        assertEquals(3 * 2190, NewReno.initialWindow(2190));
        assertEquals(2 * 2191, NewReno.initialWindow(2191));
        assertEquals(2 * 8960, NewReno.initialWindow(8960));
    }

    @Test
    void shouldStartAtTheInitialWindowWithAnArbitrarilyHighThreshold() {
        NewReno reno = new NewReno(1460);
        assertEquals(4380, reno.cwnd());
        assertEquals(Integer.MAX_VALUE, reno.ssthresh(), "RFC 5681 §3.1: ssthresh MAY be arbitrarily high");
        assertFalse(reno.inFastRecovery());
        assertEquals(0, reno.duplicateAcks());
        assertEquals(1460, reno.mss());
    }

    /** RFC 5681 equation (2), cwnd += min(N, SMSS): one MSS per ACK of a full segment. */
    @Test
    void shouldGrowByOneSegmentPerAckInSlowStart() {
        NewReno reno = started();
        int ack = ISS + 1;
        for (int i = 1; i <= 4; i++) {
            ack += MSS;
            assertFalse(reno.onAdvancingAck(ack, MSS, 4000));
            assertEquals(4000 + i * MSS, reno.cwnd());
        }
        assertEquals(8000, reno.cwnd(), "a window of 4 segments acknowledged: doubled");
    }

    /** RFC 3465 with L = 1 SMSS: a delayed ACK of two segments adds one; a small ACK adds its size. */
    @Test
    void shouldLimitSlowStartGrowthToOneSegmentPerAck() {
        NewReno reno = started();
        reno.onAdvancingAck(ISS + 1 + 2 * MSS, 2 * MSS, 4000);
        assertEquals(5000, reno.cwnd(), "an ACK of 2000 bytes adds 1000, not 2000");
        reno.onAdvancingAck(ISS + 1 + 2 * MSS + 300, 300, 3000);
        assertEquals(5300, reno.cwnd(), "an ACK of 300 bytes adds 300");
    }

    /**
     * With segmentation offload one ACK covers a segment of many SMSS; slow start grows by half
     * of it, what ACKs for every second SMSS would have added, and still by its size when small.
     */
    @Test
    void shouldGrowByHalfAnOffloadedSegmentPerAckInSlowStart() {
        NewReno reno = started();
        reno.useSegmentOffload();
        reno.onAdvancingAck(ISS + 1 + 4 * MSS, 4 * MSS, 4000);
        assertEquals(6000, reno.cwnd(), "an ACK of four SMSS adds two");
        reno.onAdvancingAck(ISS + 1 + 5 * MSS, MSS, 4000);
        assertEquals(7000, reno.cwnd(), "an ACK of one SMSS still adds one");
        reno.onAdvancingAck(ISS + 1 + 5 * MSS + 300, 300, 4000);
        assertEquals(7300, reno.cwnd(), "an ACK of 300 bytes adds 300");
    }

    /**
     * At cwnd = ssthresh congestion avoidance takes over: bytes acknowledged accumulate, and each
     * time they reach cwnd, cwnd grows by one SMSS (RFC 5681 §3.1, byte counting of RFC 3465).
     */
    @Test
    void shouldSwitchToCongestionAvoidanceAtTheThreshold() {
        NewReno reno = started();
        reno.onRetransmitTimeout(10_000, ISS + 1 + 10_000); // ssthresh 5000, cwnd 1000
        assertEquals(5000, reno.ssthresh());
        int ack = ISS + 1;
        for (int expected = 2000; expected <= 5000; expected += 1000) {
            ack += MSS;
            reno.onAdvancingAck(ack, MSS, reno.cwnd());
            assertEquals(expected, reno.cwnd(), "slow start up to ssthresh");
        }
        for (int i = 1; i <= 4; i++) {
            ack += MSS;
            reno.onAdvancingAck(ack, MSS, 5000);
            assertEquals(5000, reno.cwnd(), i + " of 5 segments of the window acknowledged");
        }
        ack += MSS;
        reno.onAdvancingAck(ack, MSS, 5000);
        assertEquals(6000, reno.cwnd(), "a whole window acknowledged: one segment more");
        for (int i = 1; i <= 5; i++) {
            ack += MSS;
            reno.onAdvancingAck(ack, MSS, 6000);
            assertEquals(6000, reno.cwnd());
        }
        ack += MSS;
        reno.onAdvancingAck(ack, MSS, 6000);
        assertEquals(7000, reno.cwnd(), "the next needs the new, larger window");
    }

    /**
     * RFC 5681 §3.1: in congestion avoidance cwnd "MUST NOT be increased by more than SMSS bytes
     * per RTT"; byte counting grows it by one segment per window whether the receiver ACKs every
     * segment, every other segment, or a whole window at once.
     */
    @Test
    void shouldGrowByOneSegmentPerWindowHoweverTheAcksCome() {
        NewReno reno = started();
        reno.onRetransmitTimeout(16_000, ISS + 1); // ssthresh 8000
        int ack = ISS + 1;
        while (reno.cwnd() < 8000) {
            ack += MSS;
            reno.onAdvancingAck(ack, MSS, reno.cwnd());
        }
        ack += 4 * MSS;
        reno.onAdvancingAck(ack, 4 * MSS, 8000);
        ack += 4 * MSS;
        reno.onAdvancingAck(ack, 4 * MSS, 4000);
        assertEquals(9000, reno.cwnd(), "a window of 8000 in two stretch ACKs: one segment");
        ack += 9 * MSS;
        reno.onAdvancingAck(ack, 9 * MSS, 9000);
        assertEquals(10_000, reno.cwnd(), "a window in a single ACK: still one segment");
    }

    /**
     * RFC 5681 §3.2 steps 2 and 3: on the third duplicate ACK, ssthresh = max(FlightSize / 2,
     * 2 SMSS) = 5000 for 10 segments in flight, the segment at SND.UNA is retransmitted, and
     * cwnd = ssthresh + 3 SMSS = 8000.
     */
    @Test
    void shouldFastRetransmitOnTheThirdDuplicateAck() {
        NewReno reno = withWindow(10_000);
        int una = ISS + 1 + 6 * MSS;
        int nxt = una + 10_000;
        assertFalse(reno.onDuplicateAck(una, nxt, 10_000));
        assertFalse(reno.onDuplicateAck(una, nxt, 10_000));
        assertEquals(10_000, reno.cwnd(), "RFC 3042 §2: the first two do not change cwnd");
        assertEquals(Integer.MAX_VALUE, reno.ssthresh());
        assertTrue(reno.onDuplicateAck(una, nxt, 10_000), "the third: retransmit SND.UNA");
        assertTrue(reno.inFastRecovery());
        assertEquals(5000, reno.ssthresh());
        assertEquals(8000, reno.cwnd());
        assertEquals(nxt - 1, reno.recover(), "RFC 6582 step 2: the highest sequence number sent");
        assertEquals(3, reno.duplicateAcks());
    }

    /** Equation (4)'s floor: 3 segments in flight halve to 1500, below 2 SMSS, so 2000. */
    @Test
    void shouldNotSetTheThresholdBelowTwoSegments() {
        NewReno reno = started();
        int una = ISS + 1 + MSS;
        for (int i = 0; i < 3; i++) {
            reno.onDuplicateAck(una, una + 3000, 3000);
        }
        assertEquals(2000, reno.ssthresh());
        assertEquals(5000, reno.cwnd());
    }

    /** RFC 5681 §3.2 step 4: every further duplicate inflates cwnd by one SMSS, no retransmission. */
    @Test
    void shouldInflateTheWindowForEachFurtherDuplicate() {
        NewReno reno = inRecovery();
        for (int i = 1; i <= 5; i++) {
            assertFalse(reno.onDuplicateAck(UNA, NXT, 10_000));
            assertEquals(8000 + i * MSS, reno.cwnd());
        }
        assertEquals(5000, reno.ssthresh(), "ssthresh stays");
        assertTrue(reno.inFastRecovery());
    }

    /** In fast recovery after the third duplicate of 10 segments in flight: ssthresh 5000, cwnd 8000. */
    /**
     * After a recovery ends at recover + 1, a loss of the very next segment: plain duplicates
     * could be echoes of the recovery's needless retransmissions, so they must cover more than
     * recover (RFC 6582 §3.2 step 2); a loss the SACK scoreboard shows is no echo, and RFC 6675
     * §5.1 lets its recovery begin once HighACK has reached RecoveryPoint.
     */
    @Test
    void shouldLetSackRecoverTheFirstSegmentAfterARecoveryButNotEchoes() {
        NewReno reno = withWindow(10_000);
        reno.useSack();
        reno.onDuplicateAck(UNA, NXT, 10_000);
        reno.onDuplicateAck(UNA, NXT, 10_000);
        assertTrue(reno.onDuplicateAck(UNA, NXT, 10_000));
        reno.onAdvancingAck(NXT, 10_000, 10_000); // the full ACK: SND.UNA = recover + 1
        assertFalse(reno.inFastRecovery());

        reno.onDuplicateAck(NXT, NXT + 5_000, 5_000);
        reno.onDuplicateAck(NXT, NXT + 5_000, 5_000);
        assertFalse(reno.onDuplicateAck(NXT, NXT + 5_000, 5_000), "three duplicates alone: maybe echoes");
        assertTrue(reno.onSackedLoss(NXT, NXT + 5_000, 5_000), "SACKed data above the hole: a loss");
    }

    private static NewReno inRecovery() {
        NewReno reno = withWindow(10_000);
        reno.onDuplicateAck(UNA, NXT, 10_000);
        reno.onDuplicateAck(UNA, NXT, 10_000);
        assertTrue(reno.onDuplicateAck(UNA, NXT, 10_000));
        return reno;
    }

    /**
     * RFC 6582 §3.2 step 3, partial acknowledgments: retransmit the first unacknowledged segment,
     * deflate cwnd by the bytes acknowledged, add back one SMSS if they were at least one SMSS.
     */
    @Test
    void shouldDeflateAndRetransmitOnAPartialAck() {
        NewReno reno = inRecovery();
        reno.onDuplicateAck(UNA, NXT, 10_000);
        reno.onDuplicateAck(UNA, NXT, 10_000); // cwnd 10 000
        assertTrue(reno.onAdvancingAck(UNA + 3000, 3000, 10_000), "retransmit the next hole");
        assertEquals(10_000 - 3000 + 1000, reno.cwnd());
        assertTrue(reno.inFastRecovery());
        assertEquals(1, reno.partialAcks(), "the first: the one to reset the timer for");
        assertEquals(0, reno.duplicateAcks());
        assertTrue(reno.onAdvancingAck(UNA + 3500, 500, 7000));
        assertEquals(8000 - 500, reno.cwnd(), "less than one SMSS acknowledged: nothing added back");
        assertEquals(2, reno.partialAcks());
        assertFalse(reno.onDuplicateAck(UNA + 3500, NXT, 6500), "a duplicate after a partial ACK inflates again");
        assertEquals(8500, reno.cwnd());
        assertEquals(5000, reno.ssthresh());
    }

    @Test
    void shouldNeverDeflateBelowOneSegment() {
        NewReno reno = inRecovery(); // cwnd 8000
        assertTrue(reno.onAdvancingAck(NXT - 500, 9500, 10_000)); // all but the last 500 bytes
        assertEquals(MSS, reno.cwnd(), "8000 - 9500 + 1000 would be negative");
    }

    /**
     * RFC 6582 §3.2 step 3, full acknowledgments, option (1): cwnd = min(ssthresh,
     * max(FlightSize, SMSS) + SMSS), FlightSize what remains outstanding. New data sent during
     * recovery leaves 6000 bytes in flight: min(5000, 7000) = ssthresh.
     */
    @Test
    void shouldEndRecoveryOnAFullAckWithMuchStillInFlight() {
        NewReno reno = inRecovery();
        int newNxt = NXT + 6000; // sent during recovery as the inflated window allowed
        assertFalse(reno.onAdvancingAck(NXT, 10_000, 16_000), "acknowledges recover: full");
        assertFalse(reno.inFastRecovery());
        assertEquals(5000, reno.cwnd());
        assertEquals(5000, reno.ssthresh());
        // the window now grows by congestion avoidance, cwnd having reached ssthresh
        reno.onAdvancingAck(NXT + 5000, 5000, newNxt - NXT);
        assertEquals(6000, reno.cwnd());
    }

    /** Option (1) with little in flight: 1500 bytes remain, so max(1500, 1000) + 1000 = 2500. */
    @Test
    void shouldEndRecoveryWithoutABurstWhenLittleIsInFlight() {
        NewReno reno = inRecovery();
        assertFalse(reno.onAdvancingAck(NXT, 10_000, 11_500));
        assertEquals(2500, reno.cwnd());
        assertFalse(reno.inFastRecovery());
        NewReno empty = inRecovery();
        empty.onAdvancingAck(NXT, 10_000, 10_000);
        assertEquals(2000, empty.cwnd(), "nothing in flight: max(0, SMSS) + SMSS");
    }

    /**
     * "Up to and including recover": an ACK field equal to recover (NXT - 1) leaves recover's own
     * byte unacknowledged, so it is still partial; only NXT is full.
     */
    @Test
    void shouldTreatAnAckOneShortOfRecoverAsPartial() {
        NewReno reno = inRecovery();
        assertTrue(reno.onAdvancingAck(NXT - 1, 9999, 10_000));
        assertTrue(reno.inFastRecovery());
        assertFalse(reno.onAdvancingAck(NXT, 1, 1));
        assertFalse(reno.inFastRecovery());
    }

    /**
     * RFC 6582 §3.2 step 2 and §4: after a timeout, the go-back-N retransmissions draw duplicate
     * ACKs for data the receiver already holds. They do not cover more than recover, so they
     * must not start a second fast retransmit and a second halving for the same loss.
     */
    @Test
    void shouldNotFastRetransmitForDuplicatesOfAWindowAlreadyRecovered() {
        NewReno reno = withWindow(10_000);
        int una = ISS + 1 + 6 * MSS;
        int highest = una + 10_000;
        reno.onRetransmitTimeout(10_000, highest);
        assertEquals(highest - 1, reno.recover());
        assertEquals(5000, reno.ssthresh());
        // slow start again from one segment; the receiver had buffered beyond a hole
        int ack = una + 2 * MSS;
        reno.onAdvancingAck(ack, 2 * MSS, 10_000);
        for (int i = 0; i < 5; i++) {
            assertFalse(reno.onDuplicateAck(ack, highest, highest - ack), "old duplicate " + (i + 1));
        }
        assertFalse(reno.inFastRecovery());
        assertEquals(5000, reno.ssthresh(), "not reduced again");
        assertEquals(2000, reno.cwnd());
        // once the ACKs cover more than recover, a new loss is a new loss
        int later = highest + 4 * MSS;
        reno.onAdvancingAck(later, later - ack, highest - ack);
        reno.onDuplicateAck(later, later + 4000, 4000);
        reno.onDuplicateAck(later, later + 4000, 4000);
        assertTrue(reno.onDuplicateAck(later, later + 4000, 4000));
        assertEquals(2000, reno.ssthresh());
    }

    /** The same guard after a fast recovery: duplicates that stop exactly at the old recover point. */
    @Test
    void shouldRequireTheAckToCoverMoreThanRecoverAfterARecovery() {
        NewReno reno = inRecovery();
        reno.onAdvancingAck(NXT, 10_000, 14_000); // full ACK; 4000 more sent during recovery
        for (int i = 0; i < 3; i++) {
            assertFalse(reno.onDuplicateAck(NXT, NXT + 4000, 4000), "ack - 1 = recover: not more");
        }
        reno.onAdvancingAck(NXT + 1000, 1000, 4000);
        reno.onDuplicateAck(NXT + 1000, NXT + 4000, 3000);
        reno.onDuplicateAck(NXT + 1000, NXT + 4000, 3000);
        assertTrue(reno.onDuplicateAck(NXT + 1000, NXT + 4000, 3000), "ack - 1 > recover");
    }

    /**
     * By the letter of RFC 6582 (recover = ISS at the start, and an ACK must cover more than it),
     * a loss of the very first data segment is left to the retransmission timer: its duplicate
     * ACKs acknowledge only the SYN (ISS + 1 - 1 = recover). The second segment's loss is fast.
     */
    @Test
    void shouldFollowTheRfcGuardForTheFirstDataSegment() {
        NewReno first = started();
        for (int i = 0; i < 3; i++) {
            assertFalse(first.onDuplicateAck(ISS + 1, ISS + 1 + 4000, 4000));
        }
        NewReno second = started();
        second.onAdvancingAck(ISS + 1 + MSS, MSS, 4000);
        second.onDuplicateAck(ISS + 1 + MSS, ISS + 1 + 5000, 4000);
        second.onDuplicateAck(ISS + 1 + MSS, ISS + 1 + 5000, 4000);
        assertTrue(second.onDuplicateAck(ISS + 1 + MSS, ISS + 1 + 5000, 4000));
    }

    /** Sequence comparisons are modular: an ISS just below 2^32 and ACKs just past it. */
    @Test
    void shouldCompareSequenceNumbersAcrossWrapAround() {
        int iss = 0xffff_f000;
        NewReno reno = new NewReno(MSS);
        reno.start(iss);
        int una = iss + 1 + 5000; // 0x00000389: numerically below the ISS
        int nxt = una + 4000;
        reno.onAdvancingAck(una, 5000, 5000);
        reno.onDuplicateAck(una, nxt, 4000);
        reno.onDuplicateAck(una, nxt, 4000);
        assertTrue(reno.onDuplicateAck(una, nxt, 4000), "the ACK covers more than recover across the wrap");
        assertTrue(reno.onAdvancingAck(una + 1000, 1000, 4000), "partial");
        assertFalse(reno.onAdvancingAck(nxt, 3000, 3000), "full");
        assertFalse(reno.inFastRecovery());
    }

    /**
     * RFC 5681 §3.1: on a timeout ssthresh = max(FlightSize / 2, 2 SMSS) and cwnd = LW = 1 SMSS;
     * RFC 6582 step 4: recover = the highest sequence number sent, recovery over.
     */
    @Test
    void shouldCollapseToTheLossWindowOnATimeout() {
        NewReno reno = inRecovery();
        reno.onRetransmitTimeout(9000, NXT + 2000);
        assertEquals(4500, reno.ssthresh());
        assertEquals(MSS, reno.cwnd());
        assertFalse(reno.inFastRecovery());
        assertEquals(NXT + 1999, reno.recover());
        assertEquals(0, reno.duplicateAcks());
    }

    /**
     * RFC 5681 §3.1: when the segment timing out "has already been retransmitted by way of the
     * retransmission timer at least once, the value of ssthresh is held constant" — the second
     * timeout must not halve the (by now tiny) flight again.
     */
    @Test
    void shouldHoldTheThresholdOnARepeatedTimeoutOfTheSameSegment() {
        NewReno reno = withWindow(12_000);
        reno.onRetransmitTimeout(12_000, ISS + 20_001);
        assertEquals(6000, reno.ssthresh());
        reno.onRetransmitTimeout(MSS, ISS + 20_001); // the retransmission was lost too
        assertEquals(6000, reno.ssthresh());
        assertEquals(MSS, reno.cwnd());
        reno.onAdvancingAck(ISS + 9001, MSS, MSS); // progress: the next timeout is a new loss
        reno.onRetransmitTimeout(8000, ISS + 20_001);
        assertEquals(4000, reno.ssthresh());
    }

    /**
     * RFC 3042 §2: on each of the first two duplicates one new segment beyond cwnd, keeping
     * FlightSize within cwnd + 2 SMSS; none from the third on, none in recovery.
     */
    @Test
    void shouldAllowLimitedTransmitOnTheFirstTwoDuplicates() {
        NewReno reno = withWindow(10_000);
        int una = ISS + 1 + 6 * MSS;
        assertEquals(0, reno.limitedTransmitAllowance(10_000), "no duplicate yet");
        reno.onDuplicateAck(una, una + 10_000, 10_000);
        assertEquals(1000, reno.limitedTransmitAllowance(10_000));
        // the sender sent that segment: 11 000 in flight
        reno.onDuplicateAck(una, una + 11_000, 11_000);
        assertEquals(1000, reno.limitedTransmitAllowance(11_000));
        assertEquals(0, reno.limitedTransmitAllowance(12_000), "cwnd + 2 SMSS reached");
        assertEquals(10_000, reno.cwnd(), "cwnd MUST NOT change");
        // third duplicate: ssthresh from the 10 000 sent under cwnd, not the 12 000 (RFC 5681 §3.2 step 2)
        assertTrue(reno.onDuplicateAck(una, una + 12_000, 12_000));
        assertEquals(5000, reno.ssthresh());
        assertEquals(0, reno.limitedTransmitAllowance(12_000), "in recovery");
        assertEquals(una + 12_000 - 1, reno.recover(), "the limited-transmit data is part of what recovery covers");
    }

    @Test
    void shouldCountCwndRoomSeparatelyFromTheLimitedTransmitAllowance() {
        NewReno reno = withWindow(10_000);
        int una = ISS + 1 + 6 * MSS;
        reno.onDuplicateAck(una, una + 6000, 6000); // an application-limited flight of 6000
        assertEquals(1000, reno.limitedTransmitAllowance(6000), "beyond the 4000 that cwnd allows anyway");
        reno.onAdvancingAck(una + 1000, 1000, 6000);
        assertEquals(0, reno.limitedTransmitAllowance(5000), "an advancing ACK ends the duplicate run");
    }

    @Test
    void shouldGiveNoAllowanceAfterARefusedThirdDuplicate() {
        NewReno first = started();
        for (int i = 0; i < 3; i++) {
            first.onDuplicateAck(ISS + 1, ISS + 4001, 4000);
        }
        assertEquals(0, first.limitedTransmitAllowance(4000));
    }

    /** RFC 5681 §4.1: idle for longer than an RTO, cwnd = min(cwnd, IW); ssthresh untouched. */
    @Test
    void shouldRestartFromTheInitialWindowAfterIdlingLongerThanAnRto() {
        NewReno reno = withWindow(20_000);
        reno.onIdleRestart(500 * MS, 1_000 * MS);
        assertEquals(20_000, reno.cwnd(), "idle for less than an RTO");
        reno.onIdleRestart(1_000 * MS, 1_000 * MS);
        assertEquals(20_000, reno.cwnd(), "exactly one RTO is not longer than one");
        reno.onIdleRestart(1_500 * MS, 1_000 * MS);
        assertEquals(4000, reno.cwnd(), "the restart window, IW");
        assertEquals(Integer.MAX_VALUE, reno.ssthresh());

        NewReno small = started();
        small.onRetransmitTimeout(8000, ISS + 8001); // cwnd 1000
        small.onIdleRestart(5_000 * MS, 1_000 * MS);
        assertEquals(MSS, small.cwnd(), "RW = min(IW, cwnd): never grows the window");
    }

    /** A flood of duplicate ACKs (a misbehaving peer) saturates the window instead of wrapping it. */
    @Test
    void shouldSaturateRatherThanOverflow() {
        NewReno reno = new NewReno(65_535);
        reno.start(0);
        reno.onAdvancingAck(65_536, 65_535, 262_140);
        for (int i = 0; i < 3; i++) {
            reno.onDuplicateAck(65_536, 65_536 + 200_000, 200_000);
        }
        assertTrue(reno.inFastRecovery());
        for (int i = 0; i < 40_000; i++) {
            reno.onDuplicateAck(65_536, 65_536 + 200_000, 200_000);
        }
        assertEquals(Integer.MAX_VALUE, reno.cwnd());
    }

    @Test
    void shouldRefuseAnImpossibleMss() {
        assertThrows(IllegalArgumentException.class, () -> new NewReno(0));
        assertThrows(IllegalArgumentException.class, () -> new NewReno(65_536));
    }

    @Test
    void shouldNotAllocate() {
        NewReno reno = started();
        int[] una = {ISS + 1};
        SteadyState.assertAllocatesNothing("congestion control", 10_000, () -> {
            for (int i = 0; i < 10_000; i++) {
                int u = una[0];
                int flight = reno.cwnd();
                if ((i & 63) == 7) {
                    for (int d = 0; d < 4; d++) {
                        reno.onDuplicateAck(u, u + flight, flight);
                        reno.limitedTransmitAllowance(flight);
                    }
                } else if ((i & 1023) == 500) {
                    reno.onRetransmitTimeout(flight, u + flight);
                } else {
                    una[0] = u + MSS;
                    reno.onAdvancingAck(una[0], MSS, flight);
                }
                reno.onIdleRestart(i, 5_000);
            }
        });
    }
}
