package io.slipway.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Simulation;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.tcp.TcpConfig;
import io.slipway.tcp.TcpEvent;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The stream-socket API's argument and state errors, from the javadoc of {@link Sockets} and what
 * BSD sockets users expect: two stacks joined by a SLIP loopback cable in virtual time, both polled
 * by the test thread (a {@link Simulation}). The test thread is then the stack thread of both:
 * control calls run at once, sockets are non-blocking, and a blocking call that would wait must
 * be refused with {@link IllegalStateException}, never hang.
 */
class StreamSocketApiTest {
    private static final int A = Ipv4Address.parse("10.0.0.1");
    private static final int B = Ipv4Address.parse("10.0.0.2");
    /** Not an address of either host, and no route leads there. */
    private static final int ELSEWHERE = Ipv4Address.parse("192.0.2.7");
    private static final int PORT = 8080;
    private static final long SECOND = 1_000_000_000L;
    private static final TcpConfig TCP = TcpConfig.DEFAULT.withTimeWait(2 * SECOND);

    private final ManualClock clock = new ManualClock();
    private final LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP).mtu(1006).build();
    private Stack alice;
    private Stack bob;
    private Sockets client;
    private Sockets server;
    private Simulation sim;
    private final byte[] buffer = new byte[100_000];

    private void start(TcpConfig tcp) {
        alice = stack("alice", cable, true, A, B, tcp);
        bob = stack("bob", cable, false, B, A, tcp);
        sim = new Simulation(clock).add(alice).add(bob);
        client = alice.sockets();
        server = bob.sockets();
    }

    private void start() {
        start(TCP);
    }

    private static Stack stack(String name, LoopbackCable cable, boolean endA, int us, int peer, TcpConfig tcp) {
        Stack s = new Stack(name, StackConfig.DEFAULT.withTcp(tcp), endA ? 1 : 2);
        s.addInterface(endA ? cable.a() : cable.b(), InterfaceConfig.pointToPoint(new Ipv4Prefix(us, 24), peer));
        return s;
    }

    private void run(String what, BooleanSupplier done) {
        if (!sim.runUntil(done, 120 * SECOND)) {
            fail("not after 2 minutes of virtual time: " + what);
        }
    }

    private void runFor(long nanos) {
        sim.runFor(nanos);
    }

    private static SocketException fails(SocketError error, Executable call) {
        SocketException e = assertThrows(SocketException.class, call);
        assertEquals(error, e.error(), e.getMessage());
        return e;
    }

    private int stream(Sockets api) throws SocketException {
        int fd = api.socket(SocketType.STREAM);
        api.setBlocking(fd, false);
        return fd;
    }

    private int listener(int port) throws SocketException {
        int fd = stream(server);
        server.bind(fd, Addresses.ANY, port);
        server.listen(fd, 4);
        return fd;
    }

    /** Non-blocking connect and accept, run until both ends are established: {client fd, server fd}. */
    private int[] connected(int listening) throws Exception {
        int fd = stream(client);
        client.connect(fd, B, PORT);
        int[] accepted = {Sockets.WOULD_BLOCK};
        run("accept", () -> {
            try {
                if (accepted[0] < 0) {
                    accepted[0] = server.accept(listening, null);
                }
                return accepted[0] >= 0 && client.isConnected(fd);
            } catch (SocketException e) {
                throw new AssertionError(e);
            }
        });
        server.setBlocking(accepted[0], false);
        return new int[] {fd, accepted[0]};
    }

    private static SocketInfo row(Sockets api, int fd) throws SocketException {
        for (SocketInfo i : api.table()) {
            if (i.descriptor() == fd) {
                return i;
            }
        }
        return null;
    }

    private static String state(Sockets api, int fd) {
        try {
            SocketInfo i = row(api, fd);
            return i == null ? null : i.state();
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
    }

    private int recvNow(Sockets api, int fd) {
        try {
            return api.recv(fd, buffer, 0, buffer.length);
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- bind and listen

    @Test
    void shouldRefuseListenWithoutBindWithInvalid() throws Exception {
        start();
        int fd = stream(server);

        SocketException e = fails(SocketError.INVALID, () -> server.listen(fd, 4));

        assertTrue(e.getMessage().startsWith("listen"), e.getMessage());
        assertEquals(List.of(), bob.tcp().listeners());
    }

    @Test
    void shouldRefuseBindingAPortAListenerHasWithAddressInUse() throws Exception {
        start();
        listener(PORT);
        int other = stream(server);

        AddressInUseException e = assertThrows(AddressInUseException.class,
                () -> server.bind(other, Addresses.ANY, PORT));
        assertEquals("bind 0.0.0.0:8080: address already in use", e.getMessage());
        assertThrows(AddressInUseException.class, () -> server.bind(other, B, PORT), "B is within ANY");

        server.bind(other, Addresses.ANY, PORT + 1); // the failed binds left the socket unbound
        assertEquals(new InetEndpoint(Addresses.ANY, PORT + 1), server.localAddress(other));
    }

    @Test
    void shouldRefuseTwoSocketsBoundToOnePortAndASecondListener() throws Exception {
        start();
        int first = stream(server);
        server.bind(first, B, PORT);
        int second = stream(server);

        assertThrows(AddressInUseException.class, () -> server.bind(second, Addresses.ANY, PORT),
                "bound, not yet listening, is taken too");
        server.listen(first, 4);
        server.listen(first, 8); // listen twice only changes the backlog, as in BSD
        assertThrows(AddressInUseException.class, () -> server.bind(second, B, PORT));
        assertEquals(1, bob.tcp().listeners().size());

        server.close(first);
        server.bind(second, Addresses.ANY, PORT); // free again once closed
        server.listen(second, 4);
        assertEquals(1, bob.tcp().listeners().size());
    }

    @Test
    void shouldRefuseBindingToAnAddressThatIsNotOursWithAddressNotAvailable() throws Exception {
        start();
        int fd = stream(server);

        SocketException e = fails(SocketError.ADDRESS_NOT_AVAILABLE, () -> server.bind(fd, A, PORT));
        assertEquals("bind 10.0.0.1:8080: cannot assign requested address", e.getMessage());
        fails(SocketError.ADDRESS_NOT_AVAILABLE, () -> server.bind(fd, ELSEWHERE, PORT));
        server.bind(fd, B, PORT);
        fails(SocketError.INVALID, () -> server.bind(fd, B, PORT + 1)); // bound already: EINVAL
    }

    @Test
    void shouldRefuseBadPortsAndAddressesAsTheJavadocSays() throws Exception {
        start();
        int fd = stream(client);
        assertThrows(IllegalArgumentException.class, () -> client.bind(fd, Addresses.ANY, 65536));
        assertThrows(IllegalArgumentException.class, () -> client.connect(fd, B, -1));
        fails(SocketError.INVALID, () -> client.connect(fd, B, 0));
        fails(SocketError.INVALID, () -> client.connect(fd, Addresses.ANY, PORT));
        assertThrows(IllegalArgumentException.class, () -> client.setReceiveTimeout(fd, -1, TimeUnit.SECONDS));
        assertThrows(IllegalArgumentException.class, () -> client.setSendTimeout(fd, -1, TimeUnit.SECONDS));
        assertThrows(IndexOutOfBoundsException.class, () -> client.send(fd, buffer, -1, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> client.recv(fd, buffer, buffer.length, 1));
        SocketException e = assertThrows(NoRouteException.class, () -> client.connect(fd, ELSEWHERE, PORT));
        assertEquals("connect 192.0.2.7:8080: network is unreachable", e.getMessage());
        assertEquals(0, alice.tcp().connectionCount(), "nothing opened by a failed connect");
        assertFalse(client.isConnected(fd));
    }

    @Test
    void shouldRefuseStreamCallsOnDatagramSocketsAndTheReverseWithNotSupported() throws Exception {
        start();
        int udp = client.socket(SocketType.DATAGRAM);
        int tcp = stream(client);
        fails(SocketError.NOT_SUPPORTED, () -> client.listen(udp, 1));
        fails(SocketError.NOT_SUPPORTED, () -> client.accept(udp, null));
        fails(SocketError.NOT_SUPPORTED, () -> client.setNoDelay(udp, true));
        fails(SocketError.NOT_SUPPORTED, () -> client.setKeepalive(udp, true));
        fails(SocketError.NOT_SUPPORTED, () -> client.awaitConnected(udp, 0));
        fails(SocketError.NOT_SUPPORTED, () -> client.sendto(tcp, buffer, 0, 1, B, PORT));
        fails(SocketError.NOT_SUPPORTED, () -> client.recvfrom(tcp, buffer, 0, 1, null));
        fails(SocketError.NOT_SUPPORTED, () -> client.maxDatagram(tcp));
    }

    // ---------------------------------------------------------------- connect, accept, state errors

    @Test
    void shouldConnectNonBlockingAndTurnIsConnectedTrueAsTheStackIsPolled() throws Exception {
        start();
        int listening = listener(PORT);
        int fd = stream(client);
        assertFalse(client.isConnected(fd), "a new socket");

        client.connect(fd, B, PORT);

        assertFalse(client.isConnected(fd), "the SYN has only just gone out");
        assertEquals("SYN_SENT", state(client, fd));
        assertEquals(Sockets.WOULD_BLOCK, client.recv(fd, buffer, 0, 10), "nothing to read while connecting");
        assertEquals(Sockets.WOULD_BLOCK, client.send(fd, buffer, 0, 10), "nothing to write to while connecting");
        run("established", () -> {
            try {
                return client.isConnected(fd);
            } catch (SocketException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(client.awaitConnected(fd, 0), "ready: no wait, so allowed on the polling thread");
        assertEquals("ESTABLISHED", state(client, fd));
        int accepted = server.accept(listening, null);
        assertTrue(server.isConnected(accepted));
    }

    @Test
    void shouldReturnWouldBlockFromANonBlockingAcceptWithNothingQueued() throws Exception {
        start();
        int listening = listener(PORT);

        assertEquals(Sockets.WOULD_BLOCK, server.accept(listening, null));
        assertFalse(server.awaitReadable(listening, 0));

        int fd = stream(client);
        client.connect(fd, B, PORT);
        run("queued", () -> bob.tcp().listeners().get(0).queued() == 1);
        assertTrue(server.awaitReadable(listening, 0));
        PeerAddress from = new PeerAddress();
        int accepted = server.accept(listening, from);
        assertEquals(client.localAddress(fd), from.toEndpoint());
        assertEquals(Sockets.WOULD_BLOCK, server.accept(listening, null), "one connection, one accept");
    }

    @Test
    void shouldRefuseAcceptOnASocketThatDoesNotListenAndListenOrConnectOnTheWrongKind() throws Exception {
        start();
        int listening = listener(PORT);
        int fresh = stream(server);
        fails(SocketError.INVALID, () -> server.accept(fresh, null));
        fails(SocketError.INVALID, () -> server.connect(listening, A, 9));

        int[] pair = connected(listening);
        fails(SocketError.ALREADY_CONNECTED, () -> client.listen(pair[0], 4));
        fails(SocketError.INVALID, () -> server.accept(pair[1], null));
    }

    @Test
    void shouldRefuseASecondConnectWithAlreadyConnected() throws Exception {
        start();
        int listening = listener(PORT);
        int fd = stream(client);
        client.connect(fd, B, PORT);

        SocketException whileConnecting = fails(SocketError.ALREADY_CONNECTED, () -> client.connect(fd, B, PORT));
        assertEquals("connect 10.0.0.2:8080: socket is already connected", whileConnecting.getMessage());

        run("accepted", () -> bob.tcp().listeners().get(0).queued() == 1);
        fails(SocketError.ALREADY_CONNECTED, () -> client.connect(fd, B, PORT));
        fails(SocketError.ALREADY_CONNECTED, () -> client.connect(fd, B, PORT + 1));
        assertEquals(1, alice.tcp().connectionCount(), "no second connection");
        server.accept(listening, null);
    }

    @Test
    void shouldRefuseSendAndRecvBeforeConnectWithNotConnected() throws Exception {
        start();
        int fd = stream(client);

        SocketException e = fails(SocketError.NOT_CONNECTED, () -> client.send(fd, buffer, 0, 10));
        assertTrue(e.getMessage().startsWith("send"), e.getMessage());
        fails(SocketError.NOT_CONNECTED, () -> client.recv(fd, buffer, 0, 10));
        fails(SocketError.NOT_CONNECTED, () -> client.remoteAddress(fd));
        client.setBlocking(fd, true);
        fails(SocketError.NOT_CONNECTED, () -> client.send(fd, buffer, 0, 10));
    }

    @Test
    void shouldRefuseSendAfterShutdownWriteWithShutDownAndStillReceive() throws Exception {
        start();
        int[] pair = connected(listener(PORT));
        assertEquals(5, client.send(pair[0], buffer, 0, 5));

        client.shutdown(pair[0], Shutdown.WRITE);

        SocketException e = fails(SocketError.SHUT_DOWN, () -> client.send(pair[0], buffer, 0, 1));
        assertEquals("send: cannot send after the socket was shut down", e.getMessage());
        fails(SocketError.SHUT_DOWN, () -> client.send(pair[0], buffer, 0, 0));
        run("bob has the 5 bytes and the FIN", () -> recvNow(server, pair[1]) == 5);
        assertEquals(0, recvNow(server, pair[1]));
        assertEquals(7, server.send(pair[1], new byte[7], 0, 7));
        run("alice still receives after her shutdown(WRITE)", () -> recvNow(client, pair[0]) == 7);
    }

    @Test
    void shouldReturnZeroRepeatedlyFromRecvAfterThePeersFin() throws Exception {
        start();
        int[] pair = connected(listener(PORT));
        byte[] data = new byte[3000];
        Arrays.fill(data, (byte) 0x5A);
        assertEquals(3000, server.send(pair[1], data, 0, data.length));
        server.close(pair[1]);
        run("the FIN reached alice", () -> "CLOSE_WAIT".equals(state(client, pair[0])));

        int total = 0;
        for (int n; (n = client.recv(pair[0], buffer, 0, 1000)) > 0; ) {
            total += n;
        }
        assertEquals(3000, total, "the data before the FIN comes first");
        for (int i = 0; i < 5; i++) {
            assertEquals(0, client.recv(pair[0], buffer, 0, 1000), "end of stream, every time");
        }
        assertTrue(client.awaitReadable(pair[0], 0), "readable at end of stream (POLLIN)");
        client.setBlocking(pair[0], true);
        assertEquals(0, client.recv(pair[0], buffer, 0, 1000), "a blocking recv at the end does not wait");
    }

    @Test
    void shouldReturnZeroFromRecvAfterShutdownRead() throws Exception {
        start();
        int[] pair = connected(listener(PORT));
        client.shutdown(pair[0], Shutdown.READ);
        assertEquals(0, client.recv(pair[0], buffer, 0, 10));
        client.setBlocking(pair[0], true);
        assertEquals(0, client.recv(pair[0], buffer, 0, 10), "no wait after shutdown(READ)");
    }

    /** BSD: shutdown on a stream socket that is not connected fails with ENOTCONN and changes nothing. */
    @Test
    void shouldRefuseShutdownOfAnUnconnectedStreamSocketWithNotConnected() throws Exception {
        start();
        int listening = listener(PORT);
        int fd = stream(client);

        SocketException e = assertThrows(SocketException.class, () -> client.shutdown(fd, Shutdown.WRITE),
                "shutdown(WRITE) before connect was accepted silently");
        assertEquals(SocketError.NOT_CONNECTED, e.error());
        client.connect(fd, B, PORT);
        run("queued", () -> bob.tcp().listeners().get(0).queued() == 1);
        assertEquals(1, client.send(fd, buffer, 0, 1), "the connected socket can send");
        server.close(listening);
    }

    @Test
    void shouldReportARefusedNonBlockingConnectOnAwaitConnectedAndLaterCalls() throws Exception {
        start();
        int fd = stream(client);
        client.connect(fd, B, 9999);
        run("refused", () -> "CLOSE".equals(state(client, fd)));

        assertFalse(client.isConnected(fd));
        ConnectionRefusedException e = assertThrows(ConnectionRefusedException.class,
                () -> client.awaitConnected(fd, 0));
        assertTrue(e.getMessage().startsWith("connect"), e.getMessage());
        assertThrows(ConnectionRefusedException.class, () -> client.send(fd, buffer, 0, 1));
        assertTrue(client.awaitReadable(fd, 0), "an error makes the socket readable");
        client.close(fd);
        assertEquals(0, alice.tcp().connectionCount());
    }

    @Test
    void shouldResetPeersOfConnectionsNeverAcceptedWhenTheListenerCloses() throws Exception {
        start();
        int listening = listener(PORT);
        int fd = stream(client);
        client.connect(fd, B, PORT);
        run("queued", () -> bob.tcp().listeners().get(0).queued() == 1);

        server.close(listening);
        run("alice reset", () -> "CLOSE".equals(state(client, fd)));

        assertThrows(ConnectionResetException.class, () -> client.recv(fd, buffer, 0, 10));
        assertEquals(0, bob.tcp().connectionCount());
    }

    @Test
    void shouldResetThePeerWhenClosingWithUnreadData() throws Exception {
        start();
        int[] pair = connected(listener(PORT));
        client.send(pair[0], buffer, 0, 500);
        run("bob has the data", () -> {
            try {
                return server.awaitReadable(pair[1], 0);
            } catch (SocketException e) {
                throw new AssertionError(e);
            }
        });

        server.close(pair[1]);
        run("alice reset", () -> "CLOSE".equals(state(client, pair[0])));

        ConnectionResetException e = assertThrows(ConnectionResetException.class,
                () -> client.recv(pair[0], buffer, 0, 10));
        assertEquals("recv: connection reset by peer", e.getMessage());
        assertThrows(ConnectionResetException.class, () -> client.send(pair[0], buffer, 0, 10));
        assertFalse(client.isConnected(pair[0]));
    }

    @Test
    void shouldQueueWhatFitsNonBlockingThenWouldBlock() throws Exception {
        start(TCP.withBuffers(4096, 4096));
        int[] pair = connected(listener(PORT));

        assertEquals(4096, client.send(pair[0], buffer, 0, 10_000), "what fits the send ring");
        assertEquals(Sockets.WOULD_BLOCK, client.send(pair[0], buffer, 0, 10), "a full ring");
        run("bob's window full, all acknowledged", () -> stateRecvQ(pair[1]) == 4096 && sendQ(pair[0]) == 0);
        assertEquals(4096, client.send(pair[0], buffer, 0, 10_000), "acknowledged: the ring empties");
        assertEquals(Sockets.WOULD_BLOCK, client.send(pair[0], buffer, 0, 10));
        assertEquals(0, client.send(pair[0], buffer, 0, 0), "a send of nothing sends nothing");
    }

    private int sendQ(int fd) {
        try {
            return row(client, fd).sendQueue();
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
    }

    private int stateRecvQ(int fd) {
        try {
            return row(server, fd).receiveQueue();
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldUseTheBoundPortAndAddressForConnect() throws Exception {
        start();
        int listening = listener(PORT);
        int fd = stream(client);
        client.bind(fd, A, 5000);
        assertEquals(new InetEndpoint(A, 5000), client.localAddress(fd));

        client.connect(fd, B, PORT);
        run("queued", () -> bob.tcp().listeners().get(0).queued() == 1);

        assertEquals(new InetEndpoint(A, 5000), client.localAddress(fd));
        PeerAddress from = new PeerAddress();
        server.accept(listening, from);
        assertEquals(new InetEndpoint(A, 5000), from.toEndpoint());

        int again = stream(client); // the same four-tuple cannot be opened twice
        assertThrows(AddressInUseException.class, () -> {
            client.bind(again, A, 5000);
            client.connect(again, B, PORT);
        });
    }

    /**
     * An ephemeral port is one nobody uses: Linux's connect never picks a port another socket is
     * bound to. With the ephemeral range cut to one port that a socket is bound to, connect has no
     * port to choose (EADDRNOTAVAIL) — it must not share the bound socket's port.
     */
    @Test
    void shouldNotPickAnEphemeralPortThatAnotherSocketIsBoundTo() throws Exception {
        TcpConfig d = TCP;
        start(new TcpConfig(d.maxConnections(), d.sendBufferBytes(), d.receiveBufferBytes(), d.maxOutOfOrderRanges(),
                d.initialRtoNanos(), d.minRtoNanos(), d.maxRtoNanos(), d.synRetries(), d.dataRetries(),
                d.delayedAckNanos(), d.flushNanos(), d.timeWaitNanos(), d.finWait2TimeoutNanos(), d.persistMinNanos(),
                d.keepaliveIdleNanos(), d.keepaliveIntervalNanos(), d.keepaliveProbes(), d.synQueueLength(),
                d.challengeAcksPerSecond(), 50000, 50000));
        listener(PORT);
        int bound = stream(client);
        client.bind(bound, Addresses.ANY, 50000);
        int fd = stream(client);

        SocketException e = assertThrows(SocketException.class, () -> client.connect(fd, B, PORT),
                "connect shared port 50000 with the socket bound to it");
        assertEquals(SocketError.ADDRESS_NOT_AVAILABLE, e.error(), e.getMessage());
    }

    @Test
    void shouldSayNoEphemeralPortIsFreeWhenTheOnlyOneIsInTimeWait() throws Exception {
        TcpConfig d = TCP;
        start(new TcpConfig(d.maxConnections(), d.sendBufferBytes(), d.receiveBufferBytes(), d.maxOutOfOrderRanges(),
                d.initialRtoNanos(), d.minRtoNanos(), d.maxRtoNanos(), d.synRetries(), d.dataRetries(),
                d.delayedAckNanos(), d.flushNanos(), d.timeWaitNanos(), d.finWait2TimeoutNanos(), d.persistMinNanos(),
                d.keepaliveIdleNanos(), d.keepaliveIntervalNanos(), d.keepaliveProbes(), d.synQueueLength(),
                d.challengeAcksPerSecond(), 50000, 50000));
        int listening = listener(PORT);
        int[] pair = connected(listening);
        assertEquals(50000, client.localAddress(pair[0]).port());
        client.close(pair[0]);
        server.close(pair[1]);
        run("alice in TIME-WAIT", () -> alice.tcp().connections().stream()
                .anyMatch(c -> c.state() == io.slipway.tcp.TcpState.TIME_WAIT));
        int fd = stream(client);

        SocketException e = fails(SocketError.ADDRESS_NOT_AVAILABLE, () -> client.connect(fd, B, PORT));
        assertEquals("connect 10.0.0.2:8080: no ephemeral port is free: cannot assign requested address",
                e.getMessage());
        run("TIME-WAIT over", () -> alice.tcp().connectionCount() == 0);
        client.connect(fd, B, PORT);
    }

    /**
     * A zero-window sender probes after the persist timer's first delay (200 ms here), then backs
     * off. Connections come from a pool: a new connection in a slot whose previous connection
     * ended while backed off must start from the first delay again. TcpConnection.reset does not
     * clear persistBackoffNanos (enterClosed cancels the timer but keeps the backoff), so the next
     * connection's first probe waits the old, doubled delay (up to maxRto, 60 s): a lost window
     * update then stalls it for that long.
     */
    @Test
    void shouldProbeAZeroWindowAfterTheFirstDelayOnAConnectionThatReusesAPoolSlot() throws Exception {
        start(TCP.withBuffers(4096, 4096));
        int listening = listener(PORT);
        long firstConnectionProbes = zeroWindowProbesWithin(listening, 15 * SECOND);
        assertTrue(firstConnectionProbes >= 4, "the first connection backed off: " + firstConnectionProbes);

        long secondConnectionProbes = zeroWindowProbesWithin(listening, SECOND);

        assertTrue(secondConnectionProbes >= 1, "the second connection sent no zero-window probe within 1 s;"
                + " persist probes (all) " + alice.tcp().events().get(TcpEvent.WINDOW_PROBES));
    }

    /** Opens a connection, shuts bob's window, counts alice's probes over {@code nanos}, then aborts it. */
    private long zeroWindowProbesWithin(int listening, long nanos) throws Exception {
        int[] pair = connected(listening);
        assertEquals(4096, client.send(pair[0], buffer, 0, 4096));
        run("bob's window shut", () -> stateRecvQ(pair[1]) == 4096 && sendQ(pair[0]) == 0);
        assertEquals(100, client.send(pair[0], buffer, 0, 100)); // waits for the window: persist
        long before = alice.tcp().events().get(TcpEvent.WINDOW_PROBES);
        runFor(nanos);
        long probes = alice.tcp().events().get(TcpEvent.WINDOW_PROBES) - before;
        server.close(pair[1]); // unread data: a reset, which ends alice's connection mid-backoff
        run("alice reset", () -> "CLOSE".equals(state(client, pair[0])));
        client.close(pair[0]);
        run("both freed", () -> alice.tcp().connectionCount() == 0 && bob.tcp().connectionCount() == 0);
        return probes;
    }

    // ---------------------------------------------------------------- blocking calls on the polling thread

    @Test
    void shouldRefuseBlockingCallsThatWouldWaitOnThePollingThreadWithIllegalState() throws Exception {
        start();
        int listening = stream(server);
        server.bind(listening, Addresses.ANY, PORT);
        server.listen(listening, 4);
        server.setBlocking(listening, true);
        assertThrows(IllegalStateException.class, () -> server.accept(listening, null), "accept");
        assertThrows(IllegalStateException.class,
                () -> server.awaitReadable(listening, TimeUnit.SECONDS.toNanos(1)), "poll");
        server.setBlocking(listening, false);

        int[] pair = connected(listening);
        client.setBlocking(pair[0], true);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> client.recv(pair[0], buffer, 0, 10), "recv");
        assertTrue(e.getMessage().startsWith("recv"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> client.awaitReadable(pair[0], TimeUnit.SECONDS.toNanos(1)));

        int connecting = stream(client);
        client.connect(connecting, B, PORT);
        // A timeout of 0 does not wait (as awaitReadable's): allowed, and false while the handshake is on.
        assertFalse(client.awaitConnected(connecting, 0), "awaitConnected");
        assertThrows(IllegalStateException.class,
                () -> client.awaitConnected(connecting, TimeUnit.SECONDS.toNanos(1)));

        // what need not wait is allowed
        assertEquals(10, client.send(pair[0], buffer, 0, 10));
        run("bob got it", () -> stateRecvQ(pair[1]) == 10);
        server.setBlocking(pair[1], true);
        assertEquals(10, server.recv(pair[1], buffer, 0, 100));
    }

    /**
     * A blocking connect on the polling thread is refused with IllegalStateException — but only
     * after connectStreamNow ran: the SYN is already on the wire and the socket holds a half-open
     * connection, so the "refused" call did half its work. The refusal should come first.
     */
    @Test
    void shouldRefuseABlockingConnectOnThePollingThreadBeforeItSendsAnything() throws Exception {
        start();
        listener(PORT);
        int fd = client.socket(SocketType.STREAM); // blocking, the default
        long segmentsBefore = alice.tcp().events().get(TcpEvent.SEGMENTS_OUT);

        assertThrows(IllegalStateException.class, () -> client.connect(fd, B, PORT));

        assertEquals(segmentsBefore, alice.tcp().events().get(TcpEvent.SEGMENTS_OUT), "a SYN went out");
        assertEquals(0, alice.tcp().connectionCount(), "a connection was opened by the refused call");
        client.setBlocking(fd, false);
        client.connect(fd, B, PORT); // the socket is as it was: ALREADY_CONNECTED here is the bug
    }

    /**
     * A blocking send on the polling thread that does not fit the send ring copies what fits and
     * then throws IllegalStateException: the caller is told the call failed, yet part of its data
     * is queued and will be sent — it cannot know how much, so the stream is corrupt for it.
     */
    @Test
    void shouldNotQueuePartOfABlockingSendThatIsRefusedOnThePollingThread() throws Exception {
        start(TCP.withBuffers(4096, 4096));
        int[] pair = connected(listener(PORT));
        client.setBlocking(pair[0], true);

        assertThrows(IllegalStateException.class, () -> client.send(pair[0], buffer, 0, 10_000));

        assertEquals(0, row(client, pair[0]).sendQueue(),
                "bytes were queued by a send that threw (Send-Q " + row(client, pair[0]).sendQueue() + ")");
    }

    // ---------------------------------------------------------------- the Java wrappers

    /**
     * A wrapper closed twice (an explicit close inside try-with-resources is common) must not
     * close whatever socket got its descriptor in between: java.io.Closeable says a second close
     * has no effect. StreamSocket and ListeningSocket keep only the number, so the second close
     * closes the new, unrelated socket.
     */
    @Test
    void shouldNotCloseAnotherSocketWhenAWrapperIsClosedTwice() throws Exception {
        start();
        ListeningSocket first = server.openListening(Addresses.ANY, PORT, 4);
        first.close();
        ListeningSocket second = server.openListening(Addresses.ANY, PORT + 1, 4);
        assertEquals(first.descriptor(), second.descriptor(), "the lowest free descriptor, again");

        try {
            first.close(); // again
        } catch (SocketException e) {
            // acceptable as well (BAD_DESCRIPTOR) — as long as nothing else is closed
        }

        assertEquals(1, server.openCount(), "closing the first wrapper again closed the second socket");
        assertEquals("LISTEN", state(server, second.descriptor()));
    }

    // ---------------------------------------------------------------- names, descriptors, release

    @Test
    void shouldReportSockNameAndPeerNameOnStreams() throws Exception {
        start();
        int listening = listener(PORT);
        int fresh = stream(client);
        assertEquals(InetEndpoint.ANY, client.localAddress(fresh), "unbound: 0.0.0.0:0");
        assertEquals(new InetEndpoint(Addresses.ANY, PORT), server.localAddress(listening));
        fails(SocketError.NOT_CONNECTED, () -> server.remoteAddress(listening));

        int[] pair = connected(listening);

        InetEndpoint clientEnd = client.localAddress(pair[0]);
        assertEquals(A, clientEnd.address(), "the source address chosen for the route");
        assertTrue(clientEnd.port() >= 49152 && clientEnd.port() <= 65535, clientEnd.toString());
        assertEquals(new InetEndpoint(B, PORT), client.remoteAddress(pair[0]));
        assertEquals(new InetEndpoint(B, PORT), server.localAddress(pair[1]), "the accepted socket: B, not ANY");
        assertEquals(clientEnd, server.remoteAddress(pair[1]));
    }

    @Test
    void shouldGiveAClosedStreamDescriptorToTheNextSocketFresh() throws Exception {
        start();
        int listening = listener(PORT);
        int[] pair = connected(listening);
        client.close(pair[0]);
        fails(SocketError.BAD_DESCRIPTOR, () -> client.recv(pair[0], buffer, 0, 1));
        fails(SocketError.BAD_DESCRIPTOR, () -> client.close(pair[0]));

        int again = stream(client);

        assertEquals(pair[0], again, "the lowest free descriptor");
        assertFalse(client.isConnected(again), "nothing of the old connection");
        fails(SocketError.NOT_CONNECTED, () -> client.remoteAddress(again));
        fails(SocketError.NOT_CONNECTED, () -> client.recv(again, buffer, 0, 1));
        assertEquals(new SocketInfo(again, SocketType.STREAM, InetEndpoint.ANY, InetEndpoint.ANY, "CLOSE", 0, 0),
                row(client, again));
    }

    @Test
    void shouldReleaseSocketsAndConnectionsAfterCloseAndTimeWait() throws Exception {
        start();
        int listening = listener(PORT);
        for (int round = 0; round < 3; round++) {
            int[] pair = connected(listening);
            assertEquals(5, client.send(pair[0], new byte[5], 0, 5));
            run("bob read", () -> recvNow(server, pair[1]) == 5);
            if (round % 2 == 0) {
                client.close(pair[0]); // the client closes first: TIME-WAIT at alice
                run("FIN at bob", () -> recvNow(server, pair[1]) == 0);
                server.close(pair[1]);
            } else {
                server.close(pair[1]); // the server closes first: TIME-WAIT at bob
                run("FIN at alice", () -> recvNow(client, pair[0]) == 0);
                client.close(pair[0]);
            }
        }
        server.close(listening);
        assertEquals(0, client.openCount());
        assertEquals(0, server.openCount());

        run("every connection gone", () -> alice.tcp().connectionCount() == 0 && bob.tcp().connectionCount() == 0);
        assertEquals(List.of(), bob.tcp().listeners());
        assertEquals(List.of(), client.table());
        assertEquals(List.of(), server.table());
    }

    @Test
    void shouldListEveryStageInTheTable() throws Exception {
        start();
        int fresh = stream(server);
        assertEquals(new SocketInfo(fresh, SocketType.STREAM, InetEndpoint.ANY, InetEndpoint.ANY, "CLOSE", 0, 0),
                row(server, fresh));
        server.bind(fresh, Addresses.ANY, PORT);
        assertEquals(new InetEndpoint(Addresses.ANY, PORT), row(server, fresh).local());
        server.listen(fresh, 4);
        assertEquals(new SocketInfo(fresh, SocketType.STREAM, new InetEndpoint(Addresses.ANY, PORT),
                InetEndpoint.ANY, "LISTEN", 0, 0), row(server, fresh));

        int fd = stream(client);
        client.connect(fd, B, PORT);
        SocketInfo connecting = row(client, fd);
        assertEquals("SYN_SENT", connecting.state());
        assertEquals(new InetEndpoint(B, PORT), connecting.foreign());
        run("queued", () -> bob.tcp().listeners().get(0).queued() == 1);
        assertEquals(1, row(server, fresh).receiveQueue(), "a listener's Recv-Q: connections to accept");
        int accepted = server.accept(fresh, null);
        assertEquals(0, row(server, fresh).receiveQueue());

        client.send(fd, new byte[300], 0, 300);
        assertEquals(300, row(client, fd).sendQueue(), "Send-Q: not yet acknowledged");
        run("at bob", () -> stateRecvQ(accepted) == 300);
        run("acknowledged (a delayed ACK)", () -> sendQ(fd) == 0);

        client.shutdown(fd, Shutdown.WRITE);
        assertEquals("FIN_WAIT1", state(client, fd));
        run("FIN_WAIT2 / CLOSE_WAIT", () -> "FIN_WAIT2".equals(state(client, fd))
                && "CLOSE_WAIT".equals(state(server, accepted)));
        server.shutdown(accepted, Shutdown.WRITE);
        assertEquals("LAST_ACK", state(server, accepted));
        run("TIME_WAIT / CLOSE", () -> "TIME_WAIT".equals(state(client, fd)) && "CLOSE".equals(state(server,
                accepted)));

        String text = Netstat.format(client.table());
        assertTrue(text.startsWith("Proto Recv-Q Send-Q Local Address          Foreign Address        State"), text);
        assertTrue(text.contains("tcp        0      0 10.0.0.1:"), text);
        assertTrue(text.contains("10.0.0.2:8080          TIME_WAIT"), text);
        assertNull(row(client, 99));
    }
}
