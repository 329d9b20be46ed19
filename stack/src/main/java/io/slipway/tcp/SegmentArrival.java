package io.slipway.tcp;

/**
 * What an arriving segment does to a connection: RFC 9293 §3.10.7.3 (SYN-SENT) and §3.10.7.4
 * (every later state), step by step as the RFC orders them — sequence number, RST, SYN, ACK,
 * segment text, FIN — with RFC 5961's challenge ACKs for blind RST and SYN attacks and RFC 5681's
 * duplicate-ACK rules. The one state machine of TCP: every transition caused by the peer is here.
 * LISTEN and CLOSED have no connection; {@link Tcp} handles them (§3.10.7.1–3.10.7.2).
 */
final class SegmentArrival {
    private SegmentArrival() {
    }

    /** Processes one segment for {@code c}, then sends what the connection now owes. */
    static void process(TcpConnection c, Segment s, long nowNanos) {
        if (!s.has(TcpHeader.SYN)) {
            s.window <<= c.sndWindowShift; // RFC 7323 §2.3: every window but a SYN's is scaled
        }
        c.lastReceivedNanos = nowNanos;
        c.keepaliveProbesSent = 0;
        if (c.state == TcpState.SYN_SENT) {
            synSent(c, s, nowNanos);
        } else if (c.state.isSynchronized()) {
            synchronizedState(c, s, nowNanos);
        }
        if (c.state != TcpState.CLOSED) {
            c.output(nowNanos);
        }
    }

    // ---------------------------------------------------------------- SYN-SENT (§3.10.7.3)

    private static void synSent(TcpConnection c, Segment s, long nowNanos) {
        Tcp tcp = c.tcp;
        boolean ackAcceptable = false;
        if (s.has(TcpHeader.ACK)) {
            // "If SEG.ACK =< ISS or SEG.ACK > SND.NXT, send a reset (unless the RST bit is set)."
            if (Seq.le(s.ack, c.iss) || Seq.gt(s.ack, c.sndMax)) {
                if (!s.has(TcpHeader.RST)) {
                    tcp.sendReset(c.localAddress, c.localPort, c.remoteAddress, c.remotePort, s.ack, 0, false);
                }
                return;
            }
            ackAcceptable = true;
        }
        if (s.has(TcpHeader.RST)) {
            // RFC 5961 §3.2: in SYN-SENT a reset counts only with an acceptable ACK.
            if (ackAcceptable) {
                tcp.count(TcpEvent.RESETS_IN);
                c.fail(TcpError.REFUSED, false, nowNanos);
            }
            return;
        }
        if (!s.has(TcpHeader.SYN)) {
            return;
        }
        c.initReceive(s.seq);
        c.negotiate(s.options, nowNanos);
        if (ackAcceptable) {
            c.sndUna = s.ack;
        }
        if (Seq.gt(c.sndUna, c.iss)) {
            // Our SYN is acknowledged: ESTABLISHED, and our ACK completes the handshake.
            c.tcp.timers().cancel(c.retransmitTimer);
            c.rtt.onAck(s.ack, nowNanos);
            if (c.retries > 0) {
                c.rtt.reinitializeAfterSynTimeout(); // RFC 6298 §5.7: a SYN was lost, start data at 3 s
            }
            c.retries = 0;
            updateWindow(c, s.seq, s.ack, s.window);
            c.moveTo(TcpState.ESTABLISHED);
            c.ackNow = true;
            s.seq += 1; // the SYN's sequence number is taken: any data follows it
            s.flags &= ~TcpHeader.SYN;
            text(c, s, nowNanos);
            fin(c, s, nowNanos);
        } else {
            // Simultaneous open: both sides sent SYNs (RFC 9293 §3.5, figure 7).
            c.moveTo(TcpState.SYN_RECEIVED);
            c.sndWnd = s.window;
            c.sndWl1 = s.seq;
            c.sndWl2 = s.ack;
            tcp.sendSyn(c, true, nowNanos);
        }
    }

    // ---------------------------------------------------------------- synchronized states (§3.10.7.4)

