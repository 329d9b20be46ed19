package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.SteadyState;
import org.junit.jupiter.api.Test;

/** RFC 6298, rule by rule, with the numbers worked out from its formulas. */
class RttEstimatorTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    /** Linux's 200 ms floor, so that the formulas of §2.2 and §2.3 show through the clamp. */
    private static RttEstimator linuxLike() {
        return new RttEstimator(S, 200 * MS, 60 * S, MS);
    }

    @Test
    void shouldStartWithOneSecondAndNoSample() {
        RttEstimator rtt = new RttEstimator();
        assertEquals(S, rtt.rto(), "§2.1: RTO <- 1 second before any measurement");
        assertFalse(rtt.hasSample());
        assertEquals(0, rtt.srtt());
        assertEquals(0, rtt.rttvar());
        assertEquals(S, RttEstimator.DEFAULT_INITIAL_RTO_NANOS);
        assertEquals(S, RttEstimator.DEFAULT_MIN_RTO_NANOS);
        assertEquals(60 * S, RttEstimator.DEFAULT_MAX_RTO_NANOS);
        assertEquals(200 * MS, RttEstimator.LINUX_MIN_RTO_NANOS);
    }

    /** §2.2: SRTT <- R, RTTVAR <- R/2, RTO <- SRTT + max(G, K*RTTVAR): 100 + 4 * 50 = 300 ms. */
    @Test
    void shouldTakeTheFirstSampleAsItIs() {
        RttEstimator rtt = linuxLike();
        rtt.sample(100 * MS);
        assertTrue(rtt.hasSample());
        assertEquals(100 * MS, rtt.srtt());
        assertEquals(50 * MS, rtt.rttvar());
        assertEquals(300 * MS, rtt.rto());
    }

    /**
     * §2.3 with R' = 140 ms after 100 ms: RTTVAR <- 3/4 * 50 + 1/4 * |100 - 140| = 47.5 ms (with the
     * old SRTT: updating SRTT first would give 46.25), SRTT <- 7/8 * 100 + 1/8 * 140 = 105 ms,
     * RTO <- 105 + 4 * 47.5 = 295 ms.
     */
    @Test
    void shouldSmoothLaterSamplesUpdatingRttvarWithTheOldSrtt() {
        RttEstimator rtt = linuxLike();
        rtt.sample(100 * MS);
        rtt.sample(140 * MS);
        assertEquals(47_500_000, rtt.rttvar());
        assertEquals(105 * MS, rtt.srtt());
        assertEquals(295 * MS, rtt.rto());
        // and a third, shorter one: RTTVAR <- 3/4 * 47.5 + 1/4 * |105 - 65| = 45.625 ms,
        // SRTT <- 7/8 * 105 + 1/8 * 65 = 100 ms, RTO <- 100 + 182.5 = 282.5 ms
        rtt.sample(65 * MS);
        assertEquals(45_625_000, rtt.rttvar());
        assertEquals(100 * MS, rtt.srtt());
        assertEquals(282_500_000, rtt.rto());
    }

    /** §2.3's max(G, K*RTTVAR): on a perfectly steady path RTTVAR decays away and G remains. */
    @Test
    void shouldKeepTheGranularityAboveSrttOnASteadyPath() {
        RttEstimator rtt = new RttEstimator(S, MS, 60 * S, 10 * MS);
        for (int i = 0; i < 200; i++) {
            rtt.sample(100 * MS);
        }
        assertEquals(100 * MS, rtt.srtt());
        assertEquals(0, rtt.rttvar(), "3/4 per sample, 200 times, of 50 ms");
        assertEquals(110 * MS, rtt.rto(), "SRTT + G");
    }

    /** §2.4: a computed RTO below 1 second SHOULD be rounded up to 1 second (the default floor). */
    @Test
    void shouldRoundAShortRtoUpToTheMinimum() {
        RttEstimator rtt = new RttEstimator();
        rtt.sample(10 * MS); // 10 + 4 * 5 = 30 ms
        assertEquals(10 * MS, rtt.srtt());
        assertEquals(S, rtt.rto());
        RttEstimator linux = linuxLike();
        linux.sample(10 * MS);
        assertEquals(200 * MS, linux.rto(), "the 200 ms floor");
    }

    /** §2.5: a maximum of at least 60 s: 50 s + 4 * 25 s = 150 s is cut to 60 s. */
    @Test
    void shouldCapALongRtoAtTheMaximum() {
        RttEstimator rtt = new RttEstimator();
        rtt.sample(50 * S);
        assertEquals(50 * S, rtt.srtt());
        assertEquals(60 * S, rtt.rto());
    }

    /** §5.5: RTO <- RTO * 2 on every expiry, bounded by the maximum: 1, 2, 4, ... 32, 60, 60 s. */
    @Test
    void shouldDoubleOnBackoffUpToTheMaximum() {
        RttEstimator rtt = new RttEstimator();
        long[] expected = {2 * S, 4 * S, 8 * S, 16 * S, 32 * S, 60 * S, 60 * S, 60 * S};
        for (int i = 0; i < expected.length; i++) {
            rtt.backoff();
            assertEquals(expected[i], rtt.rto(), "after " + (i + 1) + " backoffs");
            assertEquals(i + 1, rtt.backoffs());
        }
    }

    @Test
    void shouldBackOffFromTheComputedRto() {
        RttEstimator rtt = linuxLike();
        rtt.sample(100 * MS); // 300 ms
        rtt.backoff();
        rtt.backoff();
        assertEquals(1_200 * MS, rtt.rto());
        assertEquals(100 * MS, rtt.srtt(), "backoff leaves the estimates alone");
    }

    /** §5.5 and §5.7 of RFC 6298: the doubled RTO lasts until a new sample computes a fresh one. */
    @Test
    void shouldEndBackoffWithANewSample() {
        RttEstimator rtt = linuxLike();
        rtt.backoff();
        rtt.backoff();
        assertEquals(4 * S, rtt.rto());
        rtt.sample(100 * MS);
        assertEquals(300 * MS, rtt.rto());
        assertEquals(0, rtt.backoffs());
    }

    /** §3: the timed segment's ACK is a sample of the time from its sending to the ACK. */
    @Test
    void shouldSampleWhenTheTimedSegmentIsAcknowledged() {
        RttEstimator rtt = linuxLike();
        rtt.startTiming(1_000, 5 * S);
        assertTrue(rtt.isTiming());
        rtt.startTiming(2_000, 5 * S + 10 * MS); // one at a time: ignored
        rtt.onAck(999, 5 * S + 60 * MS); // the segment is not all acknowledged yet
        assertFalse(rtt.hasSample());
        assertTrue(rtt.isTiming());
        rtt.onAck(1_000, 5 * S + 80 * MS);
        assertTrue(rtt.hasSample());
        assertFalse(rtt.isTiming());
        assertEquals(80 * MS, rtt.srtt(), "from the first segment's sending, not the ignored one's");
        rtt.onAck(2_000, 5 * S + 90 * MS); // the second segment was never timed
        assertEquals(80 * MS, rtt.srtt());
    }

    @Test
    void shouldSampleFromAnAckBeyondTheTimedSegment() {
        RttEstimator rtt = linuxLike();
        rtt.startTiming(1_000, 0);
        rtt.onAck(3_000, 120 * MS); // a cumulative ACK of this segment and the next two
        assertEquals(120 * MS, rtt.srtt());
    }

    /**
     * Karn's rule (§3): once the timed segment is retransmitted, its ACK may answer either
     * transmission, so no sample; the backed-off RTO stays until a segment sent once is timed.
     */
    @Test
    void shouldNotSampleARetransmittedSegment() {
        RttEstimator rtt = linuxLike();
        rtt.startTiming(1_000, 0);
        rtt.backoff(); // the timer expired: 2 s
        rtt.onRetransmit();
        assertFalse(rtt.isTiming());
        rtt.onAck(1_000, 2_050 * MS);
        assertFalse(rtt.hasSample(), "2.05 s is not a round trip of this path");
        assertEquals(2 * S, rtt.rto(), "still backed off");
        rtt.startTiming(2_000, 3 * S); // new data, sent once
        rtt.onAck(2_000, 3 * S + 100 * MS);
        assertEquals(100 * MS, rtt.srtt());
        assertEquals(300 * MS, rtt.rto());
    }

    /** Sequence numbers wrap at 2^32: "at or after" is in sequence space, not as signed ints. */
    @Test
    void shouldCompareAcksInSequenceSpaceAcrossWrapAround() {
        RttEstimator rtt = linuxLike();
        int end = 0x0000_0100; // the segment straddles the wrap: 0xffffff00 .. 0x000000ff
        rtt.startTiming(end, 0);
        rtt.onAck(0xffff_ff80, 10 * MS); // numerically far above, but before the end in sequence space
        assertFalse(rtt.hasSample());
        rtt.onAck(0x0000_0100, 20 * MS);
        assertEquals(20 * MS, rtt.srtt());

        RttEstimator signed = linuxLike();
        signed.startTiming(0x8000_0010, 0); // a negative int as the end
        signed.onAck(0x7fff_fff0, 10 * MS); // positive, yet before it in sequence space
        assertFalse(signed.hasSample());
        signed.onAck(0x8000_0020, 30 * MS);
        assertEquals(30 * MS, signed.srtt());
    }

    /** §5.7: after a SYN timed out, data starts with a 3 s RTO, not the 1 s guess nor the backoff. */
    @Test
    void shouldReinitializeToThreeSecondsAfterASynTimeout() {
        RttEstimator rtt = new RttEstimator();
        rtt.backoff(); // the SYN's timer expired: 2 s
        rtt.reinitializeAfterSynTimeout();
        assertEquals(3 * S, rtt.rto());
        assertEquals(0, rtt.backoffs());
        rtt.backoff();
        assertEquals(6 * S, rtt.rto());
    }

    /** A zero round trip is possible in virtual time on an unpaced cable. */
    @Test
    void shouldAcceptAZeroSampleAndRefuseANegativeOne() {
        RttEstimator rtt = new RttEstimator(S, MS, 60 * S, MS);
        rtt.sample(0);
        assertEquals(MS, rtt.rto(), "SRTT 0 + G, at the floor");
        assertThrows(IllegalArgumentException.class, () -> rtt.sample(-1));
    }

    @Test
    void shouldRefuseInconsistentBounds() {
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(S, 0, 60 * S, MS));
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(S, 2 * S, S, MS));
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(100 * MS, 200 * MS, 60 * S, MS));
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(61 * S, S, 60 * S, MS));
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(S, S, 60 * S, -1));
        assertThrows(IllegalArgumentException.class, () -> new RttEstimator(S, S, Long.MAX_VALUE, MS));
    }

    @Test
    void shouldNotAllocate() {
        RttEstimator rtt = linuxLike();
        long[] now = new long[1];
        SteadyState.assertAllocatesNothing("RTT estimation", 10_000, () -> {
            for (int i = 0; i < 10_000; i++) {
                long t = now[0] += 10 * MS;
                rtt.startTiming(i * 1_000, t);
                if ((i & 15) == 0) {
                    rtt.backoff();
                    rtt.onRetransmit();
                }
                rtt.onAck(i * 1_000, t + 50 * MS + (i & 7) * MS);
            }
        });
    }
}
