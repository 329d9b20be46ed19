package io.slipway.tcp;

import io.slipway.base.ByteRing;
import io.slipway.base.Timer;
import io.slipway.base.TimerQueue;

/**
 * One TCP connection: its transmission control block (RFC 9293 §3.3.1), its send and receive
 * rings, its timers, and the output routine that decides what to send. What arriving segments do
 * to it is decided in one place, {@link SegmentArrival}.
 *
 * <p>Read first: RFC 9293 §3.3 (sequence space), §3.8 (data communication), §3.10 (event
 * processing); RFC 1122 §4.2.3.2–4.2.3.4 (delayed ACK, SWS avoidance, Nagle); RFC 6298 (RTO);
 * RFC 5681 and 6582 (congestion control).
 *
 * <p>Rings and sequence numbers: the send ring holds the bytes from SND.UNA on (unacknowledged,
 * then unsent); its read position is SND.UNA's first data byte, so an ACK skips what it covers
 * and a retransmission peeks at offset {@code seq - SND.UNA}. The receive ring's write position is
 * RCV.NXT: in-order data is committed there, out-of-order data is stored ahead with
 * {@link ByteRing#writeAt} and remembered in {@link OutOfOrderSegments}.
 *
 * <p>Threads: the stack thread owns everything here but the rings' other ends and the fields
 * marked "app": an application thread writes the send ring and reads the receive ring (each ring
 * single-producer, single-consumer), and asks for work through {@link #requestOutput()}.
 */
public final class TcpConnection {
    /** Largest window without scaling (RFC 9293 §3.1: 16 bits). */
    static final int MAX_WINDOW = 0xFFFF;
    /** Bytes of the timestamps option in every segment once agreed (RFC 7323 §3.2, with its NOP pair). */
    static final int TIMESTAMPS_BYTES = 12;
    /** RFC 7323 §5.5: a TS.Recent older than 24 days is invalid (the peer's clock may have wrapped). */
    static final long PAWS_IDLE_NANOS = 24L * 24 * 3600 * 1_000_000_000L;
    /** RFC 9293 §3.7.1: the MSS to assume when the peer sends none (RFC 879's 536). */
    static final int DEFAULT_MSS = 536;
    /** IPv4 and TCP headers without options. */
    static final int HEADERS = 40;
    /** Window probes an orphan sends before it gives up on a peer whose window stays shut (Linux tcp_orphan_retries). */
    static final int ORPHAN_WINDOW_PROBES = 8;

    final Tcp tcp;
    final TcpConfig config;
    final int slot;
    final ByteRing sendRing;
    final ByteRing receiveRing;
    final OutOfOrderSegments outOfOrder;
    /** What the peer has SACKed of our data (RFC 6675 §3), when {@link #sackOk}. */
    final SackScoreboard scoreboard = new SackScoreboard();
    RttEstimator rtt;
    NewReno congestion;

    // ---- identity
    int localAddress;
    int localPort;
    int remoteAddress;
    int remotePort;
    /** Set for a connection a listener made, until it is accepted (and for its SYN-RECEIVED time). */
    Listener listener;

    // ---- state: written on the stack thread, read by application threads too
    volatile TcpState state = TcpState.CLOSED;
    /** Why the connection failed, for the application; null while it has not. */
    volatile TcpError error;
    /** The peer's FIN has been received: after the receive ring, end of stream. */
    volatile boolean finReceived;

    // ---- send sequence space (RFC 9293 §3.3.1)
    int iss;
    int sndUna;
    int sndNxt;
    /** One past the last short segment sent (Linux's snd_sml), for Minshall's form of Nagle's rule. */
    int sndSml;
    /** The highest sequence number sent so far (BSD's snd_max): an ACK up to here is acceptable after a go-back. */
    int sndMax;
    int sndWnd;
    int sndWl1;
    int sndWl2;
    /** The largest window the peer has offered, for sender SWS avoidance (RFC 1122 §4.2.3.4). */
    int maxSndWnd;
    /** The segment size we send: min(the peer's MSS, our interface's MTU - 40). */
    int sendMss;
    /** The MSS we announced: our interface's MTU - 40. */
    int receiveMss;
    /**
     * The interface's segmentation offload: the largest datagram it carries whole, or 0 when it
     * carries no more than its MTU ({@link io.slipway.ip.IpInterface#segmentOffloadLength}).
     */
    private int segmentOffloadLength;
    /**
     * The most new data one segment carries: {@link #sendMss}, or with segmentation offload the
     * largest multiple of it that fits, as Linux's TSO segments on its loopback device.
     */
    int largestSegment;
    /** The interface vouches for the bytes: our data segments go unsummed (io.slipway.hal.LanAdapter#checksumOffload). */
    boolean checksumOffload;

    // ---- FIN
    /** App: the application is done sending (shutdownOutput or close): a FIN follows the data. */
    volatile boolean finQueued;
    /** The FIN is counted in SND.NXT (cleared when a timeout goes back before it). */
    boolean finSent;
    /** The FIN's sequence number is fixed (it follows the last data byte): the same on every send. */
    boolean finNumbered;
    int finSequence;

    // ---- receive sequence space
    int irs;
    int rcvNxt;
    /** RCV.NXT + the window last advertised: the right edge never moves left (RFC 9293 §3.8.6.2.2). */
    int rcvAdvertisedEdge;
    /** The peer's FIN seen ahead of missing data: its offset from RCV.NXT, or -1. */
    int finOffset = -1;
    /** Stack: the window last advertised, for the application's window-update test. */
    volatile int advertisedWindow;

    // ---- ACK bookkeeping (RFC 1122 §4.2.3.2, RFC 5681 §4.2)
    int segmentsSinceAck;
    boolean ackNow;

