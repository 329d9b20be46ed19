package io.slipway.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.testing.SteadyState;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Memory": after warm-up, datagrams through the socket API allocate 0 bytes each —
 * the application's calls included, measured on the one thread that here makes them and polls
 * both stacks (non-blocking sockets, an unpaced SLIP cable in virtual time). Each round is a
 * ping-pong of datagrams of 0 to 899 bytes, each waited for, so no queue can overflow.
 */
class DatagramAllocationTest {
    private static final int DATAGRAMS = 2_000;
    private static final int A = Ipv4Address.parse("10.0.0.1");
    private static final int B = Ipv4Address.parse("10.0.0.2");

    private final ManualClock clock = new ManualClock();
    private final LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP).mtu(1006).build();
    private final Stack alice = new Stack("alice", StackConfig.DEFAULT, 1);
    private final Stack bob = new Stack("bob", StackConfig.DEFAULT, 2);
    private final Sockets aliceApi = alice.sockets();
    private final Sockets bobApi = bob.sockets();
    private final byte[] out = new byte[1000];
    private final byte[] in = new byte[2048];
    private final PeerAddress from = new PeerAddress();
    private final int client;
    private final int server;
    private int exchanged;

    DatagramAllocationTest() throws SocketException {
        alice.addInterface(cable.a(), InterfaceConfig.pointToPoint(new Ipv4Prefix(A, 32), B));
        bob.addInterface(cable.b(), InterfaceConfig.pointToPoint(new Ipv4Prefix(B, 32), A));
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (i * 7);
        }
        client = aliceApi.socket(SocketType.DATAGRAM);
        aliceApi.setBlocking(client, false);
        aliceApi.bind(client, Addresses.ANY, 5000);
        server = bobApi.socket(SocketType.DATAGRAM);
        bobApi.setBlocking(server, false);
        bobApi.bind(server, Addresses.ANY, 9);
    }

    @Test
    void shouldSendtoAndRecvfromWithoutAllocating() {
        SteadyState.assertAllocatesNothing("sendto and recvfrom", DATAGRAMS, this::sendtoRecvfromRound);
        assertNothingDropped();
    }

    @Test
    void shouldSendAndRecvOnConnectedSocketsWithoutAllocating() throws SocketException {
        aliceApi.connect(client, B, 9);
        bobApi.connect(server, A, 5000);
        SteadyState.assertAllocatesNothing("send and recv, connected", DATAGRAMS, this::sendRecvRound);
        assertNothingDropped();
    }

    /** The part of {@link #shouldSendtoAndRecvfromWithoutAllocating} that is the sendto call alone. */
    @Test
    void shouldQueueASendtoWithoutAllocating() {
        SteadyState.assertAllocatesNothing("sendto alone", DATAGRAMS, this::sendtoOnlyRound);
    }

    /** The same for send on a connected socket, for comparison. */
    @Test
    void shouldQueueASendWithoutAllocating() throws SocketException {
        aliceApi.connect(client, B, 9);
        SteadyState.assertAllocatesNothing("send alone", DATAGRAMS, this::sendOnlyRound);
    }

    private void assertNothingDropped() {
        assertEquals(0, cable.a().counters().totalDrops() + cable.b().counters().totalDrops());
        assertEquals(0, bob.socketLayer().events().get(SocketEvent.DROP_RECEIVE_QUEUE_FULL)
                + alice.socketLayer().events().get(SocketEvent.DROP_RECEIVE_QUEUE_FULL));
        assertEquals(0, exchanged % DATAGRAMS);
    }

    /** Alice sendto bob, bob recvfrom and sendto back to whoever it came from, alice recvfrom. */
    private void sendtoRecvfromRound() {
        try {
            for (int i = 0; i < DATAGRAMS; i++) {
                int size = (i * 37) % 900;
                check(aliceApi.sendto(client, out, 0, size, B, 9), size);
                int n = receive(bobApi, server, i);
                check(n, size);
                check(bobApi.sendto(server, in, 0, n, from.address(), from.port()), size);
                check(receive(aliceApi, client, i), size);
                exchanged++;
            }
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
    }

    private void sendRecvRound() {
        try {
            for (int i = 0; i < DATAGRAMS; i++) {
                int size = (i * 37) % 900;
                check(aliceApi.send(client, out, 0, size), size);
                int n = receiveConnected(bobApi, server, i);
                check(n, size);
                check(bobApi.send(server, in, 0, n), size);
                check(receiveConnected(aliceApi, client, i), size);
                exchanged++;
            }
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
    }

    private void sendtoOnlyRound() {
        try {
            for (int i = 0; i < DATAGRAMS; i++) {
                check(aliceApi.sendto(client, out, 0, 16, B, 9), 16);
                drainBoth();
            }
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
    }

    private void sendOnlyRound() {
        try {
            for (int i = 0; i < DATAGRAMS; i++) {
                check(aliceApi.send(client, out, 0, 16), 16);
                drainBoth();
            }
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
    }

    /** Polls until the datagram is through, then empties bob's socket (non-blocking). */
    private void drainBoth() throws SocketException {
        while (bobApi.recvfrom(server, in, 0, in.length, from) == Sockets.WOULD_BLOCK) {
            step(0);
        }
    }

    private int receive(Sockets api, int fd, int i) throws SocketException {
        int n;
        while ((n = api.recvfrom(fd, in, 0, in.length, from)) == Sockets.WOULD_BLOCK) {
            step(i);
        }
        return n;
    }

    private int receiveConnected(Sockets api, int fd, int i) throws SocketException {
        int n;
        while ((n = api.recv(fd, in, 0, in.length)) == Sockets.WOULD_BLOCK) {
            step(i);
        }
        return n;
    }

    /** One turn of both stacks; the clock jumps to the next deadline; a datagram that never comes fails. */
    private void step(int i) {
        long now = clock.nanos();
        alice.poll(now);
        bob.poll(now);
        long next = Math.min(alice.nextDeadline(), bob.nextDeadline());
        if (next == Clock.NEVER && !readable()) {
            throw new AssertionError("datagram " + i + " was lost: " + alice.socketLayer().events() + " "
                    + bob.socketLayer().events());
        }
        if (next > now && next != Clock.NEVER) {
            clock.set(next);
        }
    }

    private boolean readable() {
        try {
            return aliceApi.awaitReadable(client, 0) || bobApi.awaitReadable(server, 0);
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
    }

    private static void check(int got, int expected) {
        if (got != expected) {
            throw new AssertionError("expected " + expected + " bytes, got " + got);
        }
    }
}
