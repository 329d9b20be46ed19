package io.slipway.tcp;

/**
 * The retransmission timeout of one connection, computed as RFC 6298 specifies, with Karn's
 * rule for which round trips may be measured.
 *
 * <p>Read first: RFC 6298 §2 (the estimator and its bounds), §3 (taking samples: Karn), §5 (the
 * timer itself, which the connection runs: start on send, restart on an ACK of new data, stop
 * when all is acknowledged, back off on expiry). This class owns the numbers; the connection owns
 * the timer.
 *
 * <pre>
 *   first sample R (§2.2):   SRTT = R,  RTTVAR = R/2
 *   later samples R (§2.3):  RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R|   (with the old SRTT)
 *                            SRTT   = 7/8 SRTT   + 1/8 R
 *   then:                    RTO    = SRTT + max(G, 4 RTTVAR), clamped to [min, max]  (§2.4, §2.5)
 *   on expiry (§5.5):        RTO    = min(2 RTO, max), until the next sample
 * </pre>
 *
 * All times are nanoseconds. Integer arithmetic truncates, which at nanosecond resolution is
 * far below any clock's granularity. Allocation-free; single-threaded, like the connection.
 */
public final class RttEstimator {
    /** RFC 6298 §2.1: "Until a round-trip time (RTT) measurement has been made ... RTO <- 1 second". */
    public static final long DEFAULT_INITIAL_RTO_NANOS = 1_000_000_000L;
    /** RFC 6298 §2.4: an RTO below 1 second SHOULD be rounded up to 1 second. */
    public static final long DEFAULT_MIN_RTO_NANOS = 1_000_000_000L;
    /**
     * Linux's lower bound (TCP_RTO_MIN, 200 ms), which departs from RFC 6298 §2.4's SHOULD; a
     * connection may configure it to recover from losses on short paths as fast as Linux does.
     */
    public static final long LINUX_MIN_RTO_NANOS = 200_000_000L;
    /** RFC 6298 §2.5: a maximum "MAY be placed on RTO provided it is at least 60 seconds". */
    public static final long DEFAULT_MAX_RTO_NANOS = 60_000_000_000L;
    /**
     * G, the clock granularity of §2.2/§2.3: not the resolution of the nanosecond clock but how
     * precisely the stack thread wakes for a deadline (parking), about a millisecond. It keeps
     * RTO above SRTT when RTTVAR has shrunk to nothing on a very steady path.
     */
    public static final long DEFAULT_GRANULARITY_NANOS = 1_000_000L;
    /**
     * RFC 6298 §5.7: after a SYN timed out, the RTO for data is re-initialised to 3 seconds when
     * the handshake completes, as the path has shown itself slower than the 1 s guess.
     */
    public static final long RTO_AFTER_SYN_TIMEOUT_NANOS = 3_000_000_000L;

    /** K of §2.2 and §2.3. */
    private static final int K = 4;
    /**
     * Samples are capped here (about 18 years) so that 7·SRTT cannot overflow; any real sample is
     * far below, since a segment unacknowledged for a maximum RTO has been retransmitted.
     */
    private static final long MAX_SAMPLE_NANOS = Long.MAX_VALUE / 16;

    private final long minRtoNanos;
    private final long maxRtoNanos;
    private final long granularityNanos;

    /** False until the first sample: then SRTT and RTTVAR hold estimates. */
    private boolean hasSample;
    private long srtt;
    private long rttvar;
    /** The RTO computed from the estimates (or the initial RTO), clamped; without backoff. */
    private long baseRto;
    /** The RTO to arm the timer with: baseRto doubled once per backoff, capped at the maximum. */
    private long rto;
    /** Backoffs since the last sample: how many times in a row the timer expired. */
    private int backoffs;

    /** True while one segment is being timed; it ends at timedEndSequence, sent at timedSinceNanos. */
    private boolean timing;
    private int timedEndSequence;
    private long timedSinceNanos;

    /**
     * @param initialRtoNanos the RTO before any sample (§2.1), within [min, max]
     * @param minRtoNanos the lower bound of §2.4 (1 s by the RFC, 200 ms in Linux)
     * @param maxRtoNanos the upper bound of §2.5, also capping backoff (§5.5)
     * @param granularityNanos G, the clock granularity (§2.2, §2.3), 0 or more
     */
    public RttEstimator(long initialRtoNanos, long minRtoNanos, long maxRtoNanos, long granularityNanos) {
        if (minRtoNanos <= 0 || maxRtoNanos < minRtoNanos || maxRtoNanos > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("RTO bounds must satisfy 0 < min <= max <= 2^62 ns: min "
                    + minRtoNanos + ", max " + maxRtoNanos);
        }
        if (initialRtoNanos < minRtoNanos || initialRtoNanos > maxRtoNanos) {
            throw new IllegalArgumentException("initial RTO " + initialRtoNanos + " ns outside [" + minRtoNanos
                    + ", " + maxRtoNanos + "]");
        }
        if (granularityNanos < 0) {
            throw new IllegalArgumentException("negative clock granularity " + granularityNanos);
        }
        this.minRtoNanos = minRtoNanos;
        this.maxRtoNanos = maxRtoNanos;
        this.granularityNanos = granularityNanos;
        this.baseRto = initialRtoNanos;
        this.rto = initialRtoNanos;
    }