    private static void synchronizedState(TcpConnection c, Segment s, long nowNanos) {
        Tcp tcp = c.tcp;
        if (c.state == TcpState.SYN_RECEIVED && s.has(TcpHeader.SYN) && !s.has(TcpHeader.ACK) && s.seq == c.irs) {
            tcp.sendSyn(c, true, nowNanos); // the peer's SYN again: our SYN-ACK was lost (as Linux answers)
            return;
        }
        if (c.state == TcpState.SYN_RECEIVED && s.has(TcpHeader.SYN) && s.has(TcpHeader.ACK) && s.seq == c.irs
                && s.ack == c.iss + 1 && !s.has(TcpHeader.RST)) {
            // Simultaneous open (RFC 9293 figure 8): the peer's SYN-ACK acknowledges our SYN. By the
            // acceptance test it is old (its SYN precedes RCV.NXT) and only our ACK would move the
            // peer on; taking it as the ACK of our SYN, as Linux does, completes our side too.
            tcp.timers().cancel(c.retransmitTimer);
            c.retries = 0;
            c.moveTo(TcpState.ESTABLISHED);
            updateWindow(c, s.seq, s.ack, s.window);
            newAck(c, s, nowNanos);
            c.ackNow = true;
            return;
        }
        if (c.timestampsOk && !timestampsAcceptable(c, s, nowNanos)) {
            return;
        }
        // first: is the segment in the receive window?
        int window = Math.max(0, c.rcvAdvertisedEdge - c.rcvNxt);
        if (!acceptable(s.seq, s.length(), c.rcvNxt, window)) {
            boolean zeroWindowAck = window == 0 && s.seq == c.rcvNxt && s.has(TcpHeader.ACK);
            if (!zeroWindowAck) {
                if (!s.has(TcpHeader.RST)) {
                    tcp.count(TcpEvent.DROP_OUT_OF_WINDOW);
                    c.ackNow = true; // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
                    if (c.state == TcpState.TIME_WAIT && s.has(TcpHeader.FIN)) {
                        tcp.timers().schedule(c.closeTimer, nowNanos + c.config.timeWaitNanos());
                    }
                }
                return;
            }
            // RFC 9293: "special allowance should be made to accept valid ACKs" at a zero window;
            // the data is not taken, and the ACK says so (RCV.NXT and the zero window, §3.8.6).
            if (s.payloadLength > 0 || s.has(TcpHeader.FIN)) {
                c.ackNow = true;
            }
            s.payloadLength = 0;
            s.flags &= ~(TcpHeader.FIN | TcpHeader.SYN);
        }
        if (c.timestampsOk && s.options.timestamps() && Seq.ge((int) s.options.tsValue(), c.tsRecent)
                && Seq.le(s.seq, c.lastAckSent)) {
            // RFC 7323 §4.3: the TSval to echo is the one of the segment that set Last.ACK.sent's
            // moment — so a delayed ACK's RTT includes its delay, and old segments change nothing.
            c.tsRecent = (int) s.options.tsValue();
            c.tsRecentNanos = nowNanos;
        }
        trimToWindow(c, s, window);

        // second: RST (RFC 5961 §3.2: exactly at RCV.NXT, else a challenge ACK)
        if (s.has(TcpHeader.RST) && c.state == TcpState.TIME_WAIT) {
            return; // RFC 1337: a reset must not cut TIME-WAIT short ("TIME-WAIT assassination")
        }
        if (s.has(TcpHeader.RST)) {
            if (s.seq != c.rcvNxt) {
                tcp.challengeAck(c);
                return;
            }
            tcp.count(TcpEvent.RESETS_IN);
            switch (c.state) {
                case SYN_RECEIVED -> {
                    if (c.listener != null) {
                        tcp.abandonHalfOpen(c, nowNanos); // passive open: back to LISTEN
                    } else {
                        c.fail(TcpError.REFUSED, false, nowNanos);
                    }
                }
                case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT -> {
                    tcp.count(TcpEvent.CONNECTIONS_RESET);
                    c.fail(TcpError.RESET, false, nowNanos);
                }
                default -> c.enterClosed(nowNanos); // CLOSING, LAST-ACK, TIME-WAIT
            }
            return;
        }

        // fourth: a SYN in a synchronized state (RFC 5961 §4.2: a challenge ACK, whatever its number)
        if (s.has(TcpHeader.SYN)) {
            tcp.challengeAck(c);
            return;
        }

        // fifth: the ACK
        if (!s.has(TcpHeader.ACK)) {
            return;
        }
        if (!ack(c, s, nowNanos)) {
            return;
        }
        if (c.state == TcpState.CLOSED) {
            return;
        }
        // seventh and eighth: the text, the FIN
        text(c, s, nowNanos);
        if (c.state != TcpState.CLOSED) {
            fin(c, s, nowNanos);
        }
    }