    // ---- timers
    final Timer retransmitTimer;
    /** RFC 8985 §7's probe timeout (PTO): while it is armed, it stands in for {@link #retransmitTimer}, which is not. */
    final Timer probeTimer;
    final TailLossProbe probe = new TailLossProbe();
    final Timer delayedAckTimer;
    final Timer persistTimer;
    final Timer flushTimer;
    final Timer keepaliveTimer;
    /** TIME-WAIT's 2·MSL, or FIN-WAIT-2's limit for an orphaned connection. */
    final Timer closeTimer;
    int retries;
    int persistProbes;
    /** Window probes sent since the application closed, answered or not. */
    int orphanProbes;
    long persistBackoffNanos;
    int keepaliveProbesSent;
    long lastReceivedNanos;
    /** Nagle's hold expired: send what is queued though it is small. */
    boolean flushDue;
    /** When data last went out, for RFC 5681 §4.1's restart after idle (once {@link #hasSentData}). */
    long lastSendNanos;
    /**
     * Both SYNs carried SACK-permitted (RFC 2018 §2): our ACKs may report out-of-order data in
     * SACK blocks, and the peer's SACK blocks drive our loss recovery (RFC 6675).
     */
    boolean sackOk;
    /** RFC 7323 §2: Snd.Wind.Shift, the peer's window scale, and Rcv.Wind.Shift, ours; 0 unless both SYNs carried one. */
    int sndWindowShift;
    int rcvWindowShift;
    boolean windowScaleAgreed;
    /** Our interface asks for timestamps (RFC 7323): offered in our SYN, or accepted from the peer's. */
    boolean offerTimestamps;
    /** Both SYNs carried timestamps: every segment but a reset carries them (RFC 7323 §3.2). */
    boolean timestampsOk;
    /** RFC 7323 §4.3: TS.Recent, the TSval to echo, and when it was recorded (for §5.5's 24 days). */
    int tsRecent;
    long tsRecentNanos;
    /** RFC 7323 §4.3's Last.ACK.sent: the ACK field of the last segment sent. */
    int lastAckSent;
    /** Our timestamp clock's offset for this connection: TSval = milliseconds + offset (RFC 7323 §5.4). */
    int tsOffset;
    /** RFC 6675 §2's HighRxt, exclusive: one past the highest sequence number resent in this recovery. */
    int highRxt;
    /** RFC 6675 §2's RescueRxt, exclusive: a rescue retransmission waits until SND.UNA passes it. */
    int rescueRxt;
    /** The segment at SND.UNA was last resent in this recovery while SND.UNA was {@link #unaResentAt}... */
    boolean unaResent;
    int unaResentAt;
    /** ...and SND.MAX then: data SACKed beyond it was sent after that resend (see {@link #resendLostRetransmission}). */
    int sentAfterUnaResend;
    /** Whether a segment of the bulk class may still be unacknowledged, and where the last one ended. */
    boolean bulkSent;
    int bulkEnd;
    boolean hasSentData;

    // ---- options and ownership
    /** App: TCP_NODELAY, small segments at once (no Nagle). */
    volatile boolean noDelay;
    volatile boolean keepaliveEnabled;
    /** The descriptor was closed: nobody reads any more; the connection finishes by itself. */
    volatile boolean orphan;
    ConnectionEvents events;
    /** App asks the stack to look at this connection (data written, window opened). */
    volatile boolean outputRequested;
    /** A soft ICMP error seen since the last progress (RFC 1122 §4.2.3.9), reported on a timeout. */
    TcpError softError;

    TcpConnection(Tcp tcp, TcpConfig config, int slot, TimerQueue timers) {
        this.tcp = tcp;
        this.config = config;
        this.slot = slot;
        this.sendRing = new ByteRing(config.sendBufferBytes());
        this.receiveRing = new ByteRing(config.receiveBufferBytes());
        this.outOfOrder = new OutOfOrderSegments(config.maxOutOfOrderRanges());
        this.rtt = newRtt();
        this.retransmitTimer = new Timer(this::onRetransmitTimeout);
        this.probeTimer = new Timer(this::onProbeTimeout);
        this.delayedAckTimer = new Timer(this::onDelayedAck);
        this.persistTimer = new Timer(this::onPersistTimeout);
        this.flushTimer = new Timer(this::onFlushTimeout);
        this.keepaliveTimer = new Timer(this::onKeepaliveTimeout);
        this.closeTimer = new Timer(this::onCloseTimeout);
    }

    /**
     * RFC 6298 §2.3's G, the floor of the variance term, is the minimum RTO itself, as in Linux
     * (RTO = SRTT + max(200 ms, 4·RTTVAR)): on a line whose round trip is short and steady, an
     * RTO of max(200 ms, SRTT + 4·RTTVAR) fires just as the peer's delayed ACK (up to 200 ms,
     * RFC 1122 §4.2.3.2) comes due, and resends what was never lost.
     */
    private RttEstimator newRtt() {
        return new RttEstimator(config.initialRtoNanos(), config.minRtoNanos(), config.maxRtoNanos(),
                config.minRtoNanos());
    }

    // ---------------------------------------------------------------- reading state (any thread)

    public TcpState state() {
        return state;
    }

    public TcpError error() {
        return error;
    }

    public int localAddress() {
        return localAddress;
    }

    public int localPort() {
        return localPort;
    }

    public int remoteAddress() {
        return remoteAddress;
    }

    public int remotePort() {
        return remotePort;
    }

    /** The ring the application writes and TCP sends from (app: producer). */
    public ByteRing sendRing() {
        return sendRing;
    }

    /** The ring TCP fills and the application reads (app: consumer). */
    public ByteRing receiveRing() {
        return receiveRing;
    }

    /** The peer will send no more: once the receive ring is empty, reads see end of stream. */
    public boolean isFinReceived() {
        return finReceived;
    }

    /** No descriptor holds the connection any more: it finishes closing by itself. */
    public boolean isOrphan() {
        return orphan;
    }

    public boolean isFinQueued() {
        return finQueued;
    }

    /**
     * The extensions both ends agreed on, as Linux's {@code ss -i} shows them: {@code ts},
     * {@code sack}, {@code wscale:<peer's>,<ours>}; empty for none. Allocates (for diagnostics).
     */
    public String agreedOptions() {
        StringBuilder b = new StringBuilder();
        if (timestampsOk) {
            b.append("ts ");
        }
        if (sackOk) {
            b.append("sack ");
        }
        if (windowScaleAgreed) {
            b.append("wscale:").append(sndWindowShift).append(',').append(rcvWindowShift).append(' ');
        }
        return b.toString().trim();
    }

    // ---------------------------------------------------------------- application side (any thread)

    /**
     * App: there is new data in the send ring, or the application read enough to open the window;
     * the stack looks at the connection on its next turn.
     */
    public void requestOutput() {
        outputRequested = true;
        tcp.requestOutput(this);
    }

    /**
     * App: after a read freed receive space, whether the window may now open by enough to be worth
     * a window update (RFC 9293 §3.8.6.2.2: by min(half the buffer, one MSS)).
     */
    public boolean windowUpdateWorthSending() {
        int free = Math.min(receiveRing.free(), maxReceiveWindow());
        return free - advertisedWindow >= Math.min(receiveRing.capacity() / 2, Math.max(receiveMss, 1));
    }

    /** Who hears of changes (the socket library's entry); set on the stack thread. */
    public void setEvents(ConnectionEvents e) {
        events = e;
    }

    public void setNoDelay(boolean on) {
        noDelay = on;
    }

    public void setKeepalive(boolean on) {
        keepaliveEnabled = on;
    }

    // ---------------------------------------------------------------- opening (stack thread)

