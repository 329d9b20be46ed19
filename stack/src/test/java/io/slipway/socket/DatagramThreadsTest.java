package io.slipway.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.slipway.base.Bytes;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Application threads on the blocking socket API, as {@link Sockets} promises them: two stacks,
 * each on its own {@link StackRunner} in real time, joined by an unpaced SLIP cable (MTU 1006).
 *
 * <p>Nothing here asserts an upper time bound: every wait is generous (30 s) so that a slow machine
 * never fails a correct stack, and a timing assertion only says "not before the timeout".
 * Where traffic comes in bursts, senders keep a window of datagrams outstanding, small enough
 * that neither the cable's 64-frame queues nor a socket's 16 KiB receive queue can overflow: the
 * cable and sockets are allowed to drop when overrun, and these tests are about the threads.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DatagramThreadsTest {
    private static final int A = Ipv4Address.parse("10.0.0.1");
    private static final int B = Ipv4Address.parse("10.0.0.2");
    private static final long WAIT_SECONDS = 30;

    private final LoopbackCable cable = LoopbackCable.builder(SystemClock.INSTANCE).framing(Framing.SLIP).mtu(1006)
            .build();
    private final List<StackRunner> runners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private Stack alice;
    private Stack bob;

    private void start(SocketConfig aliceSockets, SocketConfig bobSockets) {
        alice = stack("alice", cable.a(), A, B, aliceSockets, 1);
        bob = stack("bob", cable.b(), B, A, bobSockets, 2);
    }

    private void start() {
        start(SocketConfig.DEFAULT, SocketConfig.DEFAULT);
    }

    private Stack stack(String name, LanAdapter end, int us, int peer, SocketConfig sockets, long seed) {
        Stack s = new Stack(name, StackConfig.DEFAULT.withSockets(sockets), seed);
        s.addInterface(end, InterfaceConfig.pointToPoint(new Ipv4Prefix(us, 32), peer));
        runners.add(new StackRunner(s, SystemClock.INSTANCE).start());
        return s;
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
    }

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

    /** Waits until {@code t} is parked (or waits on a monitor): it has reached its blocking call. */
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

    /** Stops a stack thread by giving it a task that waits; the returned latch lets it go on. */
    private static CountDownLatch stall(StackRunner runner) throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        runner.execute(() -> {
            entered.countDown();
            try {
                release.await(WAIT_SECONDS * 2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the stack thread took the task");
        return release;
    }

    // ---------------------------------------------------------------- echo

    @Test
    void shouldEchoFiveThousandDatagramsByteExactAndInOrder() throws Exception {
        start();
        int count = 5_000;
        int window = 8; // 8 × (900 + 14) bytes fit both 16 KiB receive queues and the cable's queues
        Random random = new Random(20240601);
        byte[][] sent = new byte[count][];
        for (int i = 0; i < count; i++) {
            sent[i] = new byte[random.nextInt(901)];
            random.nextBytes(sent[i]);
        }
        Sockets server = bob.sockets();
        int echo = server.socket(SocketType.DATAGRAM);
        server.bind(echo, Addresses.ANY, 7);
        FutureTask<Integer> echoed = spawn("echo", () -> {
            byte[] b = new byte[2048];
            PeerAddress from = new PeerAddress();
            int n = 0;
            try {
                while (true) {
                    int len = server.recvfrom(echo, b, 0, b.length, from);
                    server.sendto(echo, b, 0, len, from.address(), from.port());
                    n++;
                }
            } catch (SocketException e) {
                if (e.error() != SocketError.BAD_DESCRIPTOR) {
                    throw e;
                }
                return n; // closed at the end of the test
            }
        });
        Sockets client = alice.sockets();
        int fd = client.socket(SocketType.DATAGRAM);
        client.connect(fd, B, 7);
        client.setReceiveTimeout(fd, WAIT_SECONDS, TimeUnit.SECONDS);
        byte[] b = new byte[2048];

        int next = 0;
        for (int received = 0; received < count; received++) {
            while (next < count && next - received < window) {
                assertEquals(sent[next].length, client.send(fd, sent[next], 0, sent[next].length));
                next++;
            }
            int n = client.recv(fd, b, 0, b.length);
            assertArrayEquals(sent[received], Arrays.copyOf(b, n), "echo " + received);
        }

        server.close(echo);
        assertEquals(count, result(echoed));
        assertEquals(0, alice.socketLayer().events().get(SocketEvent.DROP_RECEIVE_QUEUE_FULL)
                + bob.socketLayer().events().get(SocketEvent.DROP_RECEIVE_QUEUE_FULL));
        assertEquals(0, cable.a().counters().totalDrops() + cable.b().counters().totalDrops());
    }

    // ---------------------------------------------------------------- timeouts, close, interrupt

    @Test
    void shouldTimeOutABlockedReceiveNoSoonerThanTheTimeout() throws Exception {
        start();
        Sockets api = alice.sockets();
        int fd = api.socket(SocketType.DATAGRAM);
        api.bind(fd, Addresses.ANY, 5000);
        api.setReceiveTimeout(fd, 300, TimeUnit.MILLISECONDS);
        byte[] b = new byte[100];

        long start = System.nanoTime();
        TimedOutException e = assertThrows(TimedOutException.class, () -> api.recvfrom(fd, b, 0, b.length, null));
        long waited = System.nanoTime() - start;

        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(300), "gave up after " + waited + " ns");
        assertEquals(SocketError.TIMED_OUT, e.error());
        assertTrue(e.getMessage().startsWith("recvfrom"), e.getMessage());

        long pollStart = System.nanoTime();
        assertFalse(api.awaitReadable(fd, TimeUnit.MILLISECONDS.toNanos(200)));
        assertTrue(System.nanoTime() - pollStart >= TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void shouldWakeAThreadBlockedInRecvfromWithBadDescriptorWhenAnotherThreadCloses() throws Exception {
        start();
        Sockets api = bob.sockets();
        int fd = api.socket(SocketType.DATAGRAM);
        api.bind(fd, Addresses.ANY, 9);
        FutureTask<Integer> blocked = spawn("reader", () -> api.recvfrom(fd, new byte[100], 0, 100, new PeerAddress()));
        awaitParked(thread("reader"), Thread.State.WAITING);

        api.close(fd);

        SocketException e = assertThrows(SocketException.class, () -> result(blocked));
        assertEquals(SocketError.BAD_DESCRIPTOR, e.error(), e.getMessage());
    }

    @Test
    void shouldFailAReceiverWithInterruptedWhenItsThreadIsInterruptedAndKeepTheSocketUsable() throws Exception {
        start();
        Sockets api = bob.sockets();
        int fd = api.socket(SocketType.DATAGRAM);
        api.bind(fd, Addresses.ANY, 9);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch firstCallOver = new java.util.concurrent.CountDownLatch(1);
        FutureTask<Integer> blocked = spawn("reader", () -> {
            try {
                api.recvfrom(fd, new byte[100], 0, 100, null);
                seen.add("returned");
            } catch (SocketException e) {
                seen.add(e.error() + " interrupted=" + Thread.interrupted());
            }
            firstCallOver.countDown();
            return api.recvfrom(fd, new byte[100], 0, 100, null); // the socket still works
        });
        awaitParked(thread("reader"), Thread.State.WAITING);

        thread("reader").interrupt();
        // Only then the datagram: had it come first, the call would rightly have returned it (a
        // wait woken by data and interrupted at once returns the data, the flag left set).
        assertTrue(firstCallOver.await(30, java.util.concurrent.TimeUnit.SECONDS), "the interrupted call returned");
        int out = alice.sockets().socket(SocketType.DATAGRAM);
        alice.sockets().sendto(out, new byte[42], 0, 42, B, 9);

        assertEquals(42, result(blocked));
        assertEquals(List.of("INTERRUPTED interrupted=true"), seen, "EINTR, with the interrupt flag kept");
    }

    @Test
    void shouldReturnZeroToABlockedReceiverWhenAnotherThreadShutsReadingDown() throws Exception {
        start();
        Sockets api = bob.sockets();
        int fd = api.socket(SocketType.DATAGRAM);
        api.bind(fd, Addresses.ANY, 9);
        FutureTask<Integer> blocked = spawn("reader", () -> api.recvfrom(fd, new byte[100], 0, 100, null));
        awaitParked(thread("reader"), Thread.State.WAITING);

        api.shutdown(fd, Shutdown.READ);

        assertEquals(0, result(blocked), "a blocked call returns (a read with 0)");
    }

    @Test
    void shouldWakeABlockedReceiverWithConnectionRefusedWhenThePeersPortIsClosed() throws Exception {
        start();
        Sockets api = alice.sockets();
        int fd = api.socket(SocketType.DATAGRAM);
        api.connect(fd, B, 9999); // nobody listens there on bob
        FutureTask<Integer> blocked = spawn("reader", () -> api.recv(fd, new byte[100], 0, 100));
        awaitParked(thread("reader"), Thread.State.WAITING);

        api.send(fd, new byte[10], 0, 10);

        SocketException e = assertThrows(SocketException.class, () -> result(blocked));
        assertTrue(e instanceof ConnectionRefusedException, e.toString());
    }

    // ---------------------------------------------------------------- a full send queue

    @Test
    void shouldWakeABlockedSenderWhenTheStackMakesRoom() throws Exception {
        start(new SocketConfig(16, 16 * 1024, 1024, 4), SocketConfig.DEFAULT);
        Sockets receiver = bob.sockets();
        int in = receiver.socket(SocketType.DATAGRAM);
        receiver.bind(in, Addresses.ANY, 9);
        receiver.setReceiveTimeout(in, WAIT_SECONDS, TimeUnit.SECONDS);
        Sockets api = alice.sockets();
        int fd = api.socket(SocketType.DATAGRAM);
        api.bind(fd, Addresses.ANY, 5000);
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch release = stall(runners.get(0)); // alice's stack thread stops draining

        FutureTask<Integer> sender = spawn("sender", () -> {
            for (int i = 0; i < 3; i++) {
                byte[] d = new byte[500]; // two fit a 1 KiB queue, the third must wait
                Arrays.fill(d, (byte) i);
                api.sendto(fd, d, 0, d.length, B, 9);
                sent.incrementAndGet();
            }
            return sent.get();
        });
        awaitParked(thread("sender"), Thread.State.WAITING);
        assertEquals(2, sent.get(), "the third send waits for room");

        release.countDown();

        assertEquals(3, result(sender));
        byte[] b = new byte[1000];
        for (int i = 0; i < 3; i++) {
            assertEquals(500, receiver.recvfrom(in, b, 0, b.length, null));
            assertEquals(i, b[499], "in the order sent");
        }
    }

    @Test
    void shouldTimeOutABlockedSenderNoSoonerThanTheSendTimeout() throws Exception {
        start(new SocketConfig(16, 16 * 1024, 1024, 4), SocketConfig.DEFAULT);
        Sockets api = alice.sockets();
        int fd = api.socket(SocketType.DATAGRAM);
        api.bind(fd, Addresses.ANY, 5000);
        api.setSendTimeout(fd, 300, TimeUnit.MILLISECONDS);
        CountDownLatch release = stall(runners.get(0));
        try {
            byte[] d = new byte[500];
            api.sendto(fd, d, 0, d.length, B, 9);
            api.sendto(fd, d, 0, d.length, B, 9);
            long start = System.nanoTime();
            assertThrows(TimedOutException.class, () -> api.sendto(fd, d, 0, d.length, B, 9));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
        } finally {
            release.countDown();
        }
    }

    /**
     * {@link Sockets#close}: "a call blocked on it fails". A sender blocked on a full queue when
     * another thread closes the socket must fail (or, at the least, its datagram must go out as
     * the queued ones do); it must not report success for a datagram that is then never sent.
     */
    @Test
    void shouldFailASenderBlockedOnAFullQueueWhenAnotherThreadCloses() throws Exception {
        start(new SocketConfig(16, 16 * 1024, 1024, 4), SocketConfig.DEFAULT);
        Sockets receiver = bob.sockets();
        int in = receiver.socket(SocketType.DATAGRAM);
        receiver.bind(in, Addresses.ANY, 9);
        receiver.setBlocking(in, false);
        Sockets api = alice.sockets();
        int fd = api.socket(SocketType.DATAGRAM);
        api.bind(fd, Addresses.ANY, 5000);
        CountDownLatch release = stall(runners.get(0));
        FutureTask<Integer> sender = spawn("sender", () -> {
            byte[] d = new byte[500];
            api.sendto(fd, d, 0, d.length, B, 9);
            api.sendto(fd, d, 0, d.length, B, 9);
            return api.sendto(fd, d, 0, d.length, B, 9);
        });
        awaitParked(thread("sender"), Thread.State.WAITING);
        FutureTask<Void> closer = spawn("closer", () -> {
            api.close(fd);
            return null;
        });
        awaitParked(thread("closer"), Thread.State.TIMED_WAITING); // its close is queued for the stack

        release.countDown();
        result(closer);

        Integer third = null;
        SocketException failure = null;
        try {
            third = result(sender);
        } catch (SocketException e) {
            failure = e;
        }
        if (failure == null) {
            int arrived = 0;
            byte[] b = new byte[1000];
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500); // diagnostics only
            while (System.nanoTime() - deadline < 0) {
                if (receiver.recvfrom(in, b, 0, b.length, null) >= 0) {
                    arrived++;
                } else {
                    Thread.sleep(5);
                }
            }
            fail("the blocked send returned " + third + " after close; datagrams that reached the peer: " + arrived
                    + " of 3");
        }
        assertEquals(SocketError.BAD_DESCRIPTOR, failure.error(), failure.getMessage());
    }

    // ---------------------------------------------------------------- concurrent callers

    @Test
    void shouldLoseNothingWhenManyThreadsSendOnOneSocket() throws Exception {
        start();
        int senders = 8;
        int each = 1_000;
        Semaphore window = new Semaphore(32); // at most 32 datagrams between sendto and the receiver
        Sockets receiver = bob.sockets();
        int in = receiver.socket(SocketType.DATAGRAM);
        receiver.bind(in, Addresses.ANY, 9);
        receiver.setReceiveTimeout(in, WAIT_SECONDS, TimeUnit.SECONDS);
        Sockets api = alice.sockets();
        int fd = api.socket(SocketType.DATAGRAM);
        api.bind(fd, Addresses.ANY, 5000);

        List<FutureTask<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < senders; t++) {
            int id = t;
            tasks.add(spawn("sender-" + t, () -> {
                byte[] d = new byte[8 + id]; // sizes differ, so a mixed-up record shows
                for (int seq = 0; seq < each; seq++) {
                    if (!window.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new AssertionError("sender " + id + ": datagrams were lost before " + seq);
                    }
                    Bytes.put32(d, 0, id);
                    Bytes.put32(d, 4, seq);
                    Arrays.fill(d, 8, d.length, (byte) id);
                    assertEquals(d.length, api.sendto(fd, d, 0, d.length, B, 9));
                }
                return each;
            }));
        }

        int[] next = new int[senders];
        byte[] b = new byte[64];
        PeerAddress from = new PeerAddress();
        for (int i = 0; i < senders * each; i++) {
            int n = receiver.recvfrom(in, b, 0, b.length, from);
            int id = Bytes.i32(b, 0);
            int seq = Bytes.i32(b, 4);
            assertTrue(id >= 0 && id < senders && n == 8 + id, "datagram " + i + ": " + n + " bytes from " + id);
            assertEquals(next[id], seq, "sender " + id + "'s datagrams in its order, none lost or doubled");
            for (int k = 8; k < n; k++) {
                assertEquals(id, b[k]);
            }
            next[id]++;
            window.release();
        }
        for (FutureTask<Integer> task : tasks) {
            assertEquals(each, result(task));
        }
        assertEquals(new InetEndpoint(A, 5000), from.toEndpoint());
    }

    /**
     * Two threads wait on one socket: one in a blocking recvfrom (no timeout), then another in
     * awaitReadable. A datagram arrives. Whatever the poller makes of it (true, or on waiting on
     * because the reader took it first: either is fine), the reader must get it: a datagram is
     * queued and nobody else takes it.
     */
    @Test
    void shouldDeliverToABlockedReaderWhileAnotherThreadAwaitsReadable() throws Exception {
        start();
        Sockets api = bob.sockets();
        int fd = api.socket(SocketType.DATAGRAM);
        api.bind(fd, Addresses.ANY, 9);
        FutureTask<Integer> reader = spawn("reader", () -> api.recvfrom(fd, new byte[100], 0, 100, null));
        awaitParked(thread("reader"), Thread.State.WAITING);
        spawn("poller",
                () -> api.awaitReadable(fd, TimeUnit.SECONDS.toNanos(WAIT_SECONDS)));
        awaitParked(thread("poller"), Thread.State.TIMED_WAITING);

        int out = alice.sockets().socket(SocketType.DATAGRAM);
        alice.sockets().sendto(out, new byte[17], 0, 17, B, 9);

        try {
            // a correct stack hands the datagram over within microseconds; 10 s is for a slow machine
            assertEquals(17, reader.get(10, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            fail("the reader blocked in recvfrom never woke, with a datagram waiting (" + api.table().get(0)
                    + ")");
        }
    }
}