    /**
     * RFC 7323 with timestamps agreed: a segment without them is silently dropped (§3.2), and
     * PAWS (§5.3 R1) rejects one whose TSval is older than TS.Recent — an old duplicate from
     * before the sequence numbers wrapped — answering it with an ACK, unless it is a reset. A
     * TS.Recent idle for over 24 days is no longer valid (§5.5) and rejects nothing.
     */
    private static boolean timestampsAcceptable(TcpConnection c, Segment s, long nowNanos) {
        if (!s.options.timestamps()) {
            if (s.has(TcpHeader.RST)) {
                return true; // RFC 7323 §3.2: a reset may come without them
            }
            c.tcp.count(TcpEvent.DROP_NO_TIMESTAMP);
            return false;
        }
        boolean valid = nowNanos - c.tsRecentNanos <= TcpConnection.PAWS_IDLE_NANOS;
        if (valid && Seq.lt((int) s.options.tsValue(), c.tsRecent) && !s.has(TcpHeader.RST)) {
            c.tcp.count(TcpEvent.DROP_PAWS);
            c.ackNow = true;
            return false;
        }
        return true;
    }

    /**
     * RFC 9293 §3.10.7.4's acceptance test: a segment is acceptable when any of it falls in
     * [RCV.NXT, RCV.NXT + RCV.WND); with a zero window only an empty segment at RCV.NXT is.
     *
     * <p>One difference, as 4.4BSD's tcp_input and Linux's tcp_sequence have it: an empty segment
     * exactly at the right edge, RCV.NXT + RCV.WND, is acceptable too. A peer that has filled our
     * window sends its pure ACKs there (SEG.SEQ = SND.NXT); by the letter of the test they are all
     * dropped, with their acknowledgements, and each earns an ACK in reply. When both ends have
     * filled each other's window and data was lost, those replies are themselves at the edge:
     * an endless exchange of ACKs that no end accepts, until the connection times out.
     */
    static boolean acceptable(int seq, int length, int rcvNxt, int window) {
        if (length == 0) {
            return window == 0 ? seq == rcvNxt : Seq.between(rcvNxt, seq, rcvNxt + window + 1);
        }
        if (window == 0) {
            return false;
        }
        return Seq.between(rcvNxt, seq, rcvNxt + window) || Seq.between(rcvNxt, seq + length - 1, rcvNxt + window);
    }

    /** Cuts off what lies before RCV.NXT (already received) and beyond the window (RFC 9293 §3.10.7.4). */
    private static void trimToWindow(TcpConnection c, Segment s, int window) {
        int old = c.rcvNxt - s.seq;
        if (old > 0 && !s.has(TcpHeader.SYN)) {
            int cut = Math.min(old, s.payloadLength);
            s.trimFront(cut);
            if (old > cut) {
                s.flags &= ~TcpHeader.FIN; // the rest of the old part was the FIN, already seen
            }
        }
        int beyond = (s.seq + s.payloadLength) - (c.rcvNxt + window);
        if (beyond > 0) {
            s.payloadLength = Math.max(0, s.payloadLength - beyond);
            s.flags &= ~TcpHeader.FIN; // its FIN lies outside the window too
        }
    }

