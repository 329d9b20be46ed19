package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.slipway.base.Bytes;
import io.slipway.base.Clock;
import io.slipway.base.InternetChecksum;
import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.hal.mock.TransmittedFrame;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketInfo;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.testing.Ipv4Packets;
import java.util.ArrayList;
import java.util.List;

/**
 * Segment scripts on a manual clock (DESIGN.md, "Protocol rules"): a stack (10.0.0.2) on a SLIP
 * mock adapter (MTU 1006) whose peer 10.0.0.1 is played by the test. "At t = 1000 ms send this
 * segment; expect exactly these segments; then nothing."
 *
 * <p>Incoming segments are built here byte by byte, checksum included (with
 * {@link InternetChecksum}, not the stack's TcpHeader writer); outgoing ones are decoded here too
 * and their checksum is verified independently. Time moves only through {@link #advanceTo} and
 * {@link #advance}, which poll the stack at every deadline on the way, so that each timer fires
 * at its exact virtual time. Sockets are non-blocking: the test thread is the stack thread.
 *
 * <p>The script remembers one connection under test: our port and ISN ({@link #iss}), the
 * peer's port and ISN ({@link #irs}, by default just below 2^32 so that every script's data
 * crosses the sequence-number wrap).
 */
final class TcpScript {
    static final String US = "10.0.0.2";
    static final String PEER = "10.0.0.1";
    static final int US_ADDRESS = Ipv4Address.parse(US);
    static final int PEER_ADDRESS = Ipv4Address.parse(PEER);
    static final int MTU = 1006;
    /** The MSS we announce and the largest segment we may send: MTU - 40 (RFC 9293 §3.7.1). */
    static final int OUR_MSS = MTU - 40;
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000_000_000L;

    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;

    /** A peer ISN just below the wrap: 256 bytes later the sequence numbers pass 2^32. */
    static final int DEFAULT_PEER_ISN = -256;
    static final int DEFAULT_PEER_PORT = 40000;
    static final int SERVER_PORT = 80;

    final ManualClock clock = new ManualClock();
    final MockAdapter line;
    final Stack host;
    final Sockets sockets;
    final TcpConfig config;

    /** The connection under test: our port and ISN, the peer's port and ISN, and its descriptor. */
    int localPort;
    int peerPort = DEFAULT_PEER_PORT;
    int iss;
    int irs = DEFAULT_PEER_ISN;
    int fd = -1;
    int listenFd = -1;
    private int ipId = 1;

    TcpScript() {
        this(TcpConfig.DEFAULT);
    }

    TcpScript(TcpConfig tcp) {
        this(tcp, 7);
    }

    TcpScript(TcpConfig tcp, long seed) {
        this(tcp, seed, false);
    }

    /** With {@code tcpTimestamps}, our interface asks TCP to offer timestamps (RFC 7323). */
    TcpScript(TcpConfig tcp, long seed, boolean tcpTimestamps) {
        this(tcp, seed, tcpTimestamps, MTU);
    }

    /** With {@code segmentOffload} above the MTU, our line takes TCP segments that large whole. */
    TcpScript(TcpConfig tcp, long seed, boolean tcpTimestamps, int segmentOffload) {
        this.line = new MockAdapter("sl0", Medium.IP, MTU, segmentOffload, clock);
        this.config = tcp;
        this.host = new Stack("host", StackConfig.DEFAULT.withTcp(tcp), seed);
        this.sockets = host.sockets();
        host.addInterface(line, InterfaceConfig.pointToPoint(Ipv4Prefix.parse(US + "/24", 24), PEER_ADDRESS)
                .withTcpTimestamps(tcpTimestamps));
        poll();
    }

