package io.slipway.tcp;

import io.slipway.base.Counters;
import io.slipway.base.EphemeralPorts;
import io.slipway.base.PacketBuffer;
import io.slipway.base.TimerQueue;
import io.slipway.icmp.Icmp;
import io.slipway.icmp.TransportErrorListener;
import io.slipway.ip.IcmpTypes;
import io.slipway.ip.IpInterface;
import io.slipway.ip.IpProtocol;
import io.slipway.ip.Ipv4;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Header;
import io.slipway.ip.ProtocolHandler;
import io.slipway.ip.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;

/**
 * TCP for one stack (RFC 9293): the connection table and its listeners, demultiplexing of
 * arriving segments (RFC 9293 §3.10.7: CLOSED and LISTEN here, every other state in
 * {@link SegmentArrival}), the building of every segment sent, resets for segments nobody
 * expects, and ICMP errors (RFC 1122 §4.2.3.9).
 *
 * <p>Connections come from a pool of {@link TcpConfig#maxConnections()} allocated once, rings and
 * all: memory is fixed by configuration, and opening a connection allocates nothing large. The
 * table is searched linearly (tens of connections); issue 6's thousand will want a hash.
 *
 * <p>Single-threaded (the stack thread), but for {@link #requestOutput}, which application
 * threads call. Nothing allocates per segment.
 */
public final class Tcp implements ProtocolHandler, TransportErrorListener {
    private final Ipv4 ip;
    private final TcpConfig config;
    private final TimerQueue timers;
    private final Runnable wakeStack;
    private final TcpConnection[] pool;
    private final boolean[] inUse;
    private final List<Listener> listeners = new ArrayList<>();
    private final EphemeralPorts ephemeral;
    private final InitialSequenceNumbers isns;
    private final Counters<TcpEvent> events = new Counters<>(TcpEvent.class);
    private final TcpHeader rxHeader = new TcpHeader();
    private final TcpHeader txHeader = new TcpHeader();
    private final TcpOptions synOptions = new TcpOptions();
    private final Segment segment = new Segment();
    private final PacketBuffer txBuffer;
    /**
     * Where a segment starts in {@link #txBuffer}: IP's headroom and one link header more, so
     * that a frame still has a link header's room in front (a receiving driver keeps that much,
     * for forwarding) once its link header is on. A receiver on a cable that exchanges arrays
     * can then keep the very array; at {@link Ipv4#HEADROOM} an Ethernet frame starts at 0 and
     * would be copied.
     */
    private static final int HEADROOM = Ipv4.HEADROOM + Ipv4.LINK_HEADROOM;
    private final AtomicBoolean outputRequested = new AtomicBoolean();
    /** RFC 5961 §7: challenge ACKs sent in the current second, and this second's limit. */
    private long challengeSecond = Long.MIN_VALUE;
    private int challengesThisSecond;
    private int challengeLimit;
    private final RandomGenerator random;
    private final SynCookies cookies;
    /** The SACK blocks of the ACK being sent; reused. */
    private final TcpOptions ackOptions = new TcpOptions();
    /** When the last cookie went out: only then are ACKs to a listener checked for one. */
    private long cookieSentNanos;
    private boolean cookieSent;

    public Tcp(Ipv4 ip, Icmp icmp, TcpConfig config, TimerQueue timers, RandomGenerator random, Runnable wakeStack) {
        this.ip = ip;
        this.config = config;
        this.timers = timers;
        this.wakeStack = wakeStack;
        this.pool = new TcpConnection[config.maxConnections()];
        this.inUse = new boolean[config.maxConnections()];
        this.ephemeral = new EphemeralPorts(config.ephemeralFirst(), config.ephemeralLast(), random);
        this.isns = InitialSequenceNumbers.random(random);
        this.cookies = new SynCookies(random);
        this.random = random;
        // As large as a datagram may be, since a segment cut for segmentation offload can be;
        // exchangeable, so that an adapter that trades arrays takes a segment without a copy.
        // Nothing here keeps its array across a send: each segment is built from data() anew.
        this.txBuffer = PacketBuffer.exchangeable(HEADROOM);
        ip.register(IpProtocol.TCP, this);
        icmp.registerErrorListener(IpProtocol.TCP, this);
    }