    /** Fresh state for a new connection in this slot. */
    void reset(int local, int localPort, int remote, int remotePort) {
        this.localAddress = local;
        this.localPort = localPort;
        this.remoteAddress = remote;
        this.remotePort = remotePort;
        listener = null;
        checksumOffload = false;
        error = null;
        softError = null;
        finReceived = false;
        finQueued = false;
        finSent = false;
        finNumbered = false;
        finOffset = -1;
        orphan = false;
        events = null;
        outputRequested = false;
        noDelay = false;
        keepaliveEnabled = false;
        sendRing.clear();
        receiveRing.clear();
        outOfOrder.clear();
        segmentsSinceAck = 0;
        ackNow = false;
        retries = 0;
        persistProbes = 0;
        orphanProbes = 0;
        persistBackoffNanos = 0;
        advertisedWindow = 0;
        keepaliveProbesSent = 0;
        flushDue = false;
        lastSendNanos = 0;
        bulkSent = false;
        bulkEnd = 0;
        sackOk = false;
        sndWindowShift = 0;
        rcvWindowShift = 0;
        windowScaleAgreed = false;
        offerTimestamps = false;
        timestampsOk = false;
        tsRecent = 0;
        tsRecentNanos = 0;
        lastAckSent = 0;
        tsOffset = tcp.randomInt();
        scoreboard.clear();
        highRxt = 0;
        rescueRxt = 0;
        unaResent = false;
        probe.reset();
        hasSentData = false;
        sndWnd = 0;
        maxSndWnd = 0;
        rtt = newRtt();
    }

    /**
     * Picks the ISN and the segment sizes for a connection to the peer (RFC 6528, RFC 9293
     * §3.7.1); {@code offloadLength} is the interface's segmentation offload, the MTU for none.
     */
    void initSend(int isn, int mtu, int offloadLength, long nowNanos) {
        iss = isn;
        sndUna = isn;
        sndNxt = isn;
        sndMax = isn;
        sndSml = isn;
        receiveMss = mtu - HEADERS;
        segmentOffloadLength = offloadLength > mtu ? offloadLength : 0;
        sendMss = Math.min(DEFAULT_MSS, receiveMss);
        largestSegment = sendMss;
        congestion = new NewReno(sendMss);
        congestion.start(isn - 1);
        lastReceivedNanos = nowNanos;
    }

    /** The peer's MSS from its SYN (RFC 9293 §3.7.1: never more than we can send ourselves). */
    void peerMss(int mss) {
        int peer = mss > 0 ? mss : DEFAULT_MSS;
        // RFC 6691: the MSS counts no TCP options, so the timestamps in every segment come out of it.
        sendMss = Math.max(1, Math.min(peer, receiveMss) - (timestampsOk ? TIMESTAMPS_BYTES : 0));
        int offloadData = segmentOffloadLength - HEADERS - (timestampsOk ? TIMESTAMPS_BYTES : 0);
        largestSegment = Math.max(sendMss, offloadData / sendMss * sendMss);
        congestion = new NewReno(sendMss);
        if (largestSegment > sendMss) {
            congestion.useSegmentOffload();
        }
        // recover just below the ISN: the first data segment's loss may be fast-retransmitted too,
        // as FreeBSD allows (by RFC 6582's letter only the timer would resend it).
        congestion.start(iss - 1);
    }

    /**
     * What the peer's SYN (or SYN-ACK) offered, against what we offer: window scaling and
     * timestamps (RFC 7323 §2.2, §3.2: each only when both SYNs carried it), the MSS (less the
     * timestamps' bytes), SACK. Also on the active side, where the peer may answer only what we offered.
     */
    void negotiate(TcpOptions peer, long nowNanos) {
        windowScaleAgreed = config.features().windowScaling() && peer.windowScale() >= 0;
        if (windowScaleAgreed) {
            sndWindowShift = peer.windowScale();
            rcvWindowShift = ourWindowShift();
        } else {
            sndWindowShift = 0;
            rcvWindowShift = 0;
        }
        timestampsOk = offerTimestamps && config.features().timestamps() && peer.timestamps();
        if (timestampsOk) {
            tsRecent = (int) peer.tsValue();
            tsRecentNanos = nowNanos;
        }
        peerMss(peer.mss());
        peerSackPermitted(peer.sackPermitted());
    }

    /**
     * RFC 7323 §2.3: the shift we offer — the least that lets the window cover the whole receive
     * buffer (0 for 64 KiB or less... or 1 for exactly 64 KiB, whose free space can be 65 536).
     */
    int ourWindowShift() {
        int shift = 0;
        while (shift < TcpOptions.MAX_WINDOW_SCALE && (receiveRing.capacity() >>> shift) > MAX_WINDOW) {
            shift++;
        }
        return shift;
    }

    /** Our TSval now: a millisecond clock (RFC 7323 §5.4: between 1 ms and 1 s a tick) with this connection's offset. */
    int tsValue(long nowNanos) {
        return (int) (nowNanos / 1_000_000L) + tsOffset;
    }

    /**
     * The peer's SYN offered SACK-permitted or not: SACK is agreed when we offer it too (RFC 2018
     * §2), and from then on recovery follows RFC 6675. After {@link #peerMss}, which starts the
     * congestion window afresh.
     */
    void peerSackPermitted(boolean offered) {
        sackOk = offered && config.features().sack();
        if (sackOk) {
            congestion.useSack();
        }
    }

    /** The peer's SYN: its ISN; RCV.NXT just after it. */
    void initReceive(int peerIsn) {
        irs = peerIsn;
        rcvNxt = peerIsn + 1;
        rcvAdvertisedEdge = rcvNxt;
    }

    // ---------------------------------------------------------------- the output routine