    /** A TcpConfig with the fields tests change most, from {@link TcpConfig#DEFAULT}. */
    static final class Config {
        int maxConnections = TcpConfig.DEFAULT.maxConnections();
        int sendBuffer = TcpConfig.DEFAULT.sendBufferBytes();
        int receiveBuffer = TcpConfig.DEFAULT.receiveBufferBytes();
        int maxOutOfOrderRanges = TcpConfig.DEFAULT.maxOutOfOrderRanges();
        long initialRto = TcpConfig.DEFAULT.initialRtoNanos();
        long minRto = TcpConfig.DEFAULT.minRtoNanos();
        long maxRto = TcpConfig.DEFAULT.maxRtoNanos();
        int synRetries = TcpConfig.DEFAULT.synRetries();
        int dataRetries = TcpConfig.DEFAULT.dataRetries();
        long delayedAck = TcpConfig.DEFAULT.delayedAckNanos();
        long flush = TcpConfig.DEFAULT.flushNanos();
        long timeWait = TcpConfig.DEFAULT.timeWaitNanos();
        long finWait2 = TcpConfig.DEFAULT.finWait2TimeoutNanos();
        long persistMin = TcpConfig.DEFAULT.persistMinNanos();
        long keepaliveIdle = TcpConfig.DEFAULT.keepaliveIdleNanos();
        long keepaliveInterval = TcpConfig.DEFAULT.keepaliveIntervalNanos();
        int keepaliveProbes = TcpConfig.DEFAULT.keepaliveProbes();
        int synQueue = TcpConfig.DEFAULT.synQueueLength();
        int challengeAcks = TcpConfig.DEFAULT.challengeAcksPerSecond();

        TcpConfig build() {
            return new TcpConfig(maxConnections, sendBuffer, receiveBuffer, maxOutOfOrderRanges, initialRto, minRto,
                    maxRto, synRetries, dataRetries, delayedAck, flush, timeWait, finWait2, persistMin, keepaliveIdle,
                    keepaliveInterval, keepaliveProbes, synQueue, challengeAcks, TcpConfig.DEFAULT.ephemeralFirst(),
                    TcpConfig.DEFAULT.ephemeralLast());
        }
    }

    // ---------------------------------------------------------------- time

    /** The virtual time, in milliseconds (exact: tests move time in whole milliseconds or to deadlines). */
    long nowMs() {
        return clock.nanos() / MS;
    }

    void poll() {
        host.poll(clock.nanos());
    }

    /** Moves time forward to {@code ms}, polling the stack at every deadline on the way and then at {@code ms}. */
    void advanceTo(long ms) {
        advanceToNanos(ms * MS);
    }

    void advance(long ms) {
        advanceToNanos(clock.nanos() + ms * MS);
    }

    void advanceToNanos(long target) {
        for (int guard = 0; ; guard++) {
            if (guard > 1_000_000) {
                fail("the stack never settles before t=" + target + " ns: its deadline stays at "
                        + host.nextDeadline());
            }
            long next = host.nextDeadline();
            if (next == Clock.NEVER || next > target) {
                break;
            }
            if (next > clock.nanos()) {
                clock.set(next);
            }
            host.poll(clock.nanos());
        }
        clock.set(Math.max(target, clock.nanos()));
        host.poll(clock.nanos());
    }

    /**
     * Moves time forward until the stack sends something, at most to {@code limitMs}; returns the
     * first segment sent (its time in {@link Out#atMs}), failing if nothing was sent by then.
     */
    Out awaitSegment(long limitMs) {
        long limit = limitMs * MS;
        for (int guard = 0; line.transmittedCount() == 0; guard++) {
            long next = host.nextDeadline();
            if (next == Clock.NEVER || next > limit || guard > 1_000_000) {
                fail("nothing sent up to t=" + limitMs + " ms (now " + nowMs() + " ms, next deadline " + next + ")");
            }
            if (next > clock.nanos()) {
                clock.set(next);
            }
            host.poll(clock.nanos());
        }
        return next();
    }

    // ---------------------------------------------------------------- segments in

    /** A segment from the peer to the connection under test. */
    Seg seg(int flags, int seq, int ack) {
        return new Seg(flags, seq, ack);
    }

    /** Receives {@code <SEQ=seq><ACK=ack><CTL=flags>} with {@code window} and {@code payload}, now. */
    void in(int flags, int seq, int ack, int window, byte[] payload) {
        seg(flags, seq, ack).window(window).data(payload).send();
    }

    void in(int flags, int seq, int ack, int window) {
        in(flags, seq, ack, window, new byte[0]);
    }

    /** An incoming segment being built; {@link #send} scripts it and polls the stack. */
    final class Seg {
        final int flags;
        final int seq;
        final int ack;
        int window = 65535;
        int mss = -1;
        byte[] data = new byte[0];
        int sourcePort = peerPort;
        int destinationPort = localPort;
        String source = PEER;
        String destination = US;
        boolean corrupt;
        boolean sackPermitted;
        int[] sack = new int[0];
        int windowScale = -1;
        long[] timestamps;

        Seg(int flags, int seq, int ack) {
            this.flags = flags;
            this.seq = seq;
            this.ack = ack;
        }

        Seg window(int w) {
            window = w;
            return this;
        }

