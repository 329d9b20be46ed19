package io.slipway.tcp;

/**
 * The congestion window of one connection: slow start and congestion avoidance (RFC 5681 §3.1),
 * fast retransmit and fast recovery (RFC 5681 §3.2) with NewReno's handling of partial ACKs
 * (RFC 6582 §3.2), limited transmit (RFC 3042) and the restart after idle (RFC 5681 §4.1).
 *
 * <p>Read first: RFC 5681 §2 (what a duplicate ACK is, FlightSize) and §3; RFC 6582 §3.2 steps
 * 1–4; RFC 3042 §2. Everything is in bytes. The connection decides what kind of ACK arrived and
 * calls the matching method; this class says what the window is and, through its return values,
 * when a segment must be retransmitted. It neither sends nor keeps timers.
 *
 * <p>Sequence numbers compare with {@code (a - b) < 0}, so wrap-around is harmless; window
 * arithmetic saturates at {@link Integer#MAX_VALUE}, so a peer sending endless duplicate ACKs
 * cannot make the window overflow. Allocation-free; single-threaded, like the connection.
 */
public final class NewReno {
    /** RFC 5681 §3.2: fast retransmit on "the arrival of 3 duplicate ACKs". */
    public static final int DUPLICATE_ACK_THRESHOLD = 3;

    private final int mss;

    /** cwnd: how many bytes may be in flight (RFC 5681 §2). Always at least one MSS. */
    private int cwnd;
    /** ssthresh: slow start below it, congestion avoidance at or above it (RFC 5681 §3.1). */
    private int ssthresh = Integer.MAX_VALUE;
    /** Duplicate ACKs since the last ACK that advanced SND.UNA. */
    private int duplicateAcks;
    /** True between a fast retransmit and the full ACK or timeout that ends its recovery. */
    private boolean inFastRecovery;
    /**
     * RFC 6582's recover: the highest sequence number transmitted (SND.NXT - 1) when fast
     * retransmit was last entered or the timer last expired; the ISS before either. A full ACK
     * acknowledges it; only duplicate ACKs that acknowledge beyond it may start a fast retransmit.
     */
    private int recover;
    /** Partial ACKs in the current fast recovery. */
    private int partialAcks;
    /**
     * RFC 3465 §2.1's bytes_acked: bytes acknowledged in congestion avoidance since cwnd last
     * grew. A long, since it may briefly hold up to twice a window of Integer.MAX_VALUE bytes.
     */
    private long bytesAckedInAvoidance;
    /** FlightSize at the first duplicate ACK of the current run, before any limited transmit. */
    private int flightAtFirstDuplicate;
    /** True after a timeout until an ACK advances SND.UNA: a further timeout is for the same segment. */
    private boolean timedOutSinceAdvance;
    /**
     * The peer agreed to SACK (RFC 2018 §2): recovery follows RFC 6675 — the connection sends as
     * the pipe allows, so cwnd is set to ssthresh on entry and neither inflated by duplicate ACKs
     * nor deflated by partial ones, and a partial ACK asks for no retransmission of its own.
     */
    private boolean sack;
    /** Our segments go by segmentation offload: one ACK may cover many SMSS (see {@link #useSegmentOffload}). */
    private boolean offload;

    /** A window for segments of {@code mss} bytes (SMSS), starting at the initial window. */
    public NewReno(int mss) {
        if (mss < 1 || mss > 65_535) {
            throw new IllegalArgumentException("MSS must be 1..65535 bytes: " + mss);
        }
        this.mss = mss;
        this.cwnd = initialWindow(mss);
    }

    /**
     * RFC 5681 §3.1, equation (1), from RFC 3390: the initial window, about 4 KB but between two
     * and four segments.
     */
    public static int initialWindow(int mss) {
        if (mss > 2190) {
            return 2 * mss;
        }
        if (mss > 1095) {
            return 3 * mss;
        }
        return 4 * mss;
    }

    /**
     * RFC 6582 §3.2 step 1: "When the TCB is initialized, recover is set to the initial send
     * sequence number." Called once the ISS is chosen.
     */
    public void start(int iss) {
        recover = iss;
    }