    /**
     * Sends whatever the rules allow now: data within the send window and the congestion window,
     * held back while Nagle's rule or sender SWS avoidance says wait (RFC 1122 §4.2.3.4); the FIN
     * once all data is out; and an ACK when one is owed. Called after every event.
     */
    void output(long nowNanos) {
        if (state == TcpState.SYN_SENT) {
            ackNow = false; // nothing to acknowledge yet: the SYN is sent by connect and the RTO
            return;
        }
        if (state == TcpState.SYN_RECEIVED) {
            if (ackNow) {
                // An unacceptable segment's answer (RFC 9293 §3.10.7.4) — in a simultaneous open
                // it is what completes the peer's handshake.
                sendAck(nowNanos);
            }
            return;
        }
        if (!state.isSynchronized() || state == TcpState.TIME_WAIT) {
            if (ackNow && state == TcpState.TIME_WAIT) {
                sendAck(nowNanos);
            }
            return;
        }
        boolean sent = false;
        if (sndUna == sndMax && hasSentData && nowNanos - lastSendNanos > rtt.rto()) {
            congestion.onIdleRestart(nowNanos - lastSendNanos, rtt.rto()); // RFC 5681 §4.1
        }
        if (congestion.inSackRecovery() && sndNxt == sndMax) {
            // (Not while SND.NXT lags: a window that shut went back to SND.UNA, and the pipe,
            // counted up to SND.MAX, would hold data that is no longer in flight.)
            sent = sackRecoveryOutput(nowNanos);
        } else {
            while (true) {
                if (Seq.lt(sndNxt, sndMax) && !scoreboard.isEmpty()) {
                    // Going back after a timeout: what the peer SACKed is not sent again (RFC 6675 §5.1).
                    sndNxt = Seq.min(scoreboard.skipSacked(sndNxt), sndMax);
                }
                int inFlight = sndNxt - sndUna;
                // SACKed data below SND.NXT left the network: it takes no room in cwnd (RFC 6675 §4's pipe).
                int inNetwork = Seq.lt(sndNxt, sndMax) ? inFlight - scoreboard.sackedBetween(sndUna, sndNxt) : inFlight;
                int usable = Math.min(sndWnd - inFlight,
                        congestion.cwnd() + congestion.limitedTransmitAllowance(inFlight) - inNetwork);
                int result = sendFromNext(usable, nowNanos);
                if (result == NOTHING_SENT) {
                    break;
                }
                sent = true;
                if (result == SENT_LAST) {
                    break;
                }
            }
        }
        flushDue = false;
        if (sent && flushTimer.isScheduled() && sendRing.size() == sndNxt - sndUna - (finInFlight() ? 1 : 0)) {
            tcp.timers().cancel(flushTimer); // nothing held back any more
        }
        if (!sent && ackNow) {
            sendAck(nowNanos);
        }
        armProbeTimer(nowNanos);
        armPersistIfStuck(nowNanos);
        armKeepalive(nowNanos);
    }

    private static final int NOTHING_SENT = 0;
    private static final int SENT_MORE_MAY_FOLLOW = 1;
    private static final int SENT_LAST = 2;

    /**
     * One segment from SND.NXT, of at most {@code usable} bytes: new data, or data again after a
     * timeout went back, and the FIN once all data is out — unless Nagle's rule or sender SWS
     * avoidance holds it (RFC 1122 §4.2.3.4). Says whether it sent, and whether another segment
     * may follow at once (not after a short one or the FIN).
     */
    private int sendFromNext(int usable, long nowNanos) {
        return sendFromNext(usable, false, nowNanos);
    }

    /** With {@code pushSmall}, a short segment goes though Nagle's rule would hold it. */
    private int sendFromNext(int usable, boolean pushSmall, long nowNanos) {
        int inFlight = sndNxt - sndUna;
        int sentData = inFlight - (finInFlight() ? 1 : 0);
        int unsent = sendRing.size() - sentData;
        int len = Math.max(0, Math.min(Math.min(unsent, usable), largestSegment));
        // Nagle's rule (RFC 1122 §4.2.3.4) holds a short segment so that it may grow, in
        // Minshall's form, as Linux applies it: only while an earlier short segment is
        // unacknowledged. Full segments in flight hold nothing back — else the short tail of every
        // response of k·MSS + a few bytes would wait for the peer's delayed ACK of the last full
        // one (RFC 1122 §4.2.3.2: up to 500 ms; 40–200 ms in practice), which is the stall
        // Nagle's rule and delayed ACKs are known for. And once the application has closed its
        // side nothing more will come, so nothing waits at all (Linux pushes with the FIN too).
        boolean shortUnacknowledged = Seq.gt(sndSml, sndUna) && Seq.le(sndSml, sndNxt);
        boolean nagleAllows = noDelay || !shortUnacknowledged || finQueued;
        if (len > sendMss && !(len == unsent && (nagleAllows || pushSmall))) {
            // A segment for segmentation offload is whole SMSS: as the MSS-sized segments it stands
            // for, its tail waits for more data (Nagle, RFC 1122 §4.2.3.4) or the window.
            len -= len % sendMss;
        }
        boolean cutBySack = false;
        if (len > 0 && Seq.lt(sndNxt, sndMax) && !scoreboard.isEmpty()) {
            int sackedFrom = scoreboard.nextSackedAfter(sndNxt, sndNxt + len);
            cutBySack = sackedFrom != sndNxt + len;
            len = sackedFrom - sndNxt; // stop where the peer's SACKed data begins
        }
        boolean finNow = finQueued && !finSent && !finAcknowledged() && len == unsent;
        if (len == 0 && !finNow) {
            return NOTHING_SENT;
        }
        boolean full = len >= sendMss;
        boolean everything = len == unsent;
        boolean bigEnough = maxSndWnd > 0 && len >= maxSndWnd / 2;
        if (!(full || cutBySack || (everything && (nagleAllows || pushSmall)) || bigEnough || flushDue
                || (len == 0 && finNow))) {
            // Held by Nagle's rule, or by sender SWS avoidance with nothing in flight (no ACK
            // will come to move us on): the flush timer bounds how long, RFC 1122 §4.2.3.4's
            // override timeout. With data in flight and more queued, the ACKs drive us.
            if ((everything || inFlight == 0) && !flushTimer.isScheduled()) {
                tcp.timers().schedule(flushTimer, nowNanos + config.flushNanos());
            }
            return NOTHING_SENT;
        }
        int flags = TcpHeader.ACK | (everything && len > 0 ? TcpHeader.PSH : 0) | (finNow ? TcpHeader.FIN : 0);
        int seq = sndNxt;
        tcp.sendSegment(this, seq, flags, sentData, len, nowNanos);
        lastSendNanos = nowNanos;
        hasSentData = true;
        sndNxt = seq + len + (finNow ? 1 : 0);
        if (len % sendMss != 0) {
            sndSml = seq + len; // short (for offload: not whole SMSS), as Linux's tcp_minshall_update
        }
        if (finNow) {
            finSent = true;
            finNumbered = true;
            finSequence = seq + len;
        }
        if (Seq.gt(sndNxt, sndMax)) {
            sndMax = sndNxt;
            rtt.startTiming(sndNxt, nowNanos); // new data: Karn's rule allows timing it
            probe.restartDue = true;
        } else {
            tcp.count(TcpEvent.RETRANSMITTED_SEGMENTS);
        }
        armRetransmitTimerIfIdle(nowNanos);
        return finNow || (len < sendMss && !cutBySack) ? SENT_LAST : SENT_MORE_MAY_FOLLOW;
    }

    // ---------------------------------------------------------------- SACK-based recovery (RFC 6675)

    /**
     * The peer's SACK blocks in an acceptable ACK, into the scoreboard (RFC 6675 §4 Update()); a
     * FIN is never taken as SACKed, so it goes again with its data. Returns the sequence numbers
     * newly SACKed.
     */
    int recordSack(TcpOptions options) {
        int added = 0;
        for (int i = 0; i < options.sackBlockCount(); i++) {
            int right = options.sackRight(i);
            if (Seq.gt(right, sndMax)) {
                continue; // beyond anything sent: forged or broken
            }
            if (finNumbered && Seq.gt(right, finSequence)) {
                right = finSequence; // the block's data counts, its FIN does not
            }
            added += scoreboard.add(options.sackLeft(i), right, sndUna, sndMax);
        }
        return added;
    }