        Seg mss(int m) {
            mss = m;
            return this;
        }

        Seg data(byte[] d) {
            data = d;
            return this;
        }

        Seg from(int port) {
            sourcePort = port;
            return this;
        }

        Seg to(int port) {
            destinationPort = port;
            return this;
        }

        Seg corrupt() {
            corrupt = true;
            return this;
        }

        /** Offers SACK-permitted (RFC 2018 §2), as Linux does in every SYN. */
        Seg sackPermitted() {
            sackPermitted = true;
            return this;
        }

        /** SACK blocks (RFC 2018 §3) as absolute sequence numbers: left, right, left, right, ... */
        Seg sack(int... edges) {
            if (edges.length % 2 != 0 || edges.length > 8) {
                throw new IllegalArgumentException("1 to 4 blocks of left and right edges");
            }
            sack = edges;
            return this;
        }

        /** Offers window scaling with {@code shift} (RFC 7323 §2.2). */
        Seg windowScale(int shift) {
            windowScale = shift;
            return this;
        }

        /** Carries the timestamps option (RFC 7323 §3.2). */
        Seg timestamps(long tsVal, long tsEcr) {
            timestamps = new long[] {tsVal, tsEcr};
            return this;
        }

        byte[] packet() {
            return tcpPacket(source, destination, sourcePort, destinationPort, seq, ack, flags, window, mss,
                    sackPermitted, sack, windowScale, timestamps, data, corrupt, ipId++);
        }

        void send() {
            line.script(packet());
            poll();
        }
    }

    /** An IPv4 packet holding a TCP segment, checksum computed here (independently of TcpHeader). */
    static byte[] tcpPacket(String source, String destination, int sourcePort, int destinationPort, int seq, int ack,
            int flags, int window, int mss, byte[] data, boolean corrupt, int id) {
        return tcpPacket(source, destination, sourcePort, destinationPort, seq, ack, flags, window, mss, false, data,
                corrupt, id);
    }

    static byte[] tcpPacket(String source, String destination, int sourcePort, int destinationPort, int seq, int ack,
            int flags, int window, int mss, boolean sackPermitted, byte[] data, boolean corrupt, int id) {
        return tcpPacket(source, destination, sourcePort, destinationPort, seq, ack, flags, window, mss, sackPermitted,
                new int[0], data, corrupt, id);
    }

    /** With SACK blocks {@code sack} (edges, in Linux's layout {@code 01 01 05 len ...}) when not empty. */
    static byte[] tcpPacket(String source, String destination, int sourcePort, int destinationPort, int seq, int ack,
            int flags, int window, int mss, boolean sackPermitted, int[] sack, byte[] data, boolean corrupt, int id) {
        return tcpPacket(source, destination, sourcePort, destinationPort, seq, ack, flags, window, mss, sackPermitted,
                sack, -1, null, data, corrupt, id);
    }

    /** Also with a window scale ({@code 01 03 03 shift}) and timestamps ({@code 01 01 08 0a TSval TSecr}). */
    static byte[] tcpPacket(String source, String destination, int sourcePort, int destinationPort, int seq, int ack,
            int flags, int window, int mss, boolean sackPermitted, int[] sack, int windowScale, long[] timestamps,
            byte[] data, boolean corrupt, int id) {
        int sackLength = sack.length == 0 ? 0 : 4 + 4 * sack.length;
        int optionsLength = (mss >= 0 ? 4 : 0) + (sackPermitted ? 4 : 0) + sackLength + (windowScale >= 0 ? 4 : 0)
                + (timestamps != null ? 12 : 0);
        int headerLength = 20 + optionsLength;
        byte[] t = new byte[headerLength + data.length];
        Bytes.put16(t, 0, sourcePort);
        Bytes.put16(t, 2, destinationPort);
        Bytes.put32(t, 4, seq);
        Bytes.put32(t, 8, ack);
        t[12] = (byte) ((headerLength / 4) << 4);
        t[13] = (byte) flags;
        Bytes.put16(t, 14, window);
        int at = 20;
        if (mss >= 0) {
            t[at] = 2;
            t[at + 1] = 4;
            Bytes.put16(t, at + 2, mss);
            at += 4;
        }
        if (sackPermitted) {
            t[at] = 1;
            t[at + 1] = 1;
            t[at + 2] = 4;
            t[at + 3] = 2;
            at += 4;
        }
        if (sack.length > 0) {
            t[at] = 1;
            t[at + 1] = 1;
            t[at + 2] = 5;
            t[at + 3] = (byte) (2 + 4 * sack.length);
            for (int i = 0; i < sack.length; i++) {
                Bytes.put32(t, at + 4 + 4 * i, sack[i]);
            }
            at += sackLength;
        }
        if (windowScale >= 0) {
            t[at] = 1;
            t[at + 1] = 3;
            t[at + 2] = 3;
            t[at + 3] = (byte) windowScale;
            at += 4;
        }
        if (timestamps != null) {
            t[at] = 1;
            t[at + 1] = 1;
            t[at + 2] = 8;
            t[at + 3] = 10;
            Bytes.put32(t, at + 4, (int) timestamps[0]);
            Bytes.put32(t, at + 8, (int) timestamps[1]);
        }
        System.arraycopy(data, 0, t, headerLength, data.length);
        int checksum = tcpChecksum(Ipv4Address.parse(source), Ipv4Address.parse(destination), t, 0, t.length);
        Bytes.put16(t, 16, corrupt ? checksum ^ 0x0101 : checksum);
        return Ipv4Packets.ipv4(source, destination, 6, 64, id & 0xFFFF, 0x4000, t);
    }