    /**
     * Our segments carry many SMSS each (segmentation offload), so the receiver's ACKs are
     * stretched by our own doing: one for a segment of N SMSS, where N/2 would have come for N
     * segments. In slow start such an ACK grows cwnd by what those N/2 would have, half the bytes
     * it acknowledges, not by one SMSS; else slow start would add one SMSS a round trip, a
     * linear climb. Linux counts the segments a GSO packet stood for the same way.
     */
    public void useSegmentOffload() {
        offload = true;
    }

    /** Recovery by RFC 6675 from now on (set once SACK is agreed, before any data is sent). */
    public void useSack() {
        sack = true;
    }

    /** In a recovery driven by the SACK scoreboard (RFC 6675 §5): the connection sends by the pipe. */
    public boolean inSackRecovery() {
        return inFastRecovery && sack;
    }

    public int cwnd() {
        return cwnd;
    }

    public int ssthresh() {
        return ssthresh;
    }

    public boolean inFastRecovery() {
        return inFastRecovery;
    }

    public int duplicateAcks() {
        return duplicateAcks;
    }

    public int mss() {
        return mss;
    }

    /** RFC 6582's recover: the highest sequence number sent when recovery last began (see the field). */
    public int recover() {
        return recover;
    }

    /**
     * Partial ACKs so far in this fast recovery. RFC 6582 §3.2 step 3 resets the retransmission
     * timer "for the first partial ACK": the connection may test for 1 here (the "Impatient"
     * variant) or restart the timer on every ACK of new data as RFC 6298 §5.3 does.
     */
    public int partialAcks() {
        return partialAcks;
    }

    /**
     * An ACK advanced SND.UNA to {@code ack}, acknowledging {@code bytesAcked} new bytes, with
     * {@code flightSizeBefore} bytes outstanding before it.
     *
     * <ul>
     *   <li>Outside recovery, in slow start (cwnd &lt; ssthresh): cwnd += min(bytesAcked, SMSS)
     *       (RFC 5681 equation (2), RFC 3465's limit L = 1 SMSS); with segmentation offload
     *       the limit is half the bytes acknowledged ({@link #useSegmentOffload}).</li>
     *   <li>Outside recovery, in congestion avoidance (cwnd &gt;= ssthresh, RFC 5681 lets either
     *       algorithm run when they are equal): RFC 5681 §3.1's byte counting (RFC 3465 §2.1). The
     *       acknowledged bytes accumulate; when they reach cwnd, cwnd is subtracted from them and
     *       cwnd grows by one SMSS, at most once per ACK: one segment per window of data
     *       acknowledged, however the receiver delays or divides its ACKs.</li>
     *   <li>In recovery, a full ACK (RFC 6582 §3.2 step 3: it acknowledges everything up to and
     *       including {@link #recover}) ends recovery and deflates the window by option (1):
     *       cwnd = min(ssthresh, max(FlightSize, SMSS) + SMSS), FlightSize being what is still
     *       outstanding after this ACK. Option (1) rather than (2), cwnd = ssthresh, because it
     *       cannot release a burst when little is left in flight. With SACK (RFC 6675), cwnd
     *       was never inflated and stays ssthresh.</li>
     *   <li>In recovery, a partial ACK (step 3, "Partial acknowledgments"): cwnd shrinks by the
     *       bytes acknowledged and grows back by one SMSS if they were at least one SMSS; recovery
     *       goes on. Never below one SMSS: a partial ACK of nearly a whole window could otherwise
     *       take the inflated window below zero. With SACK, nothing changes: the scoreboard says
     *       what to resend.</li>
     * </ul>
     *
     * @return true for a partial ACK: the caller must retransmit the first unacknowledged segment
     *     now (RFC 6582 §3.2 step 3), then send new data if cwnd allows
     */
    public boolean onAdvancingAck(int ack, int bytesAcked, int flightSizeBefore) {
        duplicateAcks = 0;
        timedOutSinceAdvance = false;
        if (inFastRecovery) {
            if (ack - 1 - recover >= 0) {
                int stillInFlight = Math.max(flightSizeBefore - bytesAcked, 0);
                // RFC 6675 never inflated cwnd: it stays ssthresh, the pipe having kept the flight.
                cwnd = sack ? ssthresh : Math.min(ssthresh, Math.max(stillInFlight, mss) + mss);
                inFastRecovery = false;
                bytesAckedInAvoidance = 0;
                return false;
            }
            if (sack) {
                return false; // RFC 6675 §5: the scoreboard says what to resend, the pipe how much
            }
            long deflated = (long) cwnd - bytesAcked + (bytesAcked >= mss ? mss : 0);
            cwnd = (int) Math.max(deflated, mss);
            if (partialAcks < Integer.MAX_VALUE) {
                partialAcks++;
            }
            return true;
        }
        if (cwnd < ssthresh) {
            int limit = offload ? Math.max(mss, bytesAcked / 2) : mss; // RFC 3465's L, see useSegmentOffload
            cwnd = saturatedAdd(cwnd, Math.min(bytesAcked, limit));
            bytesAckedInAvoidance = 0;
        } else {
            bytesAckedInAvoidance += bytesAcked;
            if (bytesAckedInAvoidance >= cwnd) {
                bytesAckedInAvoidance -= cwnd;
                cwnd = saturatedAdd(cwnd, mss);
            }
        }
        return false;
    }