    /**
     * A partial ACK in SACK recovery while the scoreboard holds nothing — a peer that agreed to
     * SACK but sends no blocks: the segment at SND.UNA goes again, as NewReno would (RFC 6582
     * §3.2), or only the timer would find a second loss.
     */
    void retransmitFirstWithoutBlocks(long nowNanos) {
        highRxt = Seq.max(highRxt, retransmitFirst(nowNanos));
    }

    /**
     * RFC 5827 §3.2 (early retransmit, SACK form): with fewer than four segments outstanding and
     * no new data that may go now (none queued, or the windows or Nagle's rule hold it), three
     * duplicate ACKs can never come — the threshold becomes the outstanding segments less one,
     * counted as SACKed segments. Without it a loss among the last segments of a small flight
     * waits for the retransmission timer: at least 200 ms, where the round trip may be 2.
     */
    boolean earlyRetransmitDue() {
        int outstanding = sndMax - sndUna;
        int inFlightData = outstanding - (finInFlight() ? 1 : 0); // segments of data: a FIN is no segment to SACK
        int segments = (inFlightData + sendMss - 1) / sendMss;
        if (segments >= 4 || segments < 2) {
            return false;
        }
        int unsent = sendRing.size() - inFlightData;
        int usable = Math.min(sndWnd - outstanding, congestion.cwnd() - outstanding);
        boolean nagleHolds = unsent < sendMss && !noDelay;
        boolean newDataMayGo = unsent > 0 && usable >= Math.min(unsent, sendMss) && !nagleHolds;
        int sackedSegments = (scoreboard.sackedBytes() + sendMss - 1) / sendMss;
        return !newDataMayGo && sackedSegments >= segments - 1;
    }

    /**
     * A resend of the segment at SND.UNA that was lost too: data first sent after it has been
     * SACKed, while SND.UNA has not moved — on a line that keeps order, that resend would have
     * arrived first. RFC 6675 cannot see this (NextSeg never looks below HighRxt) and leaves it to
     * the timer; RACK (RFC 8985 §6) finds it by the same reasoning, by send times. Sends it again.
     */
    void resendLostRetransmission(long nowNanos) {
        if (!unaResent || unaResentAt != sndUna || !congestion.inSackRecovery() || scoreboard.isEmpty()
                || !Seq.gt(scoreboard.highestSacked(), sentAfterUnaResend)) {
            return;
        }
        tcp.count(TcpEvent.LOST_RETRANSMISSIONS);
        int end = Seq.min(sndUna + sendMss, scoreboard.nextSackedAfter(sndUna, sndMax));
        highRxt = Seq.max(highRxt, retransmitRange(sndUna, end, nowNanos));
    }

    /**
     * RFC 6675 §5 steps (4.3)–(4.4): recovery has begun; the first segment presumed lost, at
     * SND.UNA, goes now, and HighRxt and RescueRxt mark it. Step (C) follows in {@link #output}.
     */
    void startSackRecovery(long nowNanos) {
        tcp.count(TcpEvent.SACK_RECOVERIES);
        int end = Seq.min(sndUna + sendMss, scoreboard.nextSackedAfter(sndUna, sndMax));
        highRxt = retransmitRange(sndUna, end, nowNanos);
        rescueRxt = highRxt;
    }

    /**
     * RFC 6675 §5 step (C): while cwnd - pipe is at least one SMSS, the next segment by NextSeg()'s
     * rules — (1) a hole the scoreboard says is lost; (2) new data; (3) any other hole below the
     * highest SACKed data; (4) once per recovery, a rescue retransmission of the last outstanding
     * segment, so that a loss at the tail is not left to the timer.
     */
    private boolean sackRecoveryOutput(long nowNanos) {
        boolean sent = false;
        while (true) {
            if (Seq.lt(highRxt, sndUna)) {
                highRxt = sndUna;
            }
            int pipe = scoreboard.pipe(sndUna, sndMax, highRxt, sendMss);
            if (congestion.cwnd() - pipe < sendMss) {
                break;
            }
            int hole = scoreboard.skipSacked(highRxt);
            boolean belowSacked = !scoreboard.isEmpty() && Seq.lt(hole, scoreboard.highestSacked());
            if (belowSacked && scoreboard.isLost(hole, sendMss)) {
                highRxt = retransmitHole(hole, nowNanos); // rule (1)
                sent = true;
                continue;
            }
            int usable = Math.min(sndWnd - (sndNxt - sndUna), sendMss);
            // Rule (2), the last short piece too: Nagle's hold would wait for the ACK recovery is
            // waiting for, and data sent now is what shows a lost retransmission.
            if (usable > 0 && sendFromNext(usable, true, nowNanos) != NOTHING_SENT) {
                sent = true;
                continue;
            }
            if (belowSacked) {
                highRxt = retransmitHole(hole, nowNanos); // rule (3)
                sent = true;
                continue;
            }
            if (Seq.gt(sndUna, rescueRxt) && rescue(nowNanos)) {
                sent = true; // rule (4)
            }
            break;
        }
        return sent;
    }

    /** The hole at {@code seq}: up to one SMSS, up to the next SACKed range. Returns its end. */
    private int retransmitHole(int seq, long nowNanos) {
        int end = Seq.min(seq + sendMss, scoreboard.nextSackedAfter(seq, sndMax));
        return retransmitRange(seq, end, nowNanos);
    }

    /**
     * NextSeg() rule (4): one segment that includes the highest outstanding unSACKed sequence
     * number; RescueRxt = RecoveryPoint, so there is one per recovery; HighRxt stays. Not when
     * that number was already resent in this recovery (below HighRxt): the rule is for a tail
     * that nothing else would resend, and a copy of a retransmission in flight helps nobody.
     * Returns whether it sent.
     */
    private boolean rescue(long nowNanos) {
        int top = sndMax;
        if (!scoreboard.isEmpty() && scoreboard.highestSacked() == sndMax) {
            top = scoreboard.left(scoreboard.rangeCount() - 1); // the top is SACKed: the hole below it
        }
        if (!Seq.gt(top, highRxt)) {
            return false;
        }
        int start = Seq.max(Seq.max(sndUna, highRxt), top - sendMss);
        start = Seq.max(start, scoreboard.rangeEndBelow(top, start)); // SACKed data is not sent again
        tcp.count(TcpEvent.SACK_RESCUE_RETRANSMITS);
        retransmitRange(start, top, nowNanos);
        rescueRxt = congestion.recover() + 1;
        return true;
    }