    /** Fifth step: the ACK. False when the segment must be dropped here. */
    private static boolean ack(TcpConnection c, Segment s, long nowNanos) {
        Tcp tcp = c.tcp;
        if (c.state != TcpState.SYN_RECEIVED
                && (Seq.gt(s.ack, c.sndMax) || Seq.lt(s.ack, c.sndUna - Math.max(c.maxSndWnd, 1)))) {
            // RFC 5961 §5.2: acceptable from SND.UNA - MAX.SND.WND to SND.NXT (the highest sent).
            c.ackNow = true;
            return false;
        }
        if (c.state == TcpState.SYN_RECEIVED) {
            if (!(Seq.lt(c.sndUna, s.ack) && Seq.le(s.ack, c.sndMax))) {
                tcp.sendReset(c.localAddress, c.localPort, c.remoteAddress, c.remotePort, s.ack, 0, false);
                return false;
            }
            if (c.listener != null && c.listener.acceptQueueFull()) {
                // No room to queue it: leave it half-open; the SYN-ACK's retransmission asks again.
                tcp.count(TcpEvent.DROP_ACCEPT_QUEUE_FULL);
                return false;
            }
            tcp.timers().cancel(c.retransmitTimer);
            if (c.retries > 0) {
                c.rtt.reinitializeAfterSynTimeout(); // RFC 6298 §5.7
            }
            c.retries = 0;
            c.moveTo(TcpState.ESTABLISHED);
            updateWindow(c, s.seq, s.ack, s.window);
            newAck(c, s, nowNanos);
            tcp.established(c);
            return true;
        }
        c.persistProbes = 0; // the peer answers: zero-window probing never gives up on it (RFC 1122 §4.2.2.17)
        boolean duplicate = isDuplicateAck(c, s);
        if (c.probe.outstanding && c.probe.retransmitted && dsackCoversProbe(c, s)) {
            c.probe.outstanding = false; // RFC 8985 §7.4.2: a D-SACK of the copy, so both arrived
        }
        int newlySacked = 0;
        if (c.sackOk && s.options.sackBlockCount() > 0) {
            newlySacked = c.recordSack(s.options); // RFC 6675 §4 Update()
        }
        boolean advanced = Seq.gt(s.ack, c.sndUna);
        if (c.probe.outstanding) {
            probeAnswered(c, s, advanced, newlySacked);
        }
        if (advanced) {
            newAck(c, s, nowNanos);
        } else if (duplicate) {
            if (c.congestion.onDuplicateAck(c.sndUna, c.sndMax, c.sndMax - c.sndUna)) {
                fastRetransmit(c, nowNanos);
            }
        }
        if (c.sackOk && !c.scoreboard.isEmpty() && !c.congestion.inFastRecovery()) {
            // RFC 6675 §5 (4): IsLost(HighACK + 1) before three duplicates; or RFC 5827's early
            // retransmit, when too few segments are out for three duplicates ever to come.
            boolean lost = c.scoreboard.isLost(c.sndUna, c.sendMss);
            boolean early = !lost && c.earlyRetransmitDue();
            if ((lost || early) && c.congestion.onSackedLoss(c.sndUna, c.sndMax, c.sndMax - c.sndUna)) {
                if (early) {
                    tcp.count(TcpEvent.EARLY_RETRANSMITS);
                }
                fastRetransmit(c, nowNanos);
            }
        }
        if (c.sackOk) {
            c.resendLostRetransmission(nowNanos);
        }
        // RFC 9293 §3.10.7.4: take the window from the newest segment only.
        if (Seq.lt(c.sndWl1, s.seq) || (c.sndWl1 == s.seq && Seq.le(c.sndWl2, s.ack))) {
            updateWindow(c, s.seq, s.ack, s.window);
        }
        boolean finAcked = c.finAcknowledged();
        switch (c.state) {
            case FIN_WAIT_1 -> {
                if (finAcked) {
                    c.moveTo(TcpState.FIN_WAIT_2);
                    if (c.orphan) {
                        tcp.timers().schedule(c.closeTimer, nowNanos + c.config.finWait2TimeoutNanos());
                    }
                }
            }
            case CLOSING -> {
                if (finAcked) {
                    c.enterTimeWait(nowNanos);
                }
            }
            case LAST_ACK -> {
                if (finAcked) {
                    c.enterClosed(nowNanos);
                    return false;
                }
            }
            default -> {
            }
        }
        return true;
    }

    /**
     * RFC 8985 §7.4: what an ACK says of the outstanding tail loss probe. SACKed above a hole:
     * everything unSACKed below the probe was lost (see {@link TailLossProbe}), and recovery
     * starts from the scoreboard. Acknowledged: a probe of new data is done (any loss below it
     * shows in SACK blocks); a resend that the ACK passes with no duplicate ACK first (the answer
     * to the second copy) repaired a loss alone, and cwnd is reduced; a pure duplicate ACK — no
     * data, nothing newly SACKed, a D-SACK at most — says both copies arrived, so nothing was lost.
     */
    private static void probeAnswered(TcpConnection c, Segment s, boolean advanced, int newlySacked) {
        TailLossProbe probe = c.probe;
        int probeDataEnd = probeDataEnd(c);
        if (newlySacked > 0 && Seq.lt(probe.start, probeDataEnd)
                && Seq.ge(c.scoreboard.skipSacked(probe.start), probeDataEnd)) {
            probe.outstanding = false;
            if (Seq.lt(advanced ? s.ack : c.sndUna, probe.start)) {
                c.scoreboard.markLostBelow(probe.start);
                c.tcp.count(TcpEvent.LOSS_PROBE_RECOVERIES);
            }
            return;
        }
        if (Seq.lt(s.ack, probe.end)) {
            return;
        }
        if (!probe.retransmitted) {
            probe.outstanding = false;
        } else if (Seq.gt(s.ack, probe.end)) {
            probe.outstanding = false;
            c.tcp.count(TcpEvent.LOSS_PROBE_RECOVERIES);
            c.congestion.onTailLossRepaired();
        } else if (!advanced && s.payloadLength == 0 && newlySacked == 0) {
            probe.outstanding = false;
        }
    }