    /**
     * A duplicate ACK, as the caller has judged by RFC 5681 §2 (no data, no SYN or FIN, the ACK
     * equals SND.UNA, the window unchanged, data outstanding), with SND.UNA {@code sndUna},
     * SND.NXT {@code sndNxt} and {@code flightSize} bytes outstanding.
     *
     * <ul>
     *   <li>In recovery: cwnd += SMSS for the segment that has left the network (RFC 5681 §3.2
     *       step 4).</li>
     *   <li>The first and second: counted; limited transmit may send (see
     *       {@link #limitedTransmitAllowance}).</li>
     *   <li>The third: if the ACK covers more than recover ("ack_number - 1 &gt; recover", RFC
     *       6582 §3.2 step 2), fast retransmit: ssthresh = max(FlightSize / 2, 2 SMSS) (RFC 5681
     *       equation (4), FlightSize without the bytes sent by limited transmit, §3.2 step 2),
     *       recover = SND.NXT - 1, cwnd = ssthresh + 3 SMSS (step 3), and recovery begins. If it
     *       does not cover more than recover, these are echoes of a window already recovered (or
     *       of a timeout's go-back-N), and nothing changes: no second reduction for one loss.</li>
     * </ul>
     *
     * @return true on the third duplicate that starts a fast retransmit: the caller must
     *     retransmit the segment at SND.UNA now
     */
    public boolean onDuplicateAck(int sndUna, int sndNxt, int flightSize) {
        if (duplicateAcks < Integer.MAX_VALUE) {
            duplicateAcks++;
        }
        if (inFastRecovery) {
            if (!sack) {
                cwnd = saturatedAdd(cwnd, mss);
            }
            return false;
        }
        if (duplicateAcks == 1) {
            flightAtFirstDuplicate = flightSize;
        }
        if (duplicateAcks != DUPLICATE_ACK_THRESHOLD) {
            return false;
        }
        return enterRecovery(sndUna, sndNxt, flightSize, false);
    }

    /**
     * RFC 6675 §5 step (4): the scoreboard says the segment at SND.UNA is lost (IsLost(HighACK +
     * 1)) before the third duplicate ACK came — several segments after it were SACKed, perhaps
     * by ACKs that changed the window and so were not duplicates. Loss recovery starts as on the
     * third duplicate, with the same guard against a second reduction for one window.
     *
     * @return true when recovery begins: the caller retransmits the segment at SND.UNA
     */
    public boolean onSackedLoss(int sndUna, int sndNxt, int flightSize) {
        if (inFastRecovery) {
            return false;
        }
        if (duplicateAcks == 0) {
            flightAtFirstDuplicate = flightSize;
        }
        return enterRecovery(sndUna, sndNxt, flightSize, sack);
    }

    /**
     * RFC 6582 §3.2 step 2: duplicates must cover more than recover, or they may echo a window
     * already recovered (ACKs of its needless retransmissions). A loss the SACK scoreboard shows
     * ({@code bySack}) is no echo — its blocks report data above the hole that arrived — so
     * RFC 6675 §5.1's rule is enough: HighACK (SND.UNA - 1) has reached RecoveryPoint. The
     * stricter rule would leave a loss at the first segment after a recovery to the timer.
     */
    private boolean enterRecovery(int sndUna, int sndNxt, int flightSize, boolean bySack) {
        int covered = (sndUna - 1) - recover;
        if (bySack ? covered < 0 : covered <= 0) {
            return false;
        }
        // cwnd does not change on the first two duplicates (RFC 3042 §2), so whatever went out
        // beyond both cwnd and the flight at the first one went out by limited transmit.
        int flightWithoutLimitedTransmit = Math.min(flightSize, Math.max(cwnd, flightAtFirstDuplicate));
        ssthresh = Math.max(flightWithoutLimitedTransmit / 2, 2 * mss);
        recover = sndNxt - 1;
        // RFC 6675 §5 (4.2): cwnd = ssthresh, the pipe doing what inflation does for NewReno.
        cwnd = sack ? ssthresh : saturatedAdd(ssthresh, 3 * mss);
        inFastRecovery = true;
        partialAcks = 0;
        bytesAckedInAvoidance = 0;
        return true;
    }