    /**
     * Sends {@code [seq, end)} again (at most one SMSS of data; the FIN with it when it reaches
     * the FIN). Returns one past the last sequence number sent.
     */
    private int retransmitRange(int seq, int end, long nowNanos) {
        int dataEnd = sndUna + sendRing.size();
        int data = Math.max(0, Math.min(Seq.min(end, dataEnd) - seq, sendMss));
        boolean withFin = finSent && seq + data == finSequence && Seq.lt(finSequence, end);
        rtt.onRetransmit(); // Karn: no sample from a segment sent twice
        tcp.count(TcpEvent.RETRANSMITTED_SEGMENTS);
        if (seq == sndUna) {
            unaResent = true;
            unaResentAt = sndUna;
            sentAfterUnaResend = sndMax;
        }
        tcp.sendSegment(this, seq, TcpHeader.ACK | (withFin ? TcpHeader.FIN : 0), seq - sndUna, data, nowNanos);
        lastSendNanos = nowNanos;
        armRetransmitTimerIfIdle(nowNanos);
        return seq + data + (withFin ? 1 : 0);
    }

    /** Data and FIN still to be acknowledged by the peer, while the connection can still deliver them. */
    long unacknowledgedBytes() {
        if (!state.isSynchronized() || state == TcpState.TIME_WAIT) {
            return 0;
        }
        return sendRing.size() + (finQueued && !finAcknowledged() ? 1 : 0);
    }

    /** The peer has acknowledged our FIN (RFC 9293 §3.10.7.4: "if our FIN is now acknowledged"). */
    boolean finAcknowledged() {
        return finNumbered && Seq.gt(sndUna, finSequence);
    }

    /** Our FIN is sent and not yet acknowledged: it takes the last sequence number in flight. */
    private boolean finInFlight() {
        return finSent && Seq.ge(finSequence, sndUna) && Seq.lt(finSequence, sndNxt);
    }

    /**
     * A segment carrying no data: the ACK (and window) we owe; cancels the delayed ACK. Its
     * sequence number is SND.MAX, not SND.NXT: while we go back to retransmit, SND.NXT lags behind
     * what the peer has already received, and an ACK numbered there would be outside its window —
     * answered by an ACK of its own that could be outside ours, for ever (BSD's tcp_output does the same).
     */
    void sendAck(long nowNanos) {
        tcp.sendSegment(this, sndMax, TcpHeader.ACK, 0, 0, nowNanos);
    }

    /** Every segment we send carries RCV.NXT: the ACK is no longer owed. Called by Tcp. */
    void ackSent(int window) {
        lastAckSent = rcvNxt;
        ackNow = false;
        segmentsSinceAck = 0;
        tcp.timers().cancel(delayedAckTimer);
        advertisedWindow = window;
    }

    /**
     * The window to advertise now, with receiver SWS avoidance (RFC 9293 §3.8.6.2.2): the right
     * edge moves right only by at least min(half the buffer, one MSS), and never left.
     */
    int receiveWindow() {
        // RFC 7323 §2.3: a scaled window is sent shifted right, so only multiples of 2^shift can
        // be said; rounding down keeps the right edge where the peer will see it.
        int free = Math.min(receiveRing.free(), maxReceiveWindow()) >>> rcvWindowShift << rcvWindowShift;
        int current = Math.max(0, rcvAdvertisedEdge - rcvNxt);
        int threshold = Math.min(receiveRing.capacity() / 2, Math.max(receiveMss, 1));
        if (free - current >= threshold || free >= maxReceiveWindow() >>> rcvWindowShift << rcvWindowShift) {
            rcvAdvertisedEdge = rcvNxt + free;
            return free;
        }
        return Math.min(current, free);
    }

    /** The window of a SYN or SYN-ACK, never scaled (RFC 7323 §2.2): at most 65 535 bytes. */
    int synWindow() {
        int window = Math.min(receiveRing.free(), MAX_WINDOW);
        rcvAdvertisedEdge = rcvNxt + window;
        return window;
    }

    /** The largest window the window field can say: 65 535 bytes, scaled (RFC 7323 §2.3). */
    int maxReceiveWindow() {
        return MAX_WINDOW << rcvWindowShift;
    }

    /** Zero window with data waiting and nothing in flight: probe, so the opening is not missed (RFC 9293 §3.8.6.1). */
    private void armPersistIfStuck(long nowNanos) {
        int unsent = sendRing.size() - (sndNxt - sndUna - (finInFlight() ? 1 : 0));
        boolean stuck = sndWnd == 0 && sndNxt == sndUna && (unsent > 0 || (finQueued && !finSent));
        if (stuck && !persistTimer.isScheduled() && !retransmitTimer.isScheduled() && !probeTimer.isScheduled()) {
            if (persistBackoffNanos == 0) {
                persistBackoffNanos = Math.max(config.persistMinNanos(), rtt.rto());
            }
            tcp.timers().schedule(persistTimer, nowNanos + persistBackoffNanos);
        } else if (!stuck) {
            tcp.timers().cancel(persistTimer);
            persistBackoffNanos = 0;
            persistProbes = 0;
        }
    }

    private void armKeepalive(long nowNanos) {
        if (keepaliveEnabled && state == TcpState.ESTABLISHED && !keepaliveTimer.isScheduled()) {
            tcp.timers().schedule(keepaliveTimer, lastReceivedNanos + config.keepaliveIdleNanos());
        }
    }

    /**
     * Schedules the ACK owed for {@code length} bytes of in-order data: at once for every second
     * segment (RFC 5681 §4.2; a segment that came through segmentation offload counts as the
     * full-sized ones it carries), else within the delay.
     */
    void ackLater(int length, long nowNanos) {
        int fullSized = Math.max(1, receiveMss - (timestampsOk ? TIMESTAMPS_BYTES : 0));
        segmentsSinceAck += Math.max(1, length / fullSized);
        if (segmentsSinceAck >= 2) {
            ackNow = true;
        } else if (!delayedAckTimer.isScheduled()) {
            tcp.timers().schedule(delayedAckTimer, nowNanos + config.delayedAckNanos());
        }
    }

    // ---------------------------------------------------------------- retransmission

    /** Sends the first unacknowledged segment again, SND.NXT unmoved (fast retransmit, a partial ACK). */
    int retransmitFirst(long nowNanos) {
        // Up to SND.NXT (a timeout's go-back may have moved it back); one more than an SMSS, so
        // that a FIN right after a full segment goes with it. Returns the end of what went.
        return retransmitRange(sndUna, Seq.min(sndUna + sendMss + 1, sndNxt), nowNanos);
    }