    /** RFC 6298's own values: initial 1 s, min 1 s, max 60 s, G 1 ms. */
    public RttEstimator() {
        this(DEFAULT_INITIAL_RTO_NANOS, DEFAULT_MIN_RTO_NANOS, DEFAULT_MAX_RTO_NANOS, DEFAULT_GRANULARITY_NANOS);
    }

    /** The RTO to arm the retransmission timer with now, backoff included. */
    public long rto() {
        return rto;
    }

    /** Whether a round trip has been measured, so that {@link #srtt} and {@link #rttvar} mean something. */
    public boolean hasSample() {
        return hasSample;
    }

    /** The smoothed round-trip time; 0 before the first sample. */
    public long srtt() {
        return srtt;
    }

    /** The round-trip time variation; 0 before the first sample. */
    public long rttvar() {
        return rttvar;
    }

    /** How many times the RTO has been doubled since the last sample (the connection's retry count). */
    public int backoffs() {
        return backoffs;
    }

    /** Whether a segment is being timed. */
    public boolean isTiming() {
        return timing;
    }

    /**
     * RFC 6298 §5.5: the timer expired, so "RTO <- RTO * 2", bounded by the maximum of §2.5. The
     * doubled value stands until a new sample, which by Karn's rule cannot come from a
     * retransmitted segment: the backed-off RTO is kept until a segment sent once is acknowledged.
     */
    public void backoff() {
        rto = Math.min(rto * 2, maxRtoNanos);
        if (backoffs < Integer.MAX_VALUE) {
            backoffs++;
        }
    }

    /**
     * Takes the round-trip time {@code rttNanos} (0 or more) into the estimate (§2.2 for the first,
     * §2.3 afterwards), recomputes the RTO, and ends any backoff (§5.5's doubling lasts until a
     * new RTO is computed from a sample).
     */
    public void sample(long rttNanos) {
        if (rttNanos < 0) {
            throw new IllegalArgumentException("negative round-trip time " + rttNanos + " ns");
        }
        long r = Math.min(rttNanos, MAX_SAMPLE_NANOS);
        if (!hasSample) {
            srtt = r;
            rttvar = r / 2;
            hasSample = true;
        } else {
            // RTTVAR first: §2.3 updates it with the SRTT from before this sample.
            rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
            srtt = (7 * srtt + r) / 8;
        }
        baseRto = clamp(srtt + Math.max(granularityNanos, K * rttvar));
        rto = baseRto;
        backoffs = 0;
    }

    /**
     * Starts timing the segment whose last sequence number is {@code endSequence - 1} (so the ACK
     * of {@code endSequence} acknowledges it), sent at {@code nowNanos}, unless a segment is being
     * timed already: one measurement at a time is what RFC 6298 §3 asks at the least ("at least
     * one RTT measurement per RTT"). The caller times only segments sent for the first time.
     */
    public void startTiming(int endSequence, long nowNanos) {
        if (!timing) {
            timing = true;
            timedEndSequence = endSequence;
            timedSinceNanos = nowNanos;
        }
    }

    /**
     * An ACK of {@code ack} arrived at {@code nowNanos}: if it acknowledges the whole timed segment
     * (ack at or after its end, in sequence space, so across wrap-around), that round trip is a
     * sample. An ACK that covers only part of it leaves the timing running.
     */
    public void onAck(int ack, long nowNanos) {
        if (timing && ack - timedEndSequence >= 0) {
            timing = false;
            sample(nowNanos - timedSinceNanos);
        }
    }

    /**
     * Karn's rule (RFC 6298 §3: samples "MUST NOT be made using segments that were retransmitted"):
     * a retransmission makes the next ACK ambiguous — it may answer the first transmission or the
     * second, or the retransmission of an earlier segment may be what released the cumulative ACK
     * of the timed one — so the measurement in progress is dropped.
     */
    public void onRetransmit() {
        timing = false;
    }

    /**
     * RFC 6298 §5.7: the handshake completed after the SYN (or SYN-ACK) timed out at least once.
     * The RTO "MUST be re-initialized to 3 seconds when data transmission begins" if it is less:
     * data starts with max(RTO, 3 s), within the maximum, and the SYN's backoff ends.
     */
    public void reinitializeAfterSynTimeout() {
        baseRto = Math.min(Math.max(baseRto, RTO_AFTER_SYN_TIMEOUT_NANOS), maxRtoNanos);
        rto = baseRto;
        backoffs = 0;
    }

    private long clamp(long value) {
        return Math.max(minRtoNanos, Math.min(value, maxRtoNanos));
    }
}