    /** Where the probe's data ends: a FIN it carried is never SACKed (see {@link TcpConnection#recordSack}). */
    private static int probeDataEnd(TcpConnection c) {
        TailLossProbe probe = c.probe;
        return c.finNumbered && Seq.gt(probe.end, c.finSequence) ? c.finSequence : probe.end;
    }

    /**
     * Whether the first SACK block is a D-SACK (RFC 2883 §4: at or below the cumulative ACK)
     * reporting the probe's resent data as received twice. Checked before the scoreboard takes
     * the blocks, which ignores those below SND.UNA.
     */
    private static boolean dsackCoversProbe(TcpConnection c, Segment s) {
        if (!c.sackOk || s.options.sackBlockCount() == 0) {
            return false;
        }
        TailLossProbe probe = c.probe;
        int probeDataEnd = probeDataEnd(c);
        int left = s.options.sackLeft(0);
        int right = s.options.sackRight(0);
        return Seq.le(right, s.ack) && Seq.le(left, probe.start) && Seq.ge(right, probeDataEnd)
                && Seq.lt(probe.start, probeDataEnd);
    }

    /** RFC 5681 §3.2 step 2, or RFC 6675 §5 step (4) when the peer SACKs: the segment at SND.UNA again. */
    private static void fastRetransmit(TcpConnection c, long nowNanos) {
        c.tcp.count(TcpEvent.FAST_RETRANSMITS);
        if (c.congestion.inSackRecovery()) {
            c.startSackRecovery(nowNanos);
        } else {
            c.retransmitFirst(nowNanos);
        }
    }

    /** RFC 5681 §2: a duplicate ACK carries no data, no SYN or FIN, acknowledges SND.UNA, keeps the window. */
    private static boolean isDuplicateAck(TcpConnection c, Segment s) {
        return c.sndMax != c.sndUna && s.payloadLength == 0 && !s.has(TcpHeader.SYN) && !s.has(TcpHeader.FIN)
                && s.ack == c.sndUna && s.window == c.sndWnd;
    }

    /** SND.UNA moves to {@code ack}: the acknowledged bytes leave the send ring (RFC 9293 §3.10.7.4). */
    private static void newAck(TcpConnection c, Segment s, long nowNanos) {
        int ack = s.ack;
        int acked = ack - c.sndUna;
        int flightBefore = c.sndMax - c.sndUna;
        int control = (c.sndUna == c.iss ? 1 : 0)
                + (c.finNumbered && Seq.gt(ack, c.finSequence) && !Seq.gt(c.sndUna, c.finSequence) ? 1 : 0);
        int data = Math.min(Math.max(0, acked - control), c.sendRing.size());
        c.sendRing.skip(data);
        if (c.finNumbered && Seq.gt(ack, c.finSequence)) {
            c.finSent = true; // acknowledged, perhaps after a timeout went back before it: never again
        }
        c.sndUna = ack;
        if (c.scoreboard.ackedTo(ack)) {
            c.tcp.count(TcpEvent.SACK_RENEGED);
        }
        if (Seq.lt(c.sndNxt, ack)) {
            c.sndNxt = ack;
        }
        if (c.timestampsOk && s.options.timestamps() && s.options.tsEcho() != 0) {
            // RFC 7323 §4.1: an RTT sample from every ACK of new data, retransmitted or not: TSecr
            // tells which transmission it answers, so Karn's ambiguity is gone.
            c.rtt.sample(Math.max(0, c.tsValue(nowNanos) - (int) s.options.tsEcho()) * 1_000_000L);
        } else {
            c.rtt.onAck(ack, nowNanos);
        }
        c.retries = 0;
        c.softError = null;
        if (c.congestion.onAdvancingAck(ack, acked - control, flightBefore)) {
            c.retransmitFirst(nowNanos); // RFC 6582 §3.2 step 5: a partial ACK
        } else if (c.congestion.inSackRecovery() && c.scoreboard.isEmpty() && c.sndNxt == c.sndMax
                && c.sndUna != c.sndMax) {
            c.retransmitFirstWithoutBlocks(nowNanos);
        }
        // RFC 6298 §5.2–5.3: stop the timer when all is acknowledged, else restart it; the output
        // that follows puts the probe timer in its place when a probe may go (RFC 8985 §7.2).
        if (c.sndUna == c.sndMax) {
            c.tcp.timers().cancel(c.retransmitTimer);
            c.tcp.timers().cancel(c.probeTimer);
        } else if (c.probeTimer.isScheduled()) {
            c.probe.rtoDeadline = nowNanos + c.rtt.rto(); // the RTO the probe timer stands in for
            c.probe.restartDue = true;
        } else {
            c.tcp.timers().schedule(c.retransmitTimer, nowNanos + c.rtt.rto());
            c.probe.restartDue = true;
        }
        c.notifyOwner(); // room in the send ring
    }