    public Counters<TcpEvent> events() {
        return events;
    }

    public TcpConfig config() {
        return config;
    }

    TimerQueue timers() {
        return timers;
    }

    /** A fresh random number for a connection (its timestamp clock's offset). */
    int randomInt() {
        return random.nextInt();
    }

    void count(TcpEvent e) {
        events.increment(e);
    }

    // ---------------------------------------------------------------- opening and closing (stack thread)

    /**
     * An active open (RFC 9293 §3.10.1): a SYN to {@code remote:port} from {@code localPort} (0:
     * an ephemeral one, RFC 6056, avoiding the ports {@code alsoInUse} says are bound elsewhere).
     * Returns the connection in SYN-SENT, or the reason it cannot.
     */
    public TcpConnection connect(int localAddress, int localPort, int remote, int remotePort, long nowNanos,
            IntPredicate alsoInUse, OpenResult[] why) {
        int source = localAddress != Ipv4Address.ANY ? localAddress : ip.sourceAddressFor(remote);
        int mtu = ip.mtuFor(remote);
        if (source == Ipv4Address.ANY || mtu == 0) {
            why[0] = OpenResult.NO_ROUTE;
            return null;
        }
        if (localPort == 0) {
            localPort = ephemeral.choose(p -> portInUse(p) || alsoInUse.test(p));
            if (localPort < 0) {
                why[0] = OpenResult.NO_FREE_PORT;
                return null;
            }
        } else if (find(source, localPort, remote, remotePort) != null) {
            why[0] = OpenResult.ADDRESS_IN_USE;
            return null;
        }
        TcpConnection c = allocate();
        if (c == null) {
            why[0] = OpenResult.NO_FREE_CONNECTION;
            return null;
        }
        c.reset(source, localPort, remote, remotePort);
        c.offerTimestamps = ip.tcpTimestampsFor(remote);
        c.initSend(isns.next(source, localPort, remote, remotePort, nowNanos), mtu, ip.segmentOffloadFor(remote),
                nowNanos);
        c.checksumOffload = ip.checksumOffloadFor(remote);
        c.state = TcpState.SYN_SENT;
        count(TcpEvent.CONNECTIONS_OPENED_ACTIVE);
        sendSyn(c, false, nowNanos);
        why[0] = OpenResult.OK;
        return c;
    }

    /** A passive open on {@code address:port} (ANY for every address), queueing up to {@code backlog}. */
    public Listener listen(int address, int port, int backlog, OpenResult[] why) {
        for (Listener l : listeners) {
            if (l.localPort == port && (l.localAddress == address || l.localAddress == Ipv4Address.ANY
                    || address == Ipv4Address.ANY)) {
                why[0] = OpenResult.ADDRESS_IN_USE;
                return null;
            }
        }
        if (address != Ipv4Address.ANY && !ip.isLocalAddress(address)) {
            why[0] = OpenResult.ADDRESS_NOT_AVAILABLE;
            return null;
        }
        Listener l = new Listener(address, port, Math.max(1, backlog));
        listeners.add(l);
        why[0] = OpenResult.OK;
        return l;
    }

    /** The next established connection of {@code l}, or null when none is waiting. */
    public TcpConnection accept(Listener l) {
        TcpConnection c = l.acceptQueue.poll();
        l.queueChanged();
        if (c != null) {
            c.listener = null;
        }
        return c;
    }

    /** Stops listening: connections not yet accepted, half-open ones too, are reset (RFC 9293 §3.10.4). */
    public void closeListener(Listener l, long nowNanos) {
        listeners.remove(l);
        l.closed = true;
        for (TcpConnection c : l.acceptQueue) {
            c.listener = null;
            c.orphan = true;
            c.fail(TcpError.ABORTED, true, nowNanos);
        }
        l.acceptQueue.clear();
        l.queueChanged();
        l.notifyReady();
        for (int i = 0; i < pool.length; i++) {
            TcpConnection c = pool[i];
            if (inUse[i] && c.listener == l) {
                c.listener = null;
                c.orphan = true;
                c.fail(TcpError.ABORTED, true, nowNanos);
            }
        }
    }