    /** RFC 9293 §3.1: over the pseudo-header and the segment; 0 over a segment whose checksum is right. */
    static int tcpChecksum(int source, int destination, byte[] b, int off, int len) {
        long sum = InternetChecksum.add32(0, source);
        sum = InternetChecksum.add32(sum, destination);
        sum = InternetChecksum.add16(sum, 6);
        sum = InternetChecksum.add16(sum, len);
        return InternetChecksum.finish(InternetChecksum.add(sum, b, off, len));
    }

    // ---------------------------------------------------------------- segments out

    /** A segment the stack sent, decoded here. */
    record Out(long atNanos, int sourcePort, int destinationPort, int seq, int ack, int flags, int window, int mss,
            byte[] data, int tos, boolean sackPermitted, int[] sack, int windowScale, long[] timestamps) {
        /** The SACK blocks as {@code "left-right"} relative to {@code base}, e.g. {@code [966-1932]}. */
        java.util.List<String> sackRelativeTo(int base) {
            java.util.List<String> blocks = new java.util.ArrayList<>();
            for (int i = 0; i < sack.length; i += 2) {
                blocks.add((sack[i] - base) + "-" + (sack[i + 1] - base));
            }
            return blocks;
        }

        int len() {
            return data.length;
        }

        long atMs() {
            return atNanos / MS;
        }

        boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /** SEG.LEN: data, plus one each for SYN and FIN. */
        int segLen() {
            return data.length + (has(SYN) ? 1 : 0) + (has(FIN) ? 1 : 0);
        }

        @Override
        public String toString() {
            return "t=" + atNanos / (double) MS + "ms " + sourcePort + ">" + destinationPort + " [" + flagNames(flags)
                    + "] seq " + Integer.toUnsignedString(seq) + " ack " + Integer.toUnsignedString(ack) + " win "
                    + window + " len " + data.length + (mss >= 0 ? " mss " + mss : "");
        }
    }

    static String flagNames(int flags) {
        StringBuilder s = new StringBuilder();
        s.append((flags & SYN) != 0 ? "S" : "").append((flags & FIN) != 0 ? "F" : "")
                .append((flags & RST) != 0 ? "R" : "").append((flags & PSH) != 0 ? "P" : "")
                .append((flags & ACK) != 0 ? "." : "");
        return s.toString();
    }