    /**
     * RFC 8985 §7.4.2: a tail loss probe's resend repaired a loss by itself (the ACK went past the
     * probe with no duplicate showing that the original had arrived too), so the path lost a
     * segment and the response is fast recovery's: ssthresh = max(cwnd / 2, 2 SMSS), cwnd =
     * ssthresh, as recovery leaves it (RFC 6675 §5 (4.2)). From cwnd rather than RFC 5681's
     * FlightSize, as Linux's reduction does: what is in flight at the end of a probe episode is
     * the application's tail, not what the path carried when the loss struck.
     */
    public void onTailLossRepaired() {
        if (inFastRecovery) {
            return; // already reduced for this window
        }
        ssthresh = Math.max(cwnd / 2, 2 * mss);
        cwnd = ssthresh;
        bytesAckedInAvoidance = 0;
    }

    /**
     * RFC 3042 §2 (RFC 5681 §3.2 step 1): on the first and second duplicate ACK outside recovery,
     * the sender may send previously unsent data beyond cwnd, one segment for each such ACK, so
     * that the receiver can send the third duplicate ACK a lost segment needs; FlightSize stays
     * within cwnd + 2 SMSS, and cwnd itself does not change.
     *
     * @return how many new bytes may be sent now beyond what cwnd alone allows, with {@code
     *     flightSize} bytes outstanding: max(0, cwnd + n SMSS - max(flightSize, cwnd)) after the
     *     n-th duplicate, n = 1 or 2; 0 at any other time. The caller may send up to
     *     max(0, cwnd - flightSize) + this, within the receiver's window, and only new data.
     */
    public int limitedTransmitAllowance(int flightSize) {
        if (inFastRecovery || duplicateAcks < 1 || duplicateAcks >= DUPLICATE_ACK_THRESHOLD) {
            return 0;
        }
        long limit = (long) cwnd + (long) duplicateAcks * mss;
        return (int) Math.max(0, limit - Math.max(flightSize, cwnd));
    }

    /**
     * The retransmission timer expired, with {@code flightSize} bytes outstanding and {@code
     * sndNxt} one past the highest sequence number sent (SND.NXT before any go-back-N rewind).
     * RFC 5681 §3.1: ssthresh = max(FlightSize / 2, 2 SMSS) (equation (4)) — held constant if
     * this is a further timeout of the segment already retransmitted by the timer, i.e. no ACK
     * advanced since the last timeout — and cwnd = the loss window, one SMSS. RFC 6582 §3.2 step
     * 4: recover = the highest sequence number transmitted, and recovery ends.
     */
    public void onRetransmitTimeout(int flightSize, int sndNxt) {
        if (!timedOutSinceAdvance) {
            ssthresh = Math.max(flightSize / 2, 2 * mss);
        }
        timedOutSinceAdvance = true;
        cwnd = mss;
        inFastRecovery = false;
        recover = sndNxt - 1;
        duplicateAcks = 0;
        bytesAckedInAvoidance = 0;
    }

    /**
     * RFC 5681 §4.1: a TCP that has sent nothing for longer than an RTO (here {@code idleNanos}
     * since the last send, {@code rtoNanos} the current RTO) "SHOULD set cwnd to no more than RW
     * before beginning transmission", RW = min(IW, cwnd): the ACK clock has stopped, and a full
     * old window sent at once could be a burst the path no longer absorbs. ssthresh stays.
     */
    public void onIdleRestart(long idleNanos, long rtoNanos) {
        if (idleNanos > rtoNanos) {
            cwnd = Math.min(cwnd, initialWindow(mss));
            bytesAckedInAvoidance = 0;
        }
    }

    private static int saturatedAdd(int a, int b) {
        return (int) Math.min((long) a + b, Integer.MAX_VALUE);
    }
}