    /** A local port is taken when a listener or any connection (TIME-WAIT too) uses it. */
    public boolean portInUse(int port) {
        for (Listener l : listeners) {
            if (l.localPort == port) {
                return true;
            }
        }
        for (int i = 0; i < pool.length; i++) {
            if (inUse[i] && pool[i].localPort == port && pool[i].state != TcpState.CLOSED) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a listener may bind {@code address:port}: not while another listener has it. As if
     * SO_REUSEADDR were set, connections lingering in TIME-WAIT on the port do not stop a server
     * from starting again.
     */
    public boolean listenerPortFree(int address, int port) {
        for (Listener l : listeners) {
            if (l.localPort == port && (l.localAddress == address || l.localAddress == Ipv4Address.ANY
                    || address == Ipv4Address.ANY)) {
                return false;
            }
        }
        return true;
    }

    public boolean isLocalAddress(int address) {
        return ip.isLocalAddress(address);
    }

    /** The application gives the connection up: graceful close, or a reset with unread data. */
    public void close(TcpConnection c, long nowNanos) {
        c.closeByApplication(nowNanos);
    }

    /** shutdown(SHUT_WR): a FIN after the queued data; reading goes on. */
    public void shutdownOutput(TcpConnection c, long nowNanos) {
        c.closeSending(nowNanos);
    }

    /** Abort (RFC 9293 §3.10.5): a reset, and the connection is gone at once. */
    public void abort(TcpConnection c, long nowNanos) {
        c.orphan = true;
        c.events = null;
        c.fail(TcpError.ABORTED, true, nowNanos);
        releaseIfDone(c);
    }

    private TcpConnection allocate() {
        for (int i = 0; i < pool.length; i++) {
            if (!inUse[i]) {
                if (pool[i] == null) {
                    pool[i] = new TcpConnection(this, config, i, timers);
                }
                inUse[i] = true;
                return pool[i];
            }
        }
        return null;
    }

    /** Connections in use now (any state but free), for tests and netstat. */
    public int connectionCount() {
        int n = 0;
        for (boolean b : inUse) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /**
     * Bytes (a FIN counting one) that connections hold and their peers have not yet acknowledged:
     * what a host about to stop should let TCP deliver, as a kernel goes on sending for a process
     * that closed its socket and exited.
     */
    public long unacknowledgedBytes() {
        long n = 0;
        for (int i = 0; i < pool.length; i++) {
            if (inUse[i]) {
                n += pool[i].unacknowledgedBytes();
            }
        }
        return n;
    }

    /** A snapshot of the connections in use, for netstat and tests. Allocates. */
    public List<TcpConnection> connections() {
        List<TcpConnection> list = new ArrayList<>();
        for (int i = 0; i < pool.length; i++) {
            if (inUse[i]) {
                list.add(pool[i]);
            }
        }
        return list;
    }

    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    // ---------------------------------------------------------------- bookkeeping from connections

    /** A handshake completed on a passive connection: from the half-open count to the accept queue. */
    void established(TcpConnection c) {
        count(TcpEvent.CONNECTIONS_OPENED_PASSIVE);
        Listener l = c.listener;
        if (l != null) {
            l.halfOpen--;
            l.acceptQueue.add(c);
            l.queueChanged();
            l.notifyReady();
        }
    }

    /** A reset to a passive SYN-RECEIVED: the connection is forgotten, the listener goes on (§3.10.7.4). */
    void abandonHalfOpen(TcpConnection c, long nowNanos) {
        c.orphan = true;
        c.enterClosed(nowNanos);
    }

    /** A connection reached CLOSED: free it unless an application still holds it. */
    void connectionClosed(TcpConnection c) {
        Listener l = c.listener;
        if (l != null) {
            // Never accepted, so nobody else will free it: half-open, or queued for accept.
            if (l.acceptQueue.remove(c)) {
                l.queueChanged();
            } else {
                l.halfOpen--;
            }
            c.listener = null;
            c.orphan = true;
        }
        releaseIfDone(c);
    }

    /** Frees the slot once the connection is CLOSED and no descriptor refers to it. */
    void releaseIfDone(TcpConnection c) {
        if (c.orphan && c.state == TcpState.CLOSED && inUse[c.slot]) {
            inUse[c.slot] = false;
        }
    }

    // ---------------------------------------------------------------- application requests

    /** App: {@code c} has new data to send or a window to update; the stack looks on its next turn. */
    void requestOutput(TcpConnection c) {
        outputRequested.set(true);
        wakeStack.run();
    }

    public boolean hasPendingWork() {
        return outputRequested.get();
    }

    /** Stack thread: serves the applications' requests. */
    public void poll(long nowNanos) {
        if (!outputRequested.getAndSet(false)) {
            return;
        }
        for (int i = 0; i < pool.length; i++) {
            TcpConnection c = pool[i];
            if (inUse[i] && c.outputRequested) {
                c.outputRequested = false;
                if (c.state.isSynchronized() && c.state != TcpState.TIME_WAIT && c.windowUpdateWorthSending()) {
                    c.ackNow = true; // RFC 9293 §3.8.6.2.2: the window opened by enough to say so
                }
                c.output(nowNanos);
            }
        }
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends one segment of {@code c}: {@code len} data bytes from the send ring at {@code ringOffset}
     * (bytes past SND.UNA), with RCV.NXT and the current window when ACK is set.
     */
    void sendSegment(TcpConnection c, int seq, int flags, int ringOffset, int len, long nowNanos) {
        TcpOptions options = null;
        if (c.timestampsOk) {
            // RFC 7323 §3.2: in every segment once agreed; TSecr echoes TS.Recent (§4.3).
            options = ackOptions.reset().setTimestamps(c.tsValue(nowNanos) & 0xFFFF_FFFFL, c.tsRecent & 0xFFFF_FFFFL);
        }
        if (len == 0 && (flags & ~TcpHeader.PSH) == TcpHeader.ACK) {
            options = sackBlocks(c, options);
        }
        int headerLength = TcpHeader.MIN_LENGTH + (options == null ? 0 : options.encodedLength());
        PacketBuffer b = txBuffer.reset(HEADROOM);
        int start = b.append(headerLength + len);
        if (len > 0) {
            c.sendRing.peek(ringOffset, b.data(), start + headerLength, len);
        }
        int window = c.receiveWindow();
        boolean ack = (flags & TcpHeader.ACK) != 0;
        TcpHeader h = txHeader.wrap(b.data(), start, headerLength + len);
        h.write(c.localPort, c.remotePort, seq, ack ? c.rcvNxt : 0, flags, window >>> c.rcvWindowShift, options);
        if (!c.checksumOffload) {
            h.updateChecksum(c.localAddress, c.remoteAddress, headerLength + len);
        } // else left 0 for the link to vouch for, as a card with checksum offload sums it

        if (ack) {
            c.ackSent(window);
        }
        transmit(b, c.localAddress, c.remoteAddress, c.lowDelay(seq, len, flags) ? Ipv4Header.TOS_LOW_DELAY : 0);
    }

    /**
     * RFC 2018 §4: the out-of-order data held beyond RCV.NXT, as SACK blocks — the block with the
     * segment that arrived last first, then the others, as many as fit beside the timestamps (three) —
     * added to {@code withTimestamps} (which may be null), returned as is when there is none to
     * report or SACK was not agreed. Only on pure ACKs: on a data segment the blocks would
     * take room the MSS promised to data (RFC 6691), so a piggy-backed ACK carries none.
     */
    private TcpOptions sackBlocks(TcpConnection c, TcpOptions withTimestamps) {
        OutOfOrderSegments held = c.outOfOrder;
        if (!c.sackOk || held.isEmpty()) {
            return withTimestamps;
        }
        if (withTimestamps == null) {
            ackOptions.reset();
        }
        int recent = held.mostRecentRange();
        if (recent >= 0) {
            ackOptions.addSackBlock(c.rcvNxt + held.start(recent), c.rcvNxt + held.end(recent));
        }
        for (int i = 0; i < held.rangeCount(); i++) {
            if (i != recent && !ackOptions.addSackBlock(c.rcvNxt + held.start(i), c.rcvNxt + held.end(i))) {
                break;
            }
        }
        return ackOptions;
    }

    /** Our SYN (SYN-SENT), or SYN-ACK (SYN-RECEIVED), with the MSS option (RFC 9293 §3.7.1). */
    void sendSyn(TcpConnection c, boolean withAck, long nowNanos) {
        synOptions.reset();
        synOptions.setMss(c.receiveMss);
        // RFC 2018 §2, RFC 7323 §2.2 and §3.2: each offered in our SYN (when on); in a SYN-ACK
        // only when the peer's SYN offered it too.
        TcpFeatures features = config.features();
        synOptions.setSackPermitted(withAck ? c.sackOk : features.sack());
        if (withAck ? c.windowScaleAgreed : features.windowScaling()) {
            synOptions.setWindowScale(c.ourWindowShift());
        }
        if (withAck ? c.timestampsOk : c.offerTimestamps && features.timestamps()) {
            synOptions.setTimestamps(c.tsValue(nowNanos) & 0xFFFF_FFFFL, withAck ? c.tsRecent & 0xFFFF_FFFFL : 0);
        }
        PacketBuffer b = txBuffer.reset(HEADROOM);
        int headerLength = TcpHeader.MIN_LENGTH + synOptions.encodedLength();
        int start = b.append(headerLength);
        int window = c.synWindow(); // RFC 7323 §2.2: the window in a SYN is never scaled
        int flags = TcpHeader.SYN | (withAck ? TcpHeader.ACK : 0);
        TcpHeader h = txHeader.wrap(b.data(), start, headerLength);
        h.write(c.localPort, c.remotePort, c.iss, withAck ? c.rcvNxt : 0, flags, window, synOptions);
        h.updateChecksum(c.localAddress, c.remoteAddress, headerLength);
        c.sndNxt = c.iss + 1;
        if (Seq.gt(c.sndNxt, c.sndMax)) {
            c.sndMax = c.sndNxt;
            c.rtt.startTiming(c.sndNxt, nowNanos);
        }
        if (withAck) {
            c.ackSent(window);
        }
        if (!c.retransmitTimer.isScheduled()) {
            timers.schedule(c.retransmitTimer, nowNanos + c.rtt.rto());
        }
        transmit(b, c.localAddress, c.remoteAddress);
    }

    /**
     * The reset that aborts {@code c} (RFC 9293 §3.10.5): {@code <SEQ=SND.NXT><CTL=RST>}; behind
     * the connection's bulk data still queued, or the peer would find it beyond RCV.NXT (RFC 5961
     * §3.2: a challenge ACK, not a reset).
     */
    void sendReset(TcpConnection c) {
        sendReset(c.localAddress, c.localPort, c.remoteAddress, c.remotePort, c.sndNxt, 0, false,
                c.bulkAhead() ? 0 : Ipv4Header.TOS_LOW_DELAY);
    }

    /** A reset from {@code local:localPort}: with an ACK field when {@code withAck}. */
    void sendReset(int local, int localPort, int remote, int remotePort, int seq, int ack, boolean withAck) {
        sendReset(local, localPort, remote, remotePort, seq, ack, withAck, Ipv4Header.TOS_LOW_DELAY);
    }

    private void sendReset(int local, int localPort, int remote, int remotePort, int seq, int ack, boolean withAck,
            int tos) {
        PacketBuffer b = txBuffer.reset(HEADROOM);
        int start = b.append(TcpHeader.MIN_LENGTH);
        TcpHeader h = txHeader.wrap(b.data(), start, TcpHeader.MIN_LENGTH);
        h.write(localPort, remotePort, seq, withAck ? ack : 0, TcpHeader.RST | (withAck ? TcpHeader.ACK : 0), 0, null);
        h.updateChecksum(local, remote, TcpHeader.MIN_LENGTH);
        count(TcpEvent.RESETS_OUT);
        transmit(b, local, remote, tos);
    }

    /** RFC 5961 §3.2, §4.2, §5.2: an ACK that makes a real peer resynchronise; rate-limited (§7). */
    void challengeAck(TcpConnection c) {
        long second = c.lastReceivedNanos / 1_000_000_000L;
        if (second != challengeSecond) {
            challengeSecond = second;
            challengesThisSecond = 0;
            // A limit drawn afresh each second, between half and all of the configured one: a fixed
            // one lets an off-path attacker count our challenge ACKs (CVE-2016-5696), as Linux found.
            int base = config.challengeAcksPerSecond();
            challengeLimit = base / 2 + (base > 0 ? random.nextInt(base - base / 2 + 1) : 0);
        }
        if (challengesThisSecond >= challengeLimit) {
            count(TcpEvent.CHALLENGE_ACKS_LIMITED);
            return;
        }
        challengesThisSecond++;
        count(TcpEvent.CHALLENGE_ACKS);
        c.sendAck(c.lastReceivedNanos);
    }

    /** Control segments (SYN, RST) go first: they carry no data for anything to overtake. */
    private void transmit(PacketBuffer b, int source, int destination) {
        transmit(b, source, destination, Ipv4Header.TOS_LOW_DELAY);
    }

    private void transmit(PacketBuffer b, int source, int destination, int tos) {
        count(TcpEvent.SEGMENTS_OUT);
        if (ip.send(b, source, destination, IpProtocol.TCP, 0, tos, false, 0) != SendResult.SENT) {
            count(TcpEvent.DROP_SEND_FAILED);
        }
    }

    // ---------------------------------------------------------------- receiving

    @Override
    public void onDatagram(Ipv4Header header, PacketBuffer payload, IpInterface in, boolean broadcast, long nowNanos) {
        count(TcpEvent.SEGMENTS_IN);
        if (broadcast) {
            count(TcpEvent.DROP_BROADCAST); // RFC 1122 §4.2.3.10: TCP is unicast only
            return;
        }
        int source = header.source();
        int destination = header.destination();
        TcpHeader h = rxHeader.wrap(payload.data(), payload.offset(), payload.length());
        // A link with checksum offload vouches for the bytes (LanAdapter.checksumOffload).
        TcpEvent bad = in != null && in.checksumOffload() ? h.checkLengths() : h.check(source, destination);
        if (bad != null) {
            count(bad);
            return;
        }
        Segment s = segment;
        if (!h.parseOptions(s.options)) {
            count(TcpEvent.DROP_BAD_OPTIONS);
            return;
        }
        s.seq = h.sequence();
        s.ack = h.acknowledgment();
        s.flags = h.flags();
        s.window = h.window();
        s.data = payload.data();
        s.payloadOffset = h.payloadOffset();
        s.payloadLength = h.payloadLength();
        int localPort = h.destinationPort();
        int remotePort = h.sourcePort();
        TcpConnection c = find(destination, localPort, source, remotePort);
        if (c != null && c.state == TcpState.TIME_WAIT && s.has(TcpHeader.SYN) && !s.has(TcpHeader.ACK)
                && !s.has(TcpHeader.RST) && Seq.gt(s.seq, c.rcvNxt) && findListener(destination, localPort) != null) {
            // RFC 1122 §4.2.2.13 (and RFC 6191): a new SYN beyond the old connection's sequence
            // space may start a new incarnation at once; the old one leaves TIME-WAIT for it.
            c.enterClosed(nowNanos);
            c = null;
        }
        if (c != null) {
            SegmentArrival.process(c, s, nowNanos);
            return;
        }
        Listener l = findListener(destination, localPort);
        if (l != null) {
            listen(l, s, in, destination, localPort, source, remotePort, nowNanos);
            return;
        }
        closed(s, destination, localPort, source, remotePort);
    }

    /** RFC 9293 §3.10.7.1: no connection — a reset that the sender will accept, unless it was one. */
    private void closed(Segment s, int local, int localPort, int remote, int remotePort) {
        count(TcpEvent.DROP_NO_CONNECTION);
        if (s.has(TcpHeader.RST)) {
            return;
        }
        if (s.has(TcpHeader.ACK)) {
            sendReset(local, localPort, remote, remotePort, s.ack, 0, false);
        } else {
            sendReset(local, localPort, remote, remotePort, 0, s.seq + s.length(), true);
        }
    }

    /** RFC 9293 §3.10.7.2: LISTEN — a SYN makes a half-open connection; an ACK gets a reset. */
    private void listen(Listener l, Segment s, IpInterface in, int local, int localPort, int remote, int remotePort,
            long nowNanos) {
        if (s.has(TcpHeader.RST)) {
            return;
        }
        if (s.has(TcpHeader.ACK)) {
            if (!s.has(TcpHeader.SYN) && openFromCookie(l, s, in, local, localPort, remote, remotePort, nowNanos)) {
                return;
            }
            sendReset(local, localPort, remote, remotePort, s.ack, 0, false);
            return;
        }
        if (!s.has(TcpHeader.SYN)) {
            return;
        }
        TcpConnection c = l.halfOpen >= config.synQueueLength() ? null : allocate();
        if (c == null) {
            // The half-open queue (or the connection table) is full, as in a SYN flood: answer
            // with a cookie and keep nothing (RFC 4987 §3.6), so that real clients still get in.
            sendCookieSynAck(s, in, local, localPort, remote, remotePort, nowNanos);
            return;
        }
        c.reset(local, localPort, remote, remotePort);
        c.listener = l;
        l.halfOpen++;
        c.initSend(isns.next(local, localPort, remote, remotePort, nowNanos), in.mtu(), in.segmentOffloadLength(),
                nowNanos);
        c.checksumOffload = in.checksumOffload();
        c.initReceive(s.seq);
        c.offerTimestamps = in.tcpTimestamps();
        c.negotiate(s.options, nowNanos);
        c.sndWnd = s.window;
        c.maxSndWnd = s.window;
        c.sndWl1 = s.seq;
        c.state = TcpState.SYN_RECEIVED;
        sendSyn(c, true, nowNanos);
    }

    /** A SYN-ACK whose ISN is the cookie, with our MSS and full window; no state kept (RFC 4987 §3.6). */
    private void sendCookieSynAck(Segment s, IpInterface in, int local, int localPort, int remote, int remotePort,
            long nowNanos) {
        int peerMss = s.options.mss() > 0 ? s.options.mss() : TcpConnection.DEFAULT_MSS;
        if (peerMss < SynCookies.smallestMss()) {
            count(TcpEvent.DROP_SYN_QUEUE_FULL); // no cookie can carry so small an MSS
            return;
        }
        int cookie = cookies.make(local, localPort, remote, remotePort, s.seq, peerMss, nowNanos);
        cookieSentNanos = nowNanos;
        cookieSent = true;
        count(TcpEvent.SYN_COOKIES_SENT);
        synOptions.reset();
        synOptions.setMss(in.mtu() - TcpConnection.HEADERS);
        PacketBuffer b = txBuffer.reset(HEADROOM);
        int headerLength = TcpHeader.MIN_LENGTH + synOptions.encodedLength();
        int start = b.append(headerLength);
        TcpHeader h = txHeader.wrap(b.data(), start, headerLength);
        int window = Math.min(config.receiveBufferBytes(), TcpConnection.MAX_WINDOW);
        h.write(localPort, remotePort, cookie, s.seq + 1, TcpHeader.SYN | TcpHeader.ACK, window, synOptions);
        h.updateChecksum(local, remote, headerLength);
        transmit(b, local, remote);
    }

    /**
     * The ACK that completes a handshake answered with a cookie: when the cookie is ours (and
     * cookies went out lately), the connection is made now, as if it had waited in SYN-RECEIVED,
     * and the segment (which may carry data) is processed on it. False when it is no such ACK.
     */
    private boolean openFromCookie(Listener l, Segment s, IpInterface in, int local, int localPort, int remote,
            int remotePort, long nowNanos) {
        if (!cookieSent || nowNanos - cookieSentNanos > 2 * SynCookies.INTERVAL_NANOS) {
            return false;
        }
        int peerIsn = s.seq - 1;
        int iss = s.ack - 1;
        int mss = cookies.check(iss, local, localPort, remote, remotePort, peerIsn, nowNanos);
        if (mss == 0) {
            count(TcpEvent.SYN_COOKIES_REJECTED);
            return false;
        }
        TcpConnection c = l.acceptQueueFull() ? null : allocate();
        if (c == null) {
            // No room: drop it; the peer sends again (its data or its ACK) and may find room then.
            count(TcpEvent.DROP_ACCEPT_QUEUE_FULL);
            return true;
        }
        count(TcpEvent.SYN_COOKIES_ACCEPTED);
        c.reset(local, localPort, remote, remotePort);
        c.listener = l;
        l.halfOpen++; // established() moves it to the accept queue
        c.initSend(iss, in.mtu(), in.segmentOffloadLength(), nowNanos);
        c.checksumOffload = in.checksumOffload();
        c.sndNxt = iss + 1;
        c.sndMax = iss + 1;
        c.initReceive(peerIsn);
        c.peerMss(mss);
        c.ackSent(c.receiveWindow());
        c.sndWnd = s.window;
        c.maxSndWnd = s.window;
        c.sndWl1 = peerIsn;
        c.state = TcpState.SYN_RECEIVED;
        SegmentArrival.process(c, s, nowNanos);
        return true;
    }

    private TcpConnection find(int local, int localPort, int remote, int remotePort) {
        for (int i = 0; i < pool.length; i++) {
            TcpConnection c = pool[i];
            if (inUse[i] && c.state != TcpState.CLOSED && c.localPort == localPort && c.remotePort == remotePort
                    && c.remoteAddress == remote && c.localAddress == local) {
                return c;
            }
        }
        return null;
    }

    private Listener findListener(int local, int localPort) {
        Listener any = null;
        for (int i = 0; i < listeners.size(); i++) { // an index, not an iterator: nothing allocated per segment
            Listener l = listeners.get(i);
            if (l.localPort == localPort) {
                if (l.localAddress == local) {
                    return l;
                }
                if (l.localAddress == Ipv4Address.ANY) {
                    any = l;
                }
            }
        }
        return any;
    }

    // ---------------------------------------------------------------- ICMP

    /**
     * RFC 1122 §4.2.3.9: port and protocol unreachable are hard errors that abort a connection
     * being opened; the others are soft, remembered and reported if the connection then times out.
     */
    @Override
    public void onIcmpError(int reporter, int type, int code, int info, int originalSource, int originalDestination,
            byte[] data, int offset, int length, long nowNanos) {
        int localPort = io.slipway.base.Bytes.u16(data, offset);
        int remotePort = io.slipway.base.Bytes.u16(data, offset + 2);
        TcpConnection c = find(originalSource, localPort, originalDestination, remotePort);
        if (c == null) {
            return;
        }
        // RFC 5927 §4.1: the quoted segment must be one we sent and is not yet acknowledged; else
        // a blind attacker could reset connections with forged errors.
        int quotedSeq = io.slipway.base.Bytes.i32(data, offset + 4);
        if (Seq.lt(quotedSeq, c.sndUna) || Seq.ge(quotedSeq, c.sndMax)) {
            return;
        }
        if (type == IcmpTypes.DESTINATION_UNREACHABLE) {
            if (code == IcmpTypes.FRAGMENTATION_NEEDED) {
                return; // slipway sends without DF: no path MTU discovery to feed
            }
            if (code == IcmpTypes.PORT_UNREACHABLE || code == IcmpTypes.PROTOCOL_UNREACHABLE) {
                if (c.state == TcpState.SYN_SENT) {
                    c.fail(TcpError.REFUSED, false, nowNanos);
                }
                return;
            }
            c.softError = code == IcmpTypes.NET_UNREACHABLE ? TcpError.NETWORK_UNREACHABLE : TcpError.HOST_UNREACHABLE;
        } else if (type == IcmpTypes.TIME_EXCEEDED) {
            c.softError = TcpError.HOST_UNREACHABLE;
        }
    }
}