    /** Decodes a frame the stack sent: an IPv4 packet from us to the peer holding TCP, checksums verified. */
    static Out decode(TransmittedFrame frame) {
        byte[] p = frame.bytes();
        assertEquals(4, (p[0] & 0xFF) >> 4, "IPv4");
        int ihl = (p[0] & 0x0F) * 4;
        assertEquals(0, InternetChecksum.of(p, 0, ihl), "IP header checksum");
        assertEquals(6, p[9] & 0xFF, "protocol TCP, was " + (p[9] & 0xFF) + ": " + frame);
        assertEquals(US_ADDRESS, Bytes.i32(p, 12), "source address");
        int destination = Bytes.i32(p, 16);
        assertEquals(PEER_ADDRESS, destination, "destination address");
        int total = Bytes.u16(p, 2);
        assertEquals(p.length, total, "IP total length");
        int len = total - ihl;
        assertEquals(0, tcpChecksum(US_ADDRESS, destination, p, ihl, len), "TCP checksum of " + frame);
        int headerLength = ((p[ihl + 12] & 0xF0) >> 4) * 4;
        int mss = -1;
        boolean sackPermitted = false;
        int[] sack = new int[0];
        int windowScale = -1;
        long[] timestamps = null;
        for (int i = ihl + 20; i < ihl + headerLength; ) {
            int kind = p[i] & 0xFF;
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                i++;
                continue;
            }
            int optionLength = p[i + 1] & 0xFF;
            if (kind == 2) {
                mss = Bytes.u16(p, i + 2);
            } else if (kind == 4) {
                assertEquals(2, optionLength, "SACK-permitted length");
                sackPermitted = true;
            } else if (kind == 3) {
                assertEquals(3, optionLength, "window scale length");
                windowScale = p[i + 2] & 0xFF;
            } else if (kind == 8) {
                assertEquals(10, optionLength, "timestamps length");
                timestamps = new long[] {Bytes.u32(p, i + 2), Bytes.u32(p, i + 6)};
            } else if (kind == 5) {
                assertEquals(2, (optionLength - 2) % 8 + 2, "SACK length: 2 + 8 per block");
                sack = new int[(optionLength - 2) / 4];
                for (int b = 0; b < sack.length; b++) {
                    sack[b] = Bytes.i32(p, i + 2 + 4 * b);
                }
            }
            i += optionLength;
        }
        byte[] data = java.util.Arrays.copyOfRange(p, ihl + headerLength, p.length);
        return new Out(frame.atNanos(), Bytes.u16(p, ihl), Bytes.u16(p, ihl + 2), Bytes.i32(p, ihl + 4),
                Bytes.i32(p, ihl + 8), p[ihl + 13] & 0xFF, Bytes.u16(p, ihl + 14), mss, data, p[1] & 0xFF,
                sackPermitted, sack, windowScale, timestamps);
    }

    /** Every segment sent and not yet taken, decoded; they are taken. */
    List<Out> takeAll() {
        List<TransmittedFrame> frames = line.transmittedFrames();
        line.takeTransmitted();
        List<Out> out = new ArrayList<>();
        for (TransmittedFrame f : frames) {
            out.add(decode(f));
        }
        return out;
    }

    /** The next segment sent; fails if there is none. */
    Out next() {
        List<TransmittedFrame> frames = line.transmittedFrames();
        if (frames.isEmpty()) {
            fail("expected a segment at t=" + nowMs() + " ms, but nothing was sent");
        }
        line.takeNextTransmitted();
        return decode(frames.get(0));
    }

    /**
     * The next segment sent must be {@code flags} (PSH aside, which RFC 9293 leaves to the
     * sender), {@code seq}, {@code ack} (when ACK is set) and carry {@code len} data bytes.
     */
    Out expect(int flags, int seq, int ack, int len) {
        List<TransmittedFrame> pending = line.transmittedFrames();
        String all = describe(pending);
        Out o = next();
        String what = "expected [" + flagNames(flags) + "] seq " + Integer.toUnsignedString(seq)
                + ((flags & ACK) != 0 ? " ack " + Integer.toUnsignedString(ack) : "") + " len " + len
                + " at t=" + nowMs() + " ms; sent:" + all;
        assertEquals(flagNames(flags & ~PSH), flagNames(o.flags & ~PSH), what);
        assertEquals(Integer.toUnsignedString(seq), Integer.toUnsignedString(o.seq), what);
        if ((flags & ACK) != 0) {
            assertEquals(Integer.toUnsignedString(ack), Integer.toUnsignedString(o.ack), what);
        }
        assertEquals(len, o.len(), what);
        assertEquals(localPort, o.sourcePort, what);
        assertEquals(peerPort, o.destinationPort, what);
        return o;
    }

    /** A pure ACK {@code <SEQ=seq><ACK=ack>} must be next. */
    Out expectAck(int seq, int ack) {
        return expect(ACK, seq, ack, 0);
    }

    /** Nothing more was sent. */
    void expectNothing() {
        List<TransmittedFrame> pending = line.transmittedFrames();
        if (!pending.isEmpty()) {
            fail("expected nothing sent by t=" + nowMs() + " ms, but:" + describe(pending));
        }
    }

    private static String describe(List<TransmittedFrame> frames) {
        if (frames.isEmpty()) {
            return " nothing";
        }
        StringBuilder s = new StringBuilder();
        for (TransmittedFrame f : frames) {
            byte[] p = f.bytes();
            s.append("\n  ").append((p[9] & 0xFF) == 6 ? decode(f).toString() : f.toString());
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- opening

    /** A non-blocking connect to the peer's {@code port}: the SYN it sends (our ISN and port are remembered). */
    Out connect(int port) throws SocketException {
        fd = sockets.socket(SocketType.STREAM);
        sockets.setBlocking(fd, false);
        peerPort = port;
        sockets.connect(fd, PEER_ADDRESS, port);
        poll();
        Out syn = next();
        assertEquals(SYN, syn.flags, "a SYN: " + syn);
        localPort = syn.sourcePort;
        iss = syn.seq;
        return syn;
    }

    /** An active open: SYN, the peer's SYN-ACK (MSS {@code peerMss}, window {@code window}), our ACK. */
    void establish(int window, int peerMss) throws SocketException {
        connect(SERVER_PORT);
        seg(SYN | ACK, irs, iss + 1).window(window).mss(peerMss).send();
        expectAck(iss + 1, irs + 1);
        expectNothing();
        assertEquals(TcpState.ESTABLISHED, connection().state());
    }

    /** An established connection: peer window 65535, peer MSS 1460 (so we send segments of 966). */
    void establish() throws SocketException {
        establish(65535, 1460);
    }

    /** A listening socket on {@code port}, non-blocking. */
    int listen(int port, int backlog) throws SocketException {
        listenFd = sockets.socket(SocketType.STREAM);
        sockets.setBlocking(listenFd, false);
        sockets.bind(listenFd, 0, port);
        sockets.listen(listenFd, backlog);
        localPort = port;
        return listenFd;
    }

    /** The peer's SYN to our listener: the SYN-ACK it gets (our ISN remembered). */
    Out synToListener(int window, int peerMss) {
        seg(SYN, irs, 0).window(window).mss(peerMss).send();
        Out synAck = next();
        assertEquals(SYN | ACK, synAck.flags, "a SYN-ACK: " + synAck);
        iss = synAck.seq;
        return synAck;
    }

    /** A passive open: SYN in, SYN-ACK out, ACK in, accepted. */
    void acceptConnection(int window, int peerMss) throws SocketException {
        synToListener(window, peerMss);
        in(ACK, irs + 1, iss + 1, window);
        expectNothing();
        fd = sockets.accept(listenFd, null);
        assertTrue(fd >= 0, "accept returned " + fd);
        sockets.setBlocking(fd, false);
    }

    // ---------------------------------------------------------------- the application

    /** Queues {@code data} on the connection under test and lets the stack act on it. */
    int send(byte[] data) throws SocketException {
        int n = sockets.send(fd, data, 0, data.length);
        poll();
        return n;
    }

    /** Reads what is there now: the bytes, an empty array at end of stream, null for WOULD_BLOCK. */
    byte[] recv(int max) throws SocketException {
        byte[] b = new byte[max];
        int n = sockets.recv(fd, b, 0, max);
        poll();
        if (n == Sockets.WOULD_BLOCK) {
            return null;
        }
        return java.util.Arrays.copyOf(b, n);
    }

    /** Reads everything there is now. */
    byte[] recvAll() throws SocketException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        while (true) {
            byte[] b = recv(4096);
            if (b == null || b.length == 0) {
                return all.toByteArray();
            }
            all.write(b, 0, b.length);
        }
    }

    /** The TCP connection under test (by its ports), or null once it is gone. */
    TcpConnection connection() {
        for (TcpConnection c : host.tcp().connections()) {
            if (c.localPort() == localPort && c.remotePort() == peerPort && c.state() != TcpState.CLOSED) {
                return c;
            }
        }
        return null;
    }

    /** Its state, CLOSED when it is gone. */
    TcpState state() {
        TcpConnection c = connection();
        return c == null ? TcpState.CLOSED : c.state();
    }

    long count(TcpEvent e) {
        return host.tcp().events().get(e);
    }

    /** What netstat shows for descriptor {@code descriptor}, or null when it is not in the table. */
    String netstatState(int descriptor) throws SocketException {
        for (SocketInfo row : sockets.table()) {
            if (row.descriptor() == descriptor) {
                return row.state();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- data

    /** {@code n} bytes of a pattern that starts at stream position {@code from}. */
    static byte[] bytes(int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ((from + i) * 7 + ((from + i) >> 8));
        }
        return b;
    }

    static byte[] bytes(int n) {
        return bytes(0, n);
    }

    static byte[] text(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
