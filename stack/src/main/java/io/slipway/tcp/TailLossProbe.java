package io.slipway.tcp;

/**
 * One connection's tail loss probe (RFC 8985 §7): the state of the current probe episode and
 * the probe timeout. The connection arms the timer and sends the probe ({@code TcpConnection});
 * what an ACK says about the probe is decided in {@link SegmentArrival}.
 *
 * <p>Why: a loss among the last segments of a flight leaves nothing after it to be SACKed, so no
 * duplicate ACK ever shows it and only the retransmission timer would resend it — at least
 * 200 ms, where the round trip of a serial link may be a few. After 2·SRTT without an ACK the
 * sender sends one segment (new data, or the last one again); its ACK, with SACK blocks, starts
 * ordinary loss recovery, or shows that the probe itself repaired the loss.
 *
 * <p>Without RACK (RFC 8985 §6), the probe's SACK alone could not start recovery: RFC 6675's
 * IsLost asks for three segments SACKed above a hole, and a tail has one. So when the peer SACKs
 * the probe, every unSACKed sequence number below it is taken as lost — the verdict RACK reaches
 * in this case, since all of it was sent a PTO (2·SRTT) or more before the probe, longer than
 * RACK's reordering window (at most SRTT, RFC 8985 §6.2) — and Linux's FACK before it.
 */
final class TailLossProbe {
    /** RFC 8985 §7.2's TLP.max_ack_delay (WCDelAckT): the longest a peer's delayed ACK may wait (RFC 1122 §4.2.3.2: Linux and slipway, 200 ms). */
    static final long MAX_ACK_DELAY_NANOS = 200_000_000L;
    /**
     * Added to 2·SRTT when more than one segment is out, so that a round trip measured at almost
     * nothing (a fast link, a script on a manual clock) does not fire a probe the moment the
     * data left; Linux adds 2 ms (TCP_TIMEOUT_MIN) for its timer's granularity.
     */
    static final long MIN_SLACK_NANOS = 2_000_000L;
    /** RFC 8985 §7.2: the PTO before any round trip has been measured. */
    static final long NO_SAMPLE_PTO_NANOS = 1_000_000_000L;

    /** RFC 8985 §7.1's TLP.end_seq is set: a probe went and no ACK has settled it yet; no other probe until then. */
    boolean outstanding;
    /** TLP.end_seq: SND.NXT just after the probe. */
    int end;
    /** Where the probe's sequence numbers began. */
    int start;
    /** TLP.is_retrans: the probe sent data again rather than new data. */
    boolean retransmitted;
    /**
     * New data went out, or an ACK acknowledged new data, since the timer was last armed (RFC
     * 8985 §7.2: the PTO is restarted on each).
     */
    boolean restartDue;
    /** While the probe timer stands in for the retransmission timer: when the RTO would have fired. */
    long rtoDeadline;

    void reset() {
        outstanding = false;
        retransmitted = false;
        restartDue = false;
    }

    /** The probe went: {@code [from, to)} in sequence space, new data or data again. */
    void sent(int from, int to, boolean again) {
        outstanding = true;
        start = from;
        end = to;
        retransmitted = again;
    }

    /**
     * RFC 8985 §7.2 TLP_calc_PTO: 2·SRTT, plus the peer's worst delayed ACK when only one
     * segment is out (its ACK may be held for a second segment that never comes); 1 s without a
     * sample; never later than the RTO would fire. Returns the probe timer's deadline.
     */
    static long deadline(RttEstimator rtt, boolean oneSegment, long nowNanos, long rtoDeadline) {
        long pto;
        if (rtt.hasSample()) {
            pto = 2 * rtt.srtt() + (oneSegment ? MAX_ACK_DELAY_NANOS : MIN_SLACK_NANOS);
        } else {
            pto = NO_SAMPLE_PTO_NANOS;
        }
        return Math.min(nowNanos + pto, rtoDeadline);
    }
}