    /** RFC 6298 §5.4–5.7: retransmit from SND.UNA, back off, slow start again (RFC 5681 §3.1). */
    private void onRetransmitTimeout(long nowNanos) {
        if (sndUna == sndMax && state != TcpState.SYN_SENT && state != TcpState.SYN_RECEIVED) {
            return; // everything was acknowledged meanwhile
        }
        tcp.count(TcpEvent.RETRANSMISSION_TIMEOUTS);
        probe.outstanding = false; // the timer has taken over: a later flight may be probed again
        int limit = (state == TcpState.SYN_SENT || state == TcpState.SYN_RECEIVED) ? config.synRetries()
                : config.dataRetries();
        if (++retries > limit) {
            tcp.count(TcpEvent.CONNECTIONS_TIMED_OUT);
            fail(softError != null ? softError : TcpError.TIMED_OUT, false, nowNanos);
            return;
        }
        rtt.backoff();
        rtt.onRetransmit();
        if (state == TcpState.SYN_SENT) {
            tcp.sendSyn(this, false, nowNanos);
        } else if (state == TcpState.SYN_RECEIVED) {
            tcp.sendSyn(this, true, nowNanos);
        } else if (sndWnd == 0) {
            // The peer shut its window on data in flight: not a loss. RFC 9293 §3.8.6.1 (MUST-35,
            // SHLD-17): probe, and never time the connection out while the probes are answered.
            retries--;
            sndNxt = sndUna;
            if (finSent && Seq.ge(finSequence, sndUna)) {
                finSent = false;
            }
            tcp.timers().cancel(retransmitTimer);
            armPersistIfStuck(nowNanos);
            return;
        } else {
            congestion.onRetransmitTimeout(sndMax - sndUna, sndMax);
            // Go back to SND.UNA: what follows is sent again as the ACKs let it (BSD does the same).
            sndNxt = sndUna;
            if (finSent && Seq.ge(finSequence, sndUna)) {
                finSent = false;
            }
            output(nowNanos);
        }
        tcp.timers().schedule(retransmitTimer, nowNanos + rtt.rto());
    }

    /** RFC 6298 §5.1: data went out and no timer watches it: the RTO, unless the probe timer stands in for it. */
    private void armRetransmitTimerIfIdle(long nowNanos) {
        if (!retransmitTimer.isScheduled() && !probeTimer.isScheduled()) {
            tcp.timers().schedule(retransmitTimer, nowNanos + rtt.rto());
        }
    }

    /**
     * RFC 8985 §7.2: after new data went out or an ACK acknowledged new data, the probe timer
     * takes the retransmission timer's place when a probe may go; when one may no longer go (SACK
     * blocks came, recovery began), the retransmission timer returns with the deadline it had.
     */
    void armProbeTimer(long nowNanos) {
        if (!probeMayGo()) {
            if (probeTimer.isScheduled()) {
                tcp.timers().cancel(probeTimer);
                if (sndUna != sndMax && !retransmitTimer.isScheduled()) {
                    tcp.timers().schedule(retransmitTimer, Math.max(nowNanos, probe.rtoDeadline));
                }
            }
            probe.restartDue = false;
            return;
        }
        if (!probe.restartDue) {
            return;
        }
        probe.restartDue = false;
        long rtoDeadline = retransmitTimer.isScheduled() ? retransmitTimer.deadline()
                : probeTimer.isScheduled() ? probe.rtoDeadline : nowNanos + rtt.rto();
        boolean oneSegment = sndMax - sndUna <= sendMss + (finInFlight() ? 1 : 0);
        tcp.timers().cancel(retransmitTimer);
        probe.rtoDeadline = rtoDeadline;
        tcp.timers().schedule(probeTimer, TailLossProbe.deadline(rtt, oneSegment, nowNanos, rtoDeadline));
    }

    /**
     * RFC 8985 §7.2: data is outstanding, in a window still open (a shut one is the persist
     * timer's, RFC 9293 §3.8.6.1); not in fast recovery, nor in RTO recovery (going back,
     * or no ACK of new data since the timeout), nor with SACKed data that recovery already
     * watches; no probe of this flight yet; and SACK agreed, without which the probe's ACK could
     * not say what was lost (Linux probes only then too).
     */
    private boolean probeMayGo() {
        return config.features().tailLossProbe() && sackOk && state.isSynchronized() && state != TcpState.TIME_WAIT
                && sndUna != sndMax && sndNxt == sndMax && sndWnd > 0 && retries == 0 && scoreboard.isEmpty()
                && !congestion.inFastRecovery() && !probe.outstanding;
    }

    /**
     * RFC 8985 §7.3: the probe. New data if there is some and the receive window allows,
     * ignoring cwnd; else the last segment sent, again. Then the retransmission timer is armed,
     * not the probe timer: one probe per flight, and the RTO stays the last resort.
     */
    private void onProbeTimeout(long nowNanos) {
        if (!state.isSynchronized() || state == TcpState.TIME_WAIT || sndUna == sndMax) {
            return;
        }
        tcp.count(TcpEvent.LOSS_PROBES);
        int before = sndMax;
        int usable = Math.min(sndWnd - (sndNxt - sndUna), sendMss);
        if (usable > 0 && sendFromNext(usable, true, nowNanos) != NOTHING_SENT && Seq.gt(sndMax, before)) {
            probe.sent(before, sndMax, false);
        } else {
            // The last segment sent (the ring may hold more that the window keeps back).
            int sentDataEnd = finSent && Seq.lt(finSequence, sndMax) ? finSequence : sndMax;
            int start = Seq.max(sndUna, sentDataEnd - sendMss);
            retransmitRange(start, sndMax, nowNanos);
            probe.sent(start, sndMax, true);
        }
        probe.restartDue = false;
        tcp.timers().cancel(probeTimer);
        tcp.timers().schedule(retransmitTimer, nowNanos + rtt.rto());
    }

    private void onDelayedAck(long nowNanos) {
        tcp.count(TcpEvent.DELAYED_ACKS);
        if (state.isSynchronized()) {
            sendAck(nowNanos);
        }
    }

    private void onFlushTimeout(long nowNanos) {
        flushDue = true;
        output(nowNanos);
    }

    /**
     * Whether the segment {@code seq}, {@code len} bytes, goes out as low-delay traffic, ahead of
     * bulk frames in the driver's queue: on a slow line a keystroke must not wait a second behind
     * full-size segments. Small segments are interactive unless a bulk segment of the same
     * connection may still be on its way — none may overtake another, or the peer would see them
     * out of order; nor may a segment that takes no sequence space (an ACK, a window update),
     * whose sequence number lies past that data. Full-size segments are bulk.
     */
    boolean lowDelay(int seq, int len, int flags) {
        int seqLen = len + ((flags & TcpHeader.FIN) != 0 ? 1 : 0);
        if (seqLen == 0) {
            // Its sequence number (SND.MAX) lies past any bulk data still queued: behind that data,
            // or the peer may find it outside its window and drop it (RFC 9293 §3.10.7.4).
            return !bulkAhead();
        }
        if (bulkAhead()) {
            bulkEnd = Seq.gt(seq + seqLen, bulkEnd) ? seq + seqLen : bulkEnd;
            return false;
        }
        if (len < sendMss) {
            bulkSent = false;
            return true;
        }
        bulkSent = true;
        bulkEnd = seq + seqLen;
        return false;
    }