    private static void updateWindow(TcpConnection c, int seq, int ack, int window) {
        c.sndWnd = window;
        c.sndWl1 = seq;
        c.sndWl2 = ack;
        c.maxSndWnd = Math.max(c.maxSndWnd, window);
    }

    /**
     * Seventh step: the segment's data. In order: into the receive ring, pulling in what the
     * out-of-order assembler holds; out of order: kept ahead in the ring and answered at once with
     * a duplicate ACK (RFC 5681 §4.2, RFC 9293 §3.10.7.4).
     */
    private static void text(TcpConnection c, Segment s, long nowNanos) {
        if (s.payloadLength == 0 || !c.state.canReceive()) {
            return;
        }
        if (c.orphan) {
            // Nobody will ever read it: tell the peer, as Linux does (RFC 9293 §3.10.4's "data lost").
            c.fail(TcpError.ABORTED, true, nowNanos);
            return;
        }
        int offset = s.seq - c.rcvNxt;
        if (offset == 0) {
            int n = c.receiveRing.writeAt(0, s.data, s.payloadOffset, s.payloadLength);
            int more = c.outOfOrder.contiguousAfterInOrder(n);
            c.receiveRing.commit(n + more);
            c.rcvNxt += n + more;
            if (c.finOffset >= 0) {
                c.finOffset -= n + more;
            }
            if (!c.outOfOrder.isEmpty()) {
                c.sendAck(nowNanos); // still holes: at once, and with its SACK blocks (see below)
            } else if (more > 0) {
                c.ackNow = true; // the last hole filled: ACK at once (RFC 5681 §4.2)
            } else {
                c.ackLater(n, nowNanos);
            }
            c.notifyOwner();
        } else {
            int n = c.receiveRing.writeAt(offset, s.data, s.payloadOffset, s.payloadLength);
            if (n <= 0 || !c.outOfOrder.add(offset, offset + n)) {
                c.tcp.count(TcpEvent.DROP_OUT_OF_ORDER_FULL);
            } else if (s.has(TcpHeader.FIN) && n == s.payloadLength) {
                c.finOffset = offset + n;
            }
            // RFC 5681 §4.2: an immediate duplicate ACK — a pure one, now, not the ACK field of
            // our next data segment: a sender counts only ACKs without data as duplicates (§2),
            // and only pure ACKs carry our SACK blocks, so a piggybacked one would hide the loss
            // from a peer sending to us while we send to it, and leave it to the peer's timer.
            c.sendAck(nowNanos);
        }
    }

    /** Eighth step: the FIN, once everything before it has arrived (RFC 9293 §3.10.7.4). */
    private static void fin(TcpConnection c, Segment s, long nowNanos) {
        boolean inOrder = (s.has(TcpHeader.FIN) && s.seq + s.payloadLength == c.rcvNxt) || c.finOffset == 0;
        if (!inOrder) {
            if (s.has(TcpHeader.FIN) && s.payloadLength == 0 && Seq.gt(s.seq, c.rcvNxt)) {
                c.finOffset = s.seq - c.rcvNxt; // a bare FIN ahead of missing data
                c.ackNow = true;
            }
            return;
        }
        if (c.finReceived) {
            return;
        }
        c.rcvNxt += 1;
        c.finOffset = -1;
        c.finReceived = true;
        c.ackNow = true;
        switch (c.state) {
            case SYN_RECEIVED, ESTABLISHED -> c.moveTo(TcpState.CLOSE_WAIT);
            case FIN_WAIT_1 -> {
                if (c.finAcknowledged()) {
                    c.enterTimeWait(nowNanos);
                } else {
                    c.moveTo(TcpState.CLOSING);
                }
            }
            case FIN_WAIT_2 -> c.enterTimeWait(nowNanos);
            default -> c.notifyOwner();
        }
    }
}
