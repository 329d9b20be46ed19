package io.slipway.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.slipway.base.SystemClock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.stack.StackRunner;
import io.slipway.tcp.TcpConfig;
import io.slipway.tcp.TcpEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stream sockets as applications use them: two stacks, each on its own {@link StackRunner} in real
 * time, joined by an unpaced SLIP cable (MTU 1006); servers and clients on their own threads with
 * blocking calls, {@link ListeningSocket#accept()}, {@link Sockets#openStream} and the
 * {@link StreamSocket}'s InputStream and OutputStream.
 *
 * <p>Expectations come from the javadoc of {@link Sockets}, {@link StreamSocket} and
 * {@link ListeningSocket}, and where it is silent from what BSD/Linux sockets do. Nothing here
 * asserts an upper time bound: every wait is generous (30 s), so a slow machine never fails a
 * correct stack; a timing assertion only ever says "not before the timeout".
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StreamSocketThreadsTest {
    private static final int A = Ipv4Address.parse("10.0.0.1");
    private static final int B = Ipv4Address.parse("10.0.0.2");
    /** Alice's second line, whose far end nobody ever reads: a host that never answers. */
    private static final int GHOST_LINE = Ipv4Address.parse("10.0.1.1");
    private static final int GHOST = Ipv4Address.parse("10.0.1.2");
    private static final int PORT = 8080;
    private static final long WAIT_SECONDS = 30;
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    /** Short TIME-WAIT (and orphan FIN-WAIT-2), so connections end within a test. */
    private static final TcpConfig TCP = TcpConfig.DEFAULT.withTimeWait(SECOND);

    private final LoopbackCable cable = LoopbackCable.builder(SystemClock.INSTANCE).name("line")
            .framing(Framing.SLIP).mtu(1006).build();
    private final LoopbackCable ghostCable = LoopbackCable.builder(SystemClock.INSTANCE).name("ghost")
            .framing(Framing.SLIP).mtu(1006).build();
    private final List<StackRunner> runners = new ArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private Stack alice;
    private Stack bob;

    // ---------------------------------------------------------------- set-up

    private void start(TcpConfig aliceTcp, TcpConfig bobTcp) {
        alice = stack("alice", cable.a(), A, B, aliceTcp, 1);
        alice.addInterface(ghostCable.a(), InterfaceConfig.pointToPoint(new Ipv4Prefix(GHOST_LINE, 32), GHOST));
        bob = stack("bob", cable.b(), B, A, bobTcp, 2);
        runners.add(new StackRunner(alice, SystemClock.INSTANCE).start());
        runners.add(new StackRunner(bob, SystemClock.INSTANCE).start());
    }

    private void start() {
        start(TCP, TCP);
    }

    private static Stack stack(String name, LanAdapter end, int us, int peer, TcpConfig tcp, long seed) {
        Stack s = new Stack(name, StackConfig.DEFAULT.withTcp(tcp), seed);
        s.addInterface(end, InterfaceConfig.pointToPoint(new Ipv4Prefix(us, 32), peer));
        return s;
    }

    /**
     * {@code base} with another initial and minimum RTO. TcpConfig has no {@code with...} for the
     * RTO bounds, so this goes through the canonical constructor.
     */
    private static TcpConfig withRto(TcpConfig c, long initialNanos, long minNanos) {
        return new TcpConfig(c.maxConnections(), c.sendBufferBytes(), c.receiveBufferBytes(),
                c.maxOutOfOrderRanges(), initialNanos, minNanos, c.maxRtoNanos(), c.synRetries(), c.dataRetries(),
                c.delayedAckNanos(), c.flushNanos(), c.timeWaitNanos(), c.finWait2TimeoutNanos(),
                c.persistMinNanos(), c.keepaliveIdleNanos(), c.keepaliveIntervalNanos(), c.keepaliveProbes(),
                c.synQueueLength(), c.challengeAcksPerSecond(), c.ephemeralFirst(), c.ephemeralLast());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join(5_000);
        }
        for (StackRunner r : runners) {
            assertNull(r.failure(), "a stack thread died");
            r.close();
        }
        cable.close();
        ghostCable.close();
    }

    // ---------------------------------------------------------------- helpers

    /** Runs {@code body} on a new application thread; its future answers what it returned or threw. */
    private <T> FutureTask<T> spawn(String name, Callable<T> body) {
        FutureTask<T> task = new FutureTask<>(body);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return task;
    }

    private Thread thread(String name) {
        for (Thread t : threads) {
            if (t.getName().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no thread " + name);
    }

    /** Waits until {@code t} is parked in one of {@code states}: it has reached its blocking call. */
    private static void awaitParked(Thread t, Thread.State... states) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<Thread.State> wanted = Arrays.asList(states);
        while (!wanted.contains(t.getState())) {
            if (System.nanoTime() - deadline > 0 || !t.isAlive()) {
                fail(t.getName() + " never blocked: " + t.getState());
            }
            Thread.sleep(1);
        }
    }

    private static <T> T result(FutureTask<T> task) throws Exception {
        try {
            return task.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The exception {@code task} ended with; fails if it returned. */
    private static <E extends Throwable> E failure(Class<E> type, FutureTask<?> task) {
        return assertThrows(type, () -> result(task));
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                fail("never happened: " + what);
            }
            Thread.sleep(2);
        }
    }

    private static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Writes {@code data} in pieces of random sizes, as applications do. */
    private static void writeInPieces(OutputStream out, byte[] data, long seed) throws IOException {
        Random r = new Random(seed);
        for (int off = 0; off < data.length; ) {
            int n = Math.min(data.length - off, 1 + r.nextInt(9000));
            out.write(data, off, n);
            off += n;
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] b = new byte[4096];
        for (int n; (n = in.read(b, 0, b.length)) != -1; ) {
            assertTrue(n > 0, "read returned " + n);
            all.write(b, 0, n);
        }
        return all.toByteArray();
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] b = new byte[length];
        for (int off = 0; off < length; ) {
            int n = in.read(b, off, length - off);
            if (n < 0) {
                throw new AssertionError("end of stream after " + off + " of " + length + " bytes");
            }
            off += n;
        }
        return b;
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static SocketInfo row(Sockets api, int descriptor) throws SocketException {
        for (SocketInfo i : api.table()) {
            if (i.descriptor() == descriptor) {
                return i;
            }
        }
        return null;
    }

    private static String state(Sockets api, int descriptor) throws SocketException {
        SocketInfo i = row(api, descriptor);
        return i == null ? null : i.state();
    }

    /** A connected pair: alice's client socket and bob's accepted one. */
    private StreamSocket[] connectedPair() throws Exception {
        ListeningSocket listening = bob.sockets().openListening(Addresses.ANY, PORT, 4);
        FutureTask<StreamSocket> accepted = spawn("acceptor", listening::accept);
        StreamSocket client = alice.sockets().openStream(B, PORT);
        StreamSocket server = result(accepted);
        listening.close();
        return new StreamSocket[] {client, server};
    }

    // ---------------------------------------------------------------- bulk, echo, many clients

    @Test
    void shouldMoveOneMebibyteEachWayAtOnceWithEqualSha256() throws Exception {
        start();
        byte[] up = random(1 << 20, 1);
        byte[] down = random(1 << 20, 2);
        ListeningSocket listening = bob.sockets().openListening(Addresses.ANY, PORT, 4);
        FutureTask<byte[]> server = spawn("server", () -> {
            try (StreamSocket s = listening.accept()) {
                FutureTask<Void> writer = spawn("server-writer", () -> {
                    writeInPieces(s.getOutputStream(), down, 3);
                    return null;
                });
                byte[] got = readToEnd(s.getInputStream());
                result(writer);
                return got;
            }
        });

        byte[] gotDown;
        try (StreamSocket client = alice.sockets().openStream(B, PORT)) {
            FutureTask<Void> writer = spawn("client-writer", () -> {
                writeInPieces(client.getOutputStream(), up, 4);
                client.shutdownOutput();
                return null;
            });
            gotDown = readToEnd(client.getInputStream());
            result(writer);
        }
        byte[] gotUp = result(server);

        assertEquals(up.length, gotUp.length, "bytes alice -> bob");
        assertEquals(down.length, gotDown.length, "bytes bob -> alice");
        assertArrayEquals(sha256(up), sha256(gotUp), "SHA-256 alice -> bob");
        assertArrayEquals(sha256(down), sha256(gotDown), "SHA-256 bob -> alice");
        listening.close();
    }

    @Test
    void shouldEchoManySmallWritesWithNoDelayWithoutDeadlock() throws Exception {
        start();
        ListeningSocket listening = bob.sockets().openListening(Addresses.ANY, PORT, 4);
        FutureTask<Long> server = spawn("echo", () -> {
            long echoed = 0;
            try (StreamSocket s = listening.accept().setNoDelay(true)) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] b = new byte[512];
                for (int n; (n = in.read(b, 0, b.length)) != -1; ) {
                    out.write(b, 0, n);
                    echoed += n;
                }
            }
            return echoed;
        });

        long total = 0;
        Random r = new Random(7);
        try (StreamSocket client = alice.sockets().openStream(B, PORT).setNoDelay(true)) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            for (int i = 0; i < 2_000; i++) {
                byte[] message = new byte[1 + r.nextInt(64)];
                r.nextBytes(message);
                if (i % 3 == 0) {
                    for (byte x : message) {
                        out.write(x); // one byte at a time: many tiny segments
                    }
                } else {
                    out.write(message);
                }
                assertArrayEquals(message, readExactly(in, message.length), "round trip " + i);
                total += message.length;
            }
            client.shutdownOutput();
            assertEquals(-1, in.read(), "the echo server closes after our FIN");
        }
        assertEquals(total, result(server));
        listening.close();
    }

    @Test
    void shouldServeEightConcurrentClientsOnOneListener() throws Exception {
        start();
        int clients = 8;
        int each = 32 * 1024;
        Sockets server = bob.sockets();
        int listener = server.socket(SocketType.STREAM);
        server.bind(listener, Addresses.ANY, PORT);
        server.listen(listener, clients);
        Set<InetEndpoint> peersSeen = java.util.Collections.synchronizedSet(new HashSet<>());
        FutureTask<Integer> acceptor = spawn("acceptor", () -> {
            for (int i = 0; i < clients; i++) {
                PeerAddress from = new PeerAddress();
                int fd = server.accept(listener, from);
                peersSeen.add(from.toEndpoint());
                assertEquals(from.toEndpoint(), server.remoteAddress(fd), "accept's from is getpeername");
                StreamSocket s = new StreamSocket(server, fd);
                spawn("handler-" + i, () -> {
                    try (s) {
                        byte[] got = readToEnd(s.getInputStream());
                        s.getOutputStream().write(got); // echo it all back, then close
                        return got.length;
                    }
                });
            }
            return clients;
        });

        List<FutureTask<InetEndpoint>> tasks = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            tasks.add(spawn("client-" + c, () -> {
                byte[] data = random(each, 100 + id);
                try (StreamSocket s = alice.sockets().openStream(B, PORT)) {
                    writeInPieces(s.getOutputStream(), data, id);
                    s.shutdownOutput();
                    byte[] back = readToEnd(s.getInputStream());
                    assertArrayEquals(sha256(data), sha256(back), "client " + id + "'s echo");
                    return s.localAddress();
                }
            }));
        }
        Set<InetEndpoint> clientEnds = new HashSet<>();
        for (FutureTask<InetEndpoint> t : tasks) {
            clientEnds.add(result(t));
        }
        assertEquals(clients, result(acceptor));
        assertEquals(clients, clientEnds.size(), "every client had its own port");
        assertEquals(clientEnds, peersSeen, "the server saw each client's address and port");
        server.close(listener);
    }

    // ---------------------------------------------------------------- connect failures

    @Test
    void shouldRefuseABlockingConnectToAPortNobodyListensOnNamingTheAddress() throws Exception {
        start();
        Sockets api = alice.sockets();

        ConnectionRefusedException e = assertThrows(ConnectionRefusedException.class, () -> api.openStream(B, 9999));

        assertEquals(SocketError.CONNECTION_REFUSED, e.error());
        assertTrue(e.getMessage().contains("10.0.0.2:9999"), e.getMessage());
        assertEquals("connect 10.0.0.2:9999: connection refused", e.getMessage());
        assertEquals(0, api.openCount(), "openStream closes the socket it failed to connect");
        waitFor("alice's connection freed", () -> alice.tcp().connectionCount() == 0);

        int fd = api.socket(SocketType.STREAM); // the plain API: the socket stays, unconnected
        assertThrows(ConnectionRefusedException.class, () -> api.connect(fd, B, 9999));
        assertFalse(api.isConnected(fd));
        api.close(fd);
    }

    @Test
    void shouldTimeOutABlockingConnectToAHostThatNeverAnswersAfterTheSynRetries() throws Exception {
        // 2 retries, RTO 100 ms doubling: SYNs at 0, 100, 300 ms, given up at 700 ms.
        start(withRto(TCP.withRetries(2, 15), 100 * MS, 100 * MS), TCP);
        Sockets api = alice.sockets();
        int fd = api.socket(SocketType.STREAM);
        long start = System.nanoTime();

        TimedOutException e = assertThrows(TimedOutException.class, () -> api.connect(fd, GHOST, 80));

        long waited = System.nanoTime() - start;
        assertEquals("connect 10.0.1.2:80: timed out", e.getMessage());
        assertTrue(waited >= 700 * MS, "gave up after " + waited / MS + " ms, before 100 + 200 + 400 ms");
        assertEquals(3, ghostCable.a().counters().framesOut(), "the SYN and its 2 retransmissions");
        assertEquals(1, alice.tcp().events().get(TcpEvent.CONNECTIONS_TIMED_OUT));
        assertFalse(api.isConnected(fd));
        api.close(fd);
        waitFor("alice's connection freed", () -> alice.tcp().connectionCount() == 0);
    }

    @Test
    void shouldWakeABlockingConnectWhenAnotherThreadClosesTheSocket() throws Exception {
        start(); // default SYN retries: the connect would wait about two minutes
        Sockets api = alice.sockets();
        int fd = api.socket(SocketType.STREAM);
        FutureTask<Void> connecting = spawn("connector", () -> {
            api.connect(fd, GHOST, 80);
            return null;
        });
        awaitParked(thread("connector"), Thread.State.WAITING);

        api.close(fd);

        SocketException e = failure(SocketException.class, connecting);
        assertEquals(SocketError.BAD_DESCRIPTOR, e.error(), e.getMessage());
        waitFor("the half-open connection freed", () -> alice.tcp().connectionCount() == 0);
    }

    // ---------------------------------------------------------------- timeouts, close, interrupt

    @Test
    void shouldTimeOutAnAcceptNoSoonerThanTheReceiveTimeout() throws Exception {
        start();
        ListeningSocket listening = bob.sockets().openListening(Addresses.ANY, PORT, 4)
                .setTimeout(Duration.ofMillis(300));
        long start = System.nanoTime();

        TimedOutException e = assertThrows(TimedOutException.class, listening::accept);

        assertTrue(System.nanoTime() - start >= 300 * MS);
        assertTrue(e.getMessage().startsWith("accept"), e.getMessage());
        // the listener still works after a timeout
        listening.setTimeout(Duration.ofSeconds(WAIT_SECONDS));
        FutureTask<StreamSocket> accepted = spawn("acceptor", listening::accept);
        try (StreamSocket client = alice.sockets().openStream(B, PORT); StreamSocket server = result(accepted)) {
            assertEquals(client.localAddress(), server.remoteAddress());
        }
        listening.close();
    }

    @Test
    void shouldTimeOutABlockedReadNoSoonerThanTheReceiveTimeoutAndStayUsable() throws Exception {
        start();
        StreamSocket[] pair = connectedPair();
        StreamSocket client = pair[0];
        client.setReceiveTimeout(Duration.ofMillis(300));
        long start = System.nanoTime();

        TimedOutException e = assertThrows(TimedOutException.class, () -> client.getInputStream().read());

        assertTrue(System.nanoTime() - start >= 300 * MS);
        assertTrue(e.getMessage().startsWith("recv"), e.getMessage());
        pair[1].getOutputStream().write(42);
        assertEquals(42, client.getInputStream().read(), "a timeout leaves the connection as it was");
        client.close();
        pair[1].close();
    }

    @Test
    void shouldWakeAThreadBlockedInReadWithBadDescriptorWhenAnotherThreadCloses() throws Exception {
        start();
        StreamSocket[] pair = connectedPair();
        FutureTask<Integer> reader = spawn("reader", () -> pair[0].getInputStream().read());
        awaitParked(thread("reader"), Thread.State.WAITING);

        pair[0].close();

        SocketException e = failure(SocketException.class, reader);
        assertEquals(SocketError.BAD_DESCRIPTOR, e.error(), e.getMessage());
        pair[1].setReceiveTimeout(Duration.ofSeconds(WAIT_SECONDS));
        assertEquals(-1, pair[1].getInputStream().read(), "the close was graceful: the peer sees the FIN");
        pair[1].close();
    }

    @Test
    void shouldWakeAThreadBlockedInAcceptWithBadDescriptorWhenAnotherThreadClosesTheListener() throws Exception {
        start();
        ListeningSocket listening = bob.sockets().openListening(Addresses.ANY, PORT, 4);
        FutureTask<StreamSocket> acceptor = spawn("acceptor", listening::accept);
        awaitParked(thread("acceptor"), Thread.State.WAITING);

        listening.close();

        SocketException e = failure(SocketException.class, acceptor);
        assertEquals(SocketError.BAD_DESCRIPTOR, e.error(), e.getMessage());
        assertThrows(ConnectionRefusedException.class, () -> alice.sockets().openStream(B, PORT),
                "nobody listens any more");
    }

    @Test
    void shouldFailAReadWithInterruptedWhenItsThreadIsInterruptedAndKeepTheConnection() throws Exception {
        start();
        StreamSocket[] pair = connectedPair();
        List<String> seen = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch firstOver = new java.util.concurrent.CountDownLatch(1);
        FutureTask<Integer> reader = spawn("reader", () -> {
            try {
                pair[0].getInputStream().read();
                seen.add("returned");
            } catch (SocketException e) {
                seen.add(e.error() + " interrupted=" + Thread.interrupted());
            }
            firstOver.countDown();
            return pair[0].getInputStream().read();
        });
        awaitParked(thread("reader"), Thread.State.WAITING);

        thread("reader").interrupt();
        assertTrue(firstOver.await(WAIT_SECONDS, TimeUnit.SECONDS));
        pair[1].getOutputStream().write(7);

        assertEquals(7, result(reader));
        assertEquals(List.of("INTERRUPTED interrupted=true"), seen);
        pair[0].close();
        pair[1].close();
    }

    @Test
    void shouldReturnEndOfStreamToABlockedReaderWhenAnotherThreadShutsReadingDown() throws Exception {
        start();
        StreamSocket[] pair = connectedPair();
        Sockets api = alice.sockets();
        FutureTask<Integer> reader = spawn("reader", () -> pair[0].getInputStream().read());
        awaitParked(thread("reader"), Thread.State.WAITING);

        api.shutdown(pair[0].descriptor(), Shutdown.READ);

        assertEquals(-1, result(reader), "shutdown: a blocked call returns (a read with 0)");
        pair[0].close();
        pair[1].close();
    }

    // ---------------------------------------------------------------- reset

    @Test
    void shouldFailABlockedReaderWithConnectionResetWhenThePeerClosesWithUnreadData() throws Exception {
        start();
        StreamSocket[] pair = connectedPair();
        StreamSocket client = pair[0];
        StreamSocket server = pair[1];
        Sockets bobApi = bob.sockets();
        client.getOutputStream().write(new byte[1000]);
        assertTrue(bobApi.awaitReadable(server.descriptor(), TimeUnit.SECONDS.toNanos(WAIT_SECONDS)),
                "the data reached bob's receive ring");
        FutureTask<Integer> reader = spawn("reader", () -> client.getInputStream().read());
        awaitParked(thread("reader"), Thread.State.WAITING);

        server.close(); // 1000 bytes unread: a reset (RFC 2525 §2.17), not a FIN

        ConnectionResetException e = failure(ConnectionResetException.class, reader);
        assertEquals(SocketError.CONNECTION_RESET, e.error());
        assertTrue(e.getMessage().startsWith("recv"), e.getMessage());
        assertTrue(bob.tcp().events().get(TcpEvent.RESETS_OUT) >= 1);
        assertFalse(alice.sockets().isConnected(client.descriptor()));
        assertThrows(ConnectionResetException.class, () -> client.getOutputStream().write(1),
                "a write after the reset fails too");
        client.close();
        waitFor("both connections freed",
                () -> alice.tcp().connectionCount() == 0 && bob.tcp().connectionCount() == 0);
    }

    @Test
    void shouldFailABlockedWriterWithConnectionResetWhenThePeerAborts() throws Exception {
        TcpConfig small = TCP.withBuffers(4096, 4096);
        start(small, small);
        StreamSocket[] pair = connectedPair();
        FutureTask<Void> writer = spawn("writer", () -> {
            pair[0].getOutputStream().write(new byte[64 * 1024]); // far more than both rings hold
            return null;
        });
        awaitParked(thread("writer"), Thread.State.WAITING);
        waitFor("bob's receive ring holds data", () -> row(bob.sockets(), pair[1].descriptor()).receiveQueue() > 0);

        pair[1].close(); // unread data: reset

        SocketException e = failure(SocketException.class, writer);
        assertEquals(SocketError.CONNECTION_RESET, e.error(), e.getMessage());
        pair[0].close();
    }

    @Test
    void shouldFailWritesWithResetOnceThePeerThatClosedAnswersDataWithAReset() throws Exception {
        start();
        StreamSocket[] pair = connectedPair();
        pair[1].close(); // bob closes at once: FIN; whatever alice sends now gets a reset
        InputStream in = pair[0].getInputStream();
        assertEquals(-1, in.read(), "alice sees bob's FIN");

        SocketException e = assertThrows(SocketException.class, () -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() - deadline < 0) {
                pair[0].getOutputStream().write(new byte[100]); // into CLOSE-WAIT: allowed, as BSD does
                Thread.sleep(5);
            }
        });

        assertEquals(SocketError.CONNECTION_RESET, e.error(), e.getMessage());
        assertEquals(-1, in.read(), "the FIN came before the reset: reads still see the end of stream");
        pair[0].close();
    }

    // ---------------------------------------------------------------- half-close, graceful close

    @Test
    void shouldHalfCloseSoTheServerReadsToEndOfStreamThenRepliesAndTheClientReadsItAll() throws Exception {
        start();
        byte[] request = random(50_000, 11);
        byte[] reply = random(100_000, 12);
        ListeningSocket listening = bob.sockets().openListening(Addresses.ANY, PORT, 4);
        FutureTask<byte[]> server = spawn("server", () -> {
            try (StreamSocket s = listening.accept()) {
                InputStream in = s.getInputStream();
                byte[] got = readToEnd(in);
                assertEquals(-1, in.read(), "end of stream again");
                assertEquals(-1, in.read(new byte[10], 0, 10), "and again");
                assertEquals(0, in.read(new byte[10], 0, 0), "a read of 0 bytes is 0, not the end");
                writeInPieces(s.getOutputStream(), reply, 13);
                return got;
            }
        });

        try (StreamSocket client = alice.sockets().openStream(B, PORT)) {
            writeInPieces(client.getOutputStream(), request, 14);
            client.shutdownOutput();
            SocketException e = assertThrows(SocketException.class, () -> client.getOutputStream().write(1));
            assertEquals(SocketError.SHUT_DOWN, e.error(), "no writes after shutdown(WRITE)");

            byte[] got = readToEnd(client.getInputStream());

            assertArrayEquals(sha256(reply), sha256(got), "the reply after our FIN");
            assertEquals(-1, client.getInputStream().read());
        }
        assertArrayEquals(sha256(request), sha256(result(server)));
        listening.close();
    }

    @Test
    void shouldDeliverEveryPendingByteThenEndOfStreamWhenTheWriterClosesAtOnce() throws Exception {
        start();
        // 100 KB: more than alice's send ring (64 KiB), less than it and bob's receive ring together,
        // so write returns with tens of KB unsent, bob's window shut, and alice closes at once.
        byte[] data = random(100_000, 21);
        StreamSocket[] pair = connectedPair();
        pair[0].getOutputStream().write(data);
        pair[0].close();
        Thread.sleep(300); // bob reads only after the close, and after a persist probe or two

        byte[] got = readToEnd(pair[1].getInputStream());

        assertEquals(data.length, got.length);
        assertArrayEquals(sha256(data), sha256(got), "a graceful close delivers everything queued");
        pair[1].close();
        waitFor("both connections ended (TIME-WAIT of 1 s included)",
                () -> alice.tcp().connectionCount() == 0 && bob.tcp().connectionCount() == 0);
    }

    // ---------------------------------------------------------------- a full send ring

    @Test
    void shouldWakeABlockedWriterAndContinueWhenThePeerReads() throws Exception {
        TcpConfig small = TCP.withBuffers(4096, 4096);
        start(small, small);
        byte[] data = random(200_000, 31);
        StreamSocket[] pair = connectedPair();
        AtomicLong written = new AtomicLong();
        FutureTask<Void> writer = spawn("writer", () -> {
            OutputStream out = pair[0].getOutputStream();
            for (int off = 0; off < data.length; off += 10_000) {
                out.write(data, off, 10_000);
                written.addAndGet(10_000);
            }
            pair[0].shutdownOutput();
            return null;
        });
        awaitParked(thread("writer"), Thread.State.WAITING);
        Thread.sleep(300); // long enough for a zero-window probe
        assertTrue(written.get() <= 10_000, "the writer waits for room: " + written.get() + " bytes written");
        assertFalse(writer.isDone());

        byte[] got = readToEnd(pair[1].getInputStream());

        result(writer);
        assertArrayEquals(sha256(data), sha256(got));
        pair[0].close();
        pair[1].close();
    }

    @Test
    void shouldWakeABlockedWriterWithBadDescriptorWhenAnotherThreadCloses() throws Exception {
        TcpConfig small = TCP.withBuffers(4096, 4096);
        start(small, small);
        StreamSocket[] pair = connectedPair();
        FutureTask<Void> writer = spawn("writer", () -> {
            pair[0].getOutputStream().write(new byte[64 * 1024]);
            return null;
        });
        awaitParked(thread("writer"), Thread.State.WAITING);

        pair[0].close();

        SocketException e = failure(SocketException.class, writer);
        assertEquals(SocketError.BAD_DESCRIPTOR, e.error(), e.getMessage());
        pair[1].close();
    }

    /**
     * {@link OutputStream#write(byte[], int, int)} either writes every byte or throws. With a send
     * timeout on the descriptor ({@link Sockets#setSendTimeout}), {@link Sockets#send} may return a
     * short count ("what fits" after the timeout); the StreamSocket's OutputStream ignores that
     * count and returns normally, so the rest of the buffer is silently dropped from the stream.
     */
    @Test
    void shouldNotReturnNormallyFromOutputStreamWriteWhenTheSendTimeoutCutItShort() throws Exception {
        TcpConfig small = TCP.withBuffers(4096, 4096);
        start(small, small);
        StreamSocket[] pair = connectedPair();
        alice.sockets().setSendTimeout(pair[0].descriptor(), 300, TimeUnit.MILLISECONDS);
        byte[] data = random(64 * 1024, 41);

        // bob never reads: at most both 4 KiB rings' worth can be queued
        IOException e = assertThrows(IOException.class, () -> pair[0].getOutputStream().write(data),
                "OutputStream.write returned normally although most of the 64 KiB was never queued");

        assertTrue(e instanceof TimedOutException, e.toString());
        pair[0].close();
        pair[1].close();
    }

    // ---------------------------------------------------------------- a peer that goes silent

    @Test
    void shouldFailABlockedReaderWithTimedOutWhenKeepaliveProbesGoUnanswered() throws Exception {
        TcpConfig keepalive = TCP.withKeepalive(200 * MS, 100 * MS, 2);
        start(keepalive, keepalive);
        StreamSocket[] pair = connectedPair();
        alice.sockets().setKeepalive(pair[0].descriptor(), true);
        FutureTask<Integer> reader = spawn("reader", () -> pair[0].getInputStream().read());
        awaitParked(thread("reader"), Thread.State.WAITING);

        runners.get(1).close(); // bob's stack stops: nothing answers any more

        TimedOutException e = failure(TimedOutException.class, reader);
        assertTrue(e.getMessage().startsWith("recv"), e.getMessage());
        assertEquals(2, alice.tcp().events().get(TcpEvent.KEEPALIVE_PROBES));
        pair[0].close();
    }

    @Test
    void shouldKeepAnIdleConnectionWhosePeerAnswersKeepaliveProbes() throws Exception {
        TcpConfig keepalive = TCP.withKeepalive(100 * MS, 50 * MS, 2);
        start(keepalive, keepalive);
        StreamSocket[] pair = connectedPair();
        alice.sockets().setKeepalive(pair[0].descriptor(), true);

        waitFor("several idle periods' probes",
                () -> alice.tcp().events().get(TcpEvent.KEEPALIVE_PROBES) >= 4);

        assertTrue(alice.sockets().isConnected(pair[0].descriptor()));
        pair[1].getOutputStream().write(99);
        assertEquals(99, pair[0].getInputStream().read());
        pair[0].getOutputStream().write(0xFF);
        assertEquals(0xFF, pair[1].getInputStream().read(), "byte 255 reads as 255, not as the end of stream");
        pair[0].close();
        pair[1].close();
    }

    @Test
    void shouldFailABlockedWriterWithTimedOutWhenThePeerStopsAcknowledging() throws Exception {
        TcpConfig impatient = withRto(TCP.withRetries(2, 2), 100 * MS, 100 * MS);
        start(impatient, impatient);
        StreamSocket[] pair = connectedPair();
        runners.get(1).close(); // bob's stack stops

        FutureTask<Void> writer = spawn("writer", () -> {
            OutputStream out = pair[0].getOutputStream();
            for (int i = 0; i < 1_000; i++) {
                out.write(new byte[10_000]); // fills the ring, then waits for ACKs that never come
            }
            return null;
        });

        TimedOutException e = failure(TimedOutException.class, writer);
        assertTrue(e.getMessage().startsWith("send"), e.getMessage());
        assertEquals(1, alice.tcp().events().get(TcpEvent.CONNECTIONS_TIMED_OUT));
        assertFalse(alice.sockets().isConnected(pair[0].descriptor()));
        pair[0].close();
    }

    // ---------------------------------------------------------------- backlog, non-blocking connect, poll

    @Test
    void shouldLetConnectionsBeyondTheBacklogWaitHalfOpenUntilTheServerAccepts() throws Exception {
        start();
        ListeningSocket listening = bob.sockets().openListening(Addresses.ANY, PORT, 1);
        int clients = 4;
        List<FutureTask<Void>> tasks = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            tasks.add(spawn("client-" + c, () -> {
                try (StreamSocket s = alice.sockets().openStream(B, PORT)) {
                    s.getOutputStream().write(new byte[] {(byte) id});
                    s.shutdownOutput();
                    assertEquals(-1, s.getInputStream().read());
                }
                return null;
            }));
        }
        waitFor("one queued (the backlog), the rest half-open",
                () -> bob.tcp().listeners().get(0).queued() == 1
                        && bob.tcp().listeners().get(0).halfOpen() == clients - 1);

        Set<Integer> ids = new HashSet<>();
        for (int c = 0; c < clients; c++) {
            try (StreamSocket s = listening.accept()) {
                byte[] got = readToEnd(s.getInputStream());
                assertEquals(1, got.length);
                ids.add((int) got[0]);
            }
        }
        for (FutureTask<Void> t : tasks) {
            result(t);
        }
        assertEquals(Set.of(0, 1, 2, 3), ids);
        listening.close();
    }

    @Test
    void shouldAcceptAConnectionTheClientAlreadyClosedAndStillReadItsData() throws Exception {
        start();
        ListeningSocket listening = bob.sockets().openListening(Addresses.ANY, PORT, 4);
        try (StreamSocket client = alice.sockets().openStream(B, PORT)) {
            client.getOutputStream().write("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        waitFor("queued at bob", () -> bob.tcp().listeners().get(0).queued() == 1);

        try (StreamSocket s = listening.accept()) {
            assertEquals("hello", new String(readToEnd(s.getInputStream()), java.nio.charset.StandardCharsets.US_ASCII));
        }
        listening.close();
    }

    @Test
    void shouldConnectNonBlockingAndAwaitConnectedFromAnotherThread() throws Exception {
        start();
        Sockets server = bob.sockets();
        ListeningSocket listening = server.openListening(Addresses.ANY, PORT, 4);
        assertFalse(server.awaitReadable(listening.descriptor(), 0), "nothing to accept yet");
        Sockets api = alice.sockets();
        int fd = api.socket(SocketType.STREAM);
        api.setBlocking(fd, false);

        api.connect(fd, B, PORT); // returns at once

        assertTrue(api.awaitConnected(fd, TimeUnit.SECONDS.toNanos(WAIT_SECONDS)));
        assertTrue(api.isConnected(fd));
        assertTrue(server.awaitReadable(listening.descriptor(), TimeUnit.SECONDS.toNanos(WAIT_SECONDS)),
                "a listener is readable when a connection waits to be accepted");
        server.setBlocking(listening.descriptor(), false);
        int accepted = server.accept(listening.descriptor(), null);
        assertTrue(accepted >= SocketLayer.FIRST_DESCRIPTOR);
        assertEquals(Sockets.WOULD_BLOCK, server.accept(listening.descriptor(), null));
        assertEquals(Sockets.WOULD_BLOCK, api.recv(fd, new byte[10], 0, 10));

        int refused = api.socket(SocketType.STREAM);
        api.setBlocking(refused, false);
        api.connect(refused, B, 9999);
        assertThrows(ConnectionRefusedException.class,
                () -> api.awaitConnected(refused, TimeUnit.SECONDS.toNanos(WAIT_SECONDS)));
        assertFalse(api.isConnected(refused));
        api.close(refused);

        int ghost = api.socket(SocketType.STREAM);
        api.setBlocking(ghost, false);
        api.connect(ghost, GHOST, 80);
        long start = System.nanoTime();
        assertFalse(api.awaitConnected(ghost, 200 * MS), "not connected when the wait ran out");
        assertTrue(System.nanoTime() - start >= 200 * MS);
        assertFalse(api.isConnected(ghost));
        api.close(ghost);
        api.close(fd);
        server.close(accepted);
        listening.close();
    }

    /**
     * A blocking send on a socket whose (non-blocking) connect is still in progress must wait for
     * the handshake, parked. StreamEntry.isReady(WRITABLE) is true in SYN-SENT as soon as the send
     * ring has room, so the write loop's await returns at once and it spins on the CPU instead.
     */
    @Test
    void shouldParkABlockingSendWhileTheConnectIsStillInProgress() throws Exception {
        start(); // the ghost never answers: SYN-SENT for about two minutes
        Sockets api = alice.sockets();
        int fd = api.socket(SocketType.STREAM);
        api.setBlocking(fd, false);
        api.connect(fd, GHOST, 80);
        api.setBlocking(fd, true);
        FutureTask<Integer> writer = spawn("writer", () -> api.send(fd, new byte[10], 0, 10));
        try {
            Thread.sleep(50); // time to reach its wait
            // a parked writer is WAITING; a spinning one is RUNNABLE (sampled, since a spinning
            // thread may be descheduled or take the wait lock's slow path now and then)
            int runnable = 0;
            for (int i = 0; i < 200; i++) {
                runnable += thread("writer").getState() == Thread.State.RUNNABLE ? 1 : 0;
                Thread.sleep(1);
            }
            assertTrue(runnable < 20, "the blocked send spins: RUNNABLE in " + runnable + " of 200 samples");
        } finally {
            api.close(fd);
        }
        SocketException e = failure(SocketException.class, writer);
        assertEquals(SocketError.BAD_DESCRIPTOR, e.error(), e.getMessage());
    }

    // ---------------------------------------------------------------- netstat

    @Test
    void shouldShowListenEstablishedCloseWaitFinWait2AndTimeWaitInTheTable() throws Exception {
        start();
        Sockets server = bob.sockets();
        Sockets client = alice.sockets();
        ListeningSocket listening = server.openListening(Addresses.ANY, PORT, 4);
        SocketInfo listen = row(server, listening.descriptor());
        assertEquals(new SocketInfo(listening.descriptor(), SocketType.STREAM, new InetEndpoint(Addresses.ANY, PORT),
                InetEndpoint.ANY, "LISTEN", 0, 0), listen);

        StreamSocket[] pair;
        FutureTask<StreamSocket> accepted = spawn("acceptor", listening::accept);
        StreamSocket c = client.openStream(B, PORT);
        StreamSocket s = result(accepted);
        pair = new StreamSocket[] {c, s};
        InetEndpoint clientEnd = c.localAddress();
        assertEquals(A, clientEnd.address());
        assertTrue(clientEnd.port() >= 49152, "an ephemeral port from 49152-65535: " + clientEnd);
        assertEquals(new SocketInfo(c.descriptor(), SocketType.STREAM, clientEnd, new InetEndpoint(B, PORT),
                "ESTABLISHED", 0, 0), row(client, c.descriptor()));
        assertEquals(new SocketInfo(s.descriptor(), SocketType.STREAM, new InetEndpoint(B, PORT), clientEnd,
                "ESTABLISHED", 0, 0), row(server, s.descriptor()));

        c.getOutputStream().write(new byte[123]);
        waitFor("Recv-Q 123 at bob", () -> row(server, s.descriptor()).receiveQueue() == 123);
        assertEquals(123, readExactly(s.getInputStream(), 123).length);
        waitFor("Recv-Q 0 at bob", () -> row(server, s.descriptor()).receiveQueue() == 0);
        waitFor("Send-Q 0 at alice once acknowledged", () -> row(client, c.descriptor()).sendQueue() == 0);

        c.shutdownOutput();
        waitFor("alice FIN_WAIT2", () -> "FIN_WAIT2".equals(state(client, c.descriptor())));
        waitFor("bob CLOSE_WAIT", () -> "CLOSE_WAIT".equals(state(server, s.descriptor())));

        s.close();
        waitFor("alice TIME_WAIT", () -> "TIME_WAIT".equals(state(client, c.descriptor())));
        waitFor("alice CLOSE after TIME-WAIT's 1 s", () -> "CLOSE".equals(state(client, c.descriptor())));
        c.close();
        assertNull(row(client, c.descriptor()));
        listening.close();
        assertEquals(List.of(), server.table());
        assertEquals(List.of(), client.table());
        waitFor("connections freed", () -> alice.tcp().connectionCount() == 0 && bob.tcp().connectionCount() == 0);
        String text = Netstat.format(List.of(listen));
        assertTrue(text.contains("tcp        0      0 0.0.0.0:8080           0.0.0.0:*              LISTEN"), text);
    }

    /**
     * netstat on Linux lists the connections of closed sockets that TCP still holds — above all
     * the TIME_WAIT of the side that closed first — and the table here is "as netstat shows it".
     */
    @Test
    void shouldListTheTimeWaitOfAClosedSocketAsNetstatDoes() throws Exception {
        start();
        StreamSocket[] pair = connectedPair();
        pair[0].close(); // alice closes first: her side ends in TIME-WAIT
        assertEquals(-1, pair[1].getInputStream().read());
        pair[1].close();
        waitFor("alice's connection in TIME-WAIT", () -> alice.tcp().connections().stream()
                .anyMatch(x -> x.state() == io.slipway.tcp.TcpState.TIME_WAIT));

        List<SocketInfo> table = alice.sockets().table();

        assertTrue(table.stream().anyMatch(i -> i.state().equals("TIME_WAIT")),
                "netstat shows no TIME_WAIT while TCP holds one: " + table + " vs " + alice.tcp().connections());
    }
}