    /** Whether a bulk segment of this connection may still be on its way (queued or unacknowledged). */
    boolean bulkAhead() {
        return bulkSent && Seq.lt(sndUna, bulkEnd);
    }

    /** A window probe (RFC 9293 §3.8.6.1): an old sequence number, so the peer answers with its window. */
    private void onPersistTimeout(long nowNanos) {
        if (sndWnd != 0 || !state.isSynchronized()) {
            persistBackoffNanos = 0;
            return;
        }
        if (orphan && ++orphanProbes > ORPHAN_WINDOW_PROBES) {
            // RFC 1122 §4.2.2.17's "MUST NOT close while the probes are answered" keeps a connection
            // for an application still waiting to send; an orphan has none, and behind a window
            // shut for ever it would hold its slot for ever. Linux resets it after
            // tcp_orphan_retries probes, answered or not.
            tcp.count(TcpEvent.ORPHANS_DROPPED);
            fail(TcpError.ABORTED, true, nowNanos);
            return;
        }
        if (++persistProbes > config.dataRetries()) {
            // RFC 1122 §4.2.2.17: probing goes on while the peer answers; this many went unanswered.
            tcp.count(TcpEvent.CONNECTIONS_TIMED_OUT);
            fail(TcpError.TIMED_OUT, false, nowNanos);
            return;
        }
        tcp.count(TcpEvent.WINDOW_PROBES);
        tcp.sendSegment(this, sndUna - 1, TcpHeader.ACK, 0, 0, nowNanos);
        persistBackoffNanos = Math.min(persistBackoffNanos * 2, config.maxRtoNanos());
        tcp.timers().schedule(persistTimer, nowNanos + persistBackoffNanos);
    }

    /** RFC 1122 §4.2.3.6: after the idle time, a probe with an old sequence number; then one per interval. */
    private void onKeepaliveTimeout(long nowNanos) {
        if (!keepaliveEnabled || state != TcpState.ESTABLISHED) {
            return;
        }
        if (nowNanos - lastReceivedNanos < config.keepaliveIdleNanos()) {
            tcp.timers().schedule(keepaliveTimer, lastReceivedNanos + config.keepaliveIdleNanos());
            keepaliveProbesSent = 0;
            return;
        }
        if (keepaliveProbesSent >= config.keepaliveProbes()) {
            tcp.count(TcpEvent.CONNECTIONS_TIMED_OUT);
            fail(TcpError.TIMED_OUT, true, nowNanos);
            return;
        }
        keepaliveProbesSent++;
        tcp.count(TcpEvent.KEEPALIVE_PROBES);
        tcp.sendSegment(this, sndUna - 1, TcpHeader.ACK, 0, 0, nowNanos);
        tcp.timers().schedule(keepaliveTimer, nowNanos + config.keepaliveIntervalNanos());
    }

    /** TIME-WAIT's 2·MSL is over, or an orphan waited too long in FIN-WAIT-2: the connection is gone. */
    private void onCloseTimeout(long nowNanos) {
        if (state == TcpState.TIME_WAIT || state == TcpState.FIN_WAIT_2) {
            enterClosed(nowNanos);
        }
    }

    // ---------------------------------------------------------------- closing

    /**
     * The application is done sending (RFC 9293 §3.10.4 CLOSE, or shutdownOutput): a FIN follows
     * the queued data. ESTABLISHED goes to FIN-WAIT-1, CLOSE-WAIT to LAST-ACK.
     */
    void closeSending(long nowNanos) {
        if (finQueued) {
            return;
        }
        switch (state) {
            case SYN_SENT -> {
                enterClosed(nowNanos); // nothing was said yet: just forget it
                return;
            }
            case SYN_RECEIVED, ESTABLISHED -> moveTo(TcpState.FIN_WAIT_1);
            case CLOSE_WAIT -> moveTo(TcpState.LAST_ACK);
            default -> {
                return;
            }
        }
        finQueued = true;
        output(nowNanos);
    }

    /**
     * The descriptor is closed (RFC 9293 §3.10.4): with unread data in the receive ring the
     * connection is reset (RFC 2525 §2.17, as Linux does), else it closes gracefully on its own.
     */
    void closeByApplication(long nowNanos) {
        orphan = true;
        events = null;
        if (!receiveRing.isEmpty() && state.isSynchronized() && state != TcpState.TIME_WAIT) {
            fail(TcpError.ABORTED, true, nowNanos);
            return;
        }
        closeSending(nowNanos);
        if (state == TcpState.FIN_WAIT_2) {
            tcp.timers().schedule(closeTimer, nowNanos + config.finWait2TimeoutNanos());
        }
        tcp.releaseIfDone(this);
    }

    /** Aborts: a reset to the peer when {@code sendReset} and the connection is synchronized, then CLOSED. */
    void fail(TcpError why, boolean sendReset, long nowNanos) {
        if (sendReset && state.isSynchronized() && state != TcpState.TIME_WAIT) {
            tcp.sendReset(this);
        }
        error = why;
        enterClosed(nowNanos);
    }

    void moveTo(TcpState next) {
        state = next;
        if (next == TcpState.ESTABLISHED) {
            tcp.count(TcpEvent.CONNECTIONS_ESTABLISHED);
        }
        notifyOwner();
    }

    /** TIME-WAIT for 2·MSL (RFC 9293 §3.10.7.4): nothing but the peer's repeated FIN gets an answer. */
    void enterTimeWait(long nowNanos) {
        moveTo(TcpState.TIME_WAIT);
        cancelTimers();
        tcp.timers().schedule(closeTimer, nowNanos + config.timeWaitNanos());
    }

    void enterClosed(long nowNanos) {
        cancelTimers();
        if (state != TcpState.CLOSED) {
            tcp.count(TcpEvent.CONNECTIONS_CLOSED);
        }
        moveTo(TcpState.CLOSED);
        tcp.connectionClosed(this);
    }

    private void cancelTimers() {
        TimerQueue t = tcp.timers();
        t.cancel(retransmitTimer);
        t.cancel(probeTimer);
        t.cancel(delayedAckTimer);
        t.cancel(persistTimer);
        t.cancel(flushTimer);
        t.cancel(keepaliveTimer);
        t.cancel(closeTimer);
    }

    void notifyOwner() {
        ConnectionEvents e = events;
        if (e != null) {
            e.onConnectionChanged(this);
        }
    }

    @Override
    public String toString() {
        return "tcp " + io.slipway.ip.Ipv4Address.format(localAddress) + ":" + localPort + " -> "
                + io.slipway.ip.Ipv4Address.format(remoteAddress) + ":" + remotePort + " " + state;
    }
}
