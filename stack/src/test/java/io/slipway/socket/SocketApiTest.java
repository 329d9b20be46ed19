package io.slipway.socket;

import static io.slipway.testing.Ipv4Packets.udp;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Simulation;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.testing.Ipv4Packets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The socket API's contract, from the javadoc of {@link Sockets}, {@link SocketInfo}, {@link Netstat}
 * and {@link Service}: descriptors, argument errors, errors reported late, shutdown, the netstat
 * table and services. One stack on a mock SLIP line, polled by the test thread: the test thread is
 * then the stack thread, so control calls run at once and only non-blocking waits are allowed.
 */
class SocketApiTest {
    private static final String US_TEXT = "10.0.0.2";
    private static final String PEER_TEXT = "10.0.0.1";
    private static final int US = Ipv4Address.parse(US_TEXT);
    private static final int PEER = Ipv4Address.parse(PEER_TEXT);
    /** An address no route leads to: the host has only its /24 on the line and no default route. */
    private static final int OFF_LINK = Ipv4Address.parse("192.0.2.1");
    private static final long SECOND = 1_000_000_000L;

    private final ManualClock clock = new ManualClock();
    private final MockAdapter line = new MockAdapter("sl0", Medium.IP, 1006, clock);
    private final Stack host = host(line, StackConfig.DEFAULT);
    private final Sockets sockets = host.sockets();
    private final byte[] buffer = new byte[20_000];
    private final PeerAddress from = new PeerAddress();

    private static Stack host(MockAdapter adapter, StackConfig config) {
        Stack s = new Stack("host", config, 11);
        s.addInterface(adapter, InterfaceConfig.pointToPoint(Ipv4Prefix.parse(US_TEXT + "/24", 24), PEER));
        return s;
    }

    private int socket() throws SocketException {
        int fd = sockets.socket(SocketType.DATAGRAM);
        sockets.setBlocking(fd, false);
        return fd;
    }

    private int bound(int port) throws SocketException {
        int fd = socket();
        sockets.bind(fd, Addresses.ANY, port);
        return fd;
    }

    private void poll() {
        host.poll(clock.nanos());
    }

    private void arrive(byte[] packet) {
        line.script(packet);
        poll();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static SocketException fails(SocketError error, Executable call) {
        SocketException e = assertThrows(SocketException.class, call);
        assertEquals(error, e.error(), e.getMessage());
        return e;
    }

    // ---------------------------------------------------------------- descriptors

    @Test
    void shouldGiveDescriptorsFromThreeAndTheLowestFreeOneAfterAClose() throws Exception {
        assertEquals(3, socket());
        assertEquals(4, socket());
        assertEquals(5, socket());
        sockets.close(4);
        sockets.close(3);

        assertEquals(3, socket(), "the lowest free descriptor first, as BSD gives them");
        assertEquals(4, socket());
        assertEquals(6, socket());
        assertEquals(4, sockets.openCount());
    }

    @Test
    void shouldRefuseASocketBeyondTheTableWithTooManySockets() throws Exception {
        MockAdapter small = new MockAdapter("sl1", Medium.IP, 1006, clock);
        Stack tiny = host(small, StackConfig.DEFAULT.withSockets(new SocketConfig(2, 1024, 1024, 1)));
        Sockets api = tiny.sockets();
        assertEquals(3, api.socket(SocketType.DATAGRAM));
        assertEquals(4, api.socket(SocketType.DATAGRAM));

        SocketException e = assertThrows(SocketException.class, () -> api.socket(SocketType.DATAGRAM));
        assertEquals(SocketError.TOO_MANY_SOCKETS, e.error());
        assertTrue(e.getMessage().startsWith("socket"), e.getMessage());
        assertTrue(e.getMessage().endsWith("too many open sockets"), e.getMessage());
        assertEquals(2, api.openCount(), "a failed socket() holds nothing");

        api.close(3);
        assertEquals(3, api.socket(SocketType.DATAGRAM), "room again once one is closed");
    }

    @Test
    void shouldNameTheCallAndTheDescriptorWhenTheDescriptorIsBad() throws Exception {
        SocketException e = fails(SocketError.BAD_DESCRIPTOR, () -> sockets.recvfrom(9, buffer, 0, 10, from));
        assertEquals("recvfrom: 9 is not an open socket: bad socket descriptor", e.getMessage());

        for (int fd : new int[] {-1, 0, 1, 2, 3, 64, 67, 1_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            SocketException c = fails(SocketError.BAD_DESCRIPTOR, () -> sockets.close(fd));
            assertTrue(c.getMessage().startsWith("close: " + fd + " "), c.getMessage());
        }
    }

    @Test
    void shouldRefuseEveryCallOnAClosedDescriptor() throws Exception {
        int fd = bound(5353);
        sockets.close(fd);

        assertBad("close", () -> sockets.close(fd));
        // sendto names only the call: text with the address would be allocated on every send
        assertBad("sendto", () -> sockets.sendto(fd, buffer, 0, 1, PEER, 53));
        assertBad("send", () -> sockets.send(fd, buffer, 0, 1));
        assertBad("recv", () -> sockets.recv(fd, buffer, 0, 1));
        assertBad("bind 0.0.0.0:5353", () -> sockets.bind(fd, Addresses.ANY, 5353));
        assertBad("connect 10.0.0.1:53", () -> sockets.connect(fd, PEER, 53));
        assertBad("shutdown", () -> sockets.shutdown(fd, Shutdown.BOTH));
        assertBad("setBlocking", () -> sockets.setBlocking(fd, true));
        assertBad("setReceiveTimeout", () -> sockets.setReceiveTimeout(fd, 1, TimeUnit.SECONDS));
        assertBad("getsockname", () -> sockets.localAddress(fd));
        assertBad("getpeername", () -> sockets.remoteAddress(fd));
        assertBad("poll", () -> sockets.awaitReadable(fd, 0));
    }

    private static void assertBad(String call, Executable executable) {
        SocketException e = fails(SocketError.BAD_DESCRIPTOR, executable);
        assertTrue(e.getMessage().startsWith(call + ": 3 "), "message names the call and descriptor: "
                + e.getMessage());
    }

    @Test
    void shouldGiveStreamSocketsDescriptorsFromTheSameTable() throws Exception {
        // TCP came with issue 5: a stream socket takes the lowest free descriptor like any other.
        assertEquals(3, sockets.socket(SocketType.STREAM));
        assertEquals(4, socket());
        assertEquals(2, sockets.openCount());
        fails(SocketError.NOT_CONNECTED, () -> sockets.send(3, buffer, 0, 1));
        fails(SocketError.NOT_SUPPORTED, () -> sockets.sendto(3, buffer, 0, 1, PEER, 53));
    }

    @Test
    void shouldRefuseListenAndAcceptOnADatagramSocket() throws Exception {
        int fd = bound(5353);
        SocketException listen = fails(SocketError.NOT_SUPPORTED, () -> sockets.listen(fd, 5));
        assertTrue(listen.getMessage().startsWith("listen"), listen.getMessage());
        SocketException accept = fails(SocketError.NOT_SUPPORTED, () -> sockets.accept(fd, from));
        assertTrue(accept.getMessage().startsWith("accept"), accept.getMessage());
    }

    @Test
    void shouldCloseAWrappedSocketWithTryWithResources() throws Exception {
        int descriptor;
        try (DatagramSocket s = sockets.openDatagram()) {
            descriptor = s.descriptor();
            s.bind(new InetEndpoint(Addresses.ANY, 5353));
            assertEquals(new InetEndpoint(Addresses.ANY, 5353), s.localAddress());
        }
        assertEquals(0, sockets.openCount());
        assertEquals(3, descriptor);
        assertEquals(3, bound(5353), "the port and the descriptor are free again");
    }

    // ---------------------------------------------------------------- argument errors

    @Test
    void shouldRequireADestinationToSendOnAnUnconnectedSocket() throws Exception {
        int fd = bound(5000);
        fails(SocketError.DESTINATION_REQUIRED, () -> sockets.send(fd, text("x"), 0, 1));
        poll();
        line.assertNothingTransmitted();
    }

    @Test
    void shouldRefuseSendtoPortZeroOrTheAnyAddress() throws Exception {
        int fd = bound(5000);
        SocketException port = fails(SocketError.INVALID, () -> sockets.sendto(fd, text("x"), 0, 1, PEER, 0));
        assertTrue(port.getMessage().startsWith("sendto 10.0.0.1:0"), port.getMessage());
        fails(SocketError.INVALID, () -> sockets.sendto(fd, text("x"), 0, 1, Addresses.ANY, 53));
        poll();
        line.assertNothingTransmitted();
    }

    @Test
    void shouldRefuseADatagramLargerThanTheSendQueueAllowsAndSendOneThatFits() throws Exception {
        int fd = bound(5000);
        int max = sockets.maxDatagram(fd);
        assertTrue(max > 1000 && max < SocketConfig.DEFAULT.datagramSendBytes(), "max " + max);
        byte[] big = new byte[max + 1];

        SocketException e = fails(SocketError.MESSAGE_TOO_LONG, () -> sockets.sendto(fd, big, 0, max + 1, PEER, 53));
        assertTrue(e.getMessage().contains(Integer.toString(max)), "says the limit: " + e.getMessage());

        assertEquals(max, sockets.sendto(fd, big, 0, max, PEER, 53), "the largest is taken");
        poll();
        int sent = 0;
        for (byte[] fragment : line.takeTransmitted()) {
            sent += fragment.length - 20;
        }
        assertEquals(8 + max, sent, "all of it goes out, in fragments");
    }

    /**
     * A socket's largest datagram must reach a socket with the same configuration: two default
     * slipway hosts must be able to exchange what {@link Sockets#maxDatagram} says can be sent.
     * Here a host sends to itself, through IP's own loopback, so nothing else is in the way.
     */
    @Test
    void shouldReceiveTheLargestDatagramASocketOfTheSameConfigurationCanSend() throws Exception {
        int receiver = bound(5353);
        int sender = bound(5000);
        int max = sockets.maxDatagram(sender);
        byte[] big = Ipv4Packets.pattern(max);
        assertEquals(max, sockets.sendto(sender, big, 0, max, US, 5353));
        poll();
        poll();

        assertEquals(max, sockets.recvfrom(receiver, buffer, 0, buffer.length, from),
                "dropped as " + host.socketLayer().events());
    }

    // ---------------------------------------------------------------- no route

    @Test
    void shouldFailConnectAtOnceWhenNoRouteLeadsThere() throws Exception {
        int fd = socket();
        NoRouteException e = assertThrows(NoRouteException.class, () -> sockets.connect(fd, OFF_LINK, 53));
        assertEquals("connect 192.0.2.1:53: network is unreachable", e.getMessage());
        assertEquals(SocketError.NETWORK_UNREACHABLE, e.error());
        fails(SocketError.NOT_CONNECTED, () -> sockets.remoteAddress(fd));
    }

    @Test
    void shouldReportAMissingRouteForASendtoOnTheNextSend() throws Exception {
        int fd = bound(5000);
        assertEquals(5, sockets.sendto(fd, text("lost?"), 0, 5, OFF_LINK, 53), "routed later, on the stack");
        poll();

        assertThrows(NoRouteException.class, () -> sockets.sendto(fd, text("again"), 0, 5, PEER, 53));
        assertEquals(5, sockets.sendto(fd, text("fine!"), 0, 5, PEER, 53), "reported once");
        poll();
        assertEquals("fine!", new String(line.takeNextTransmitted(), 28, 5, StandardCharsets.US_ASCII));
        line.assertNothingTransmitted();
        assertEquals(1, host.socketLayer().events().get(SocketEvent.DROP_SEND_FAILED));
    }

    @Test
    void shouldReportAMissingRouteForASendtoOnTheNextReceive() throws Exception {
        int fd = bound(5000);
        sockets.sendto(fd, text("lost?"), 0, 5, OFF_LINK, 53);
        poll();

        assertThrows(NoRouteException.class, () -> sockets.recvfrom(fd, buffer, 0, buffer.length, from));
        assertEquals(Sockets.WOULD_BLOCK, sockets.recvfrom(fd, buffer, 0, buffer.length, from));
    }

    // ---------------------------------------------------------------- blocking on the stack thread

    @Test
    void shouldRefuseABlockingReceiveOnThePollingThreadRatherThanHang() throws Exception {
        int fd = sockets.socket(SocketType.DATAGRAM); // blocking, the default
        sockets.bind(fd, Addresses.ANY, 5353);

        assertThrows(IllegalStateException.class, () -> sockets.recvfrom(fd, buffer, 0, buffer.length, from));
        assertThrows(IllegalStateException.class, () -> sockets.awaitReadable(fd, SECOND));
        assertFalse(sockets.awaitReadable(fd, 0), "a zero timeout never waits");

        arrive(udp(PEER_TEXT, US_TEXT, 40000, 5353, text("here"), true));
        assertTrue(sockets.awaitReadable(fd, SECOND));
        assertEquals(4, sockets.recvfrom(fd, buffer, 0, buffer.length, from), "nothing to wait for: fine");
    }

    @Test
    void shouldRefuseABlockingSendOnThePollingThreadWhenTheQueueIsFull() throws Exception {
        MockAdapter small = new MockAdapter("sl1", Medium.IP, 1006, clock);
        Sockets api = host(small, StackConfig.DEFAULT.withSockets(new SocketConfig(4, 1024, 1024, 1))).sockets();
        int fd = api.socket(SocketType.DATAGRAM);
        api.bind(fd, Addresses.ANY, 5000);
        byte[] half = new byte[500];
        assertEquals(500, api.sendto(fd, half, 0, 500, PEER, 53));
        assertEquals(500, api.sendto(fd, half, 0, 500, PEER, 53));

        assertThrows(IllegalStateException.class, () -> api.sendto(fd, half, 0, 500, PEER, 53));
        api.setBlocking(fd, false);
        assertEquals(Sockets.WOULD_BLOCK, api.sendto(fd, half, 0, 500, PEER, 53));
    }

    // ---------------------------------------------------------------- shutdown

    @Test
    void shouldReturnZeroAfterAReadShutdownAndDropAndCountWhatArrives() throws Exception {
        int fd = bound(5353);
        sockets.shutdown(fd, Shutdown.READ);
        assertEquals(0, sockets.recvfrom(fd, buffer, 0, buffer.length, from), "0, not WOULD_BLOCK");

        arrive(udp(PEER_TEXT, US_TEXT, 40000, 5353, text("too late"), true));

        assertEquals(0, sockets.recvfrom(fd, buffer, 0, buffer.length, from));
        assertEquals(1, host.socketLayer().events().get(SocketEvent.DROP_READ_SHUT_DOWN));
        assertEquals(0, host.socketLayer().events().get(SocketEvent.DATAGRAMS_RECEIVED));
        line.assertNothingTransmitted(); // the port is still open: no port unreachable
        assertEquals(3, sockets.sendto(fd, text("out"), 0, 3, PEER, 53), "writing still works");
    }

    @Test
    void shouldNotBlockAfterAReadShutdownEvenInBlockingMode() throws Exception {
        int fd = sockets.socket(SocketType.DATAGRAM);
        sockets.bind(fd, Addresses.ANY, 5353);
        sockets.shutdown(fd, Shutdown.READ);
        assertTrue(sockets.awaitReadable(fd, SECOND), "shut down counts as readable");
        assertEquals(0, sockets.recvfrom(fd, buffer, 0, buffer.length, from));
    }

    @Test
    void shouldFailSendsAfterAWriteShutdownButStillReceive() throws Exception {
        int fd = bound(5353);
        sockets.shutdown(fd, Shutdown.WRITE);

        fails(SocketError.SHUT_DOWN, () -> sockets.sendto(fd, text("x"), 0, 1, PEER, 53));
        arrive(udp(PEER_TEXT, US_TEXT, 40000, 5353, text("in"), true));
        assertEquals(2, sockets.recvfrom(fd, buffer, 0, buffer.length, from));
        line.assertNothingTransmitted();
    }

    @Test
    void shouldFailSendOnAConnectedSocketShutDownBothWays() throws Exception {
        int fd = socket();
        sockets.connect(fd, PEER, 53);
        sockets.shutdown(fd, Shutdown.BOTH);
        fails(SocketError.SHUT_DOWN, () -> sockets.send(fd, text("x"), 0, 1));
        assertEquals(0, sockets.recv(fd, buffer, 0, buffer.length));
    }

    // ---------------------------------------------------------------- netstat

    @Test
    void shouldListEverySocketInTheNetstatTable() throws Exception {
        int listening = bound(5353);
        int connected = socket();
        sockets.connect(connected, PEER, 53);
        int ephemeral = sockets.localAddress(connected).port();
        int unbound = socket();

        List<SocketInfo> table = sockets.table();

        assertEquals(3, table.size());
        SocketInfo l = table.get(0);
        assertEquals(listening, l.descriptor());
        assertEquals(SocketType.DATAGRAM, l.type());
        assertEquals(new InetEndpoint(Addresses.ANY, 5353), l.local());
        assertEquals(InetEndpoint.ANY, l.foreign());
        assertEquals("", l.state());
        SocketInfo c = table.get(1);
        assertEquals(connected, c.descriptor());
        assertEquals(new InetEndpoint(US, ephemeral), c.local(), "connect takes the route's source address");
        assertEquals(new InetEndpoint(PEER, 53), c.foreign());
        assertEquals("ESTABLISHED", c.state());
        assertEquals(new SocketInfo(unbound, SocketType.DATAGRAM, InetEndpoint.ANY, InetEndpoint.ANY, "", 0, 0),
                table.get(2));

        String[] lines = Netstat.format(table).split("\n");
        assertEquals(4, lines.length);
        assertEquals(List.of("Proto", "Recv-Q", "Send-Q", "Local", "Address", "Foreign", "Address", "State", "FD"),
                List.of(lines[0].trim().split(" +")));
        assertEquals(List.of("udp", "0", "0", "0.0.0.0:5353", "0.0.0.0:*", "3"), List.of(lines[1].trim().split(" +")));
        assertEquals(List.of("udp", "0", "0", "10.0.0.2:" + ephemeral, "10.0.0.1:53", "ESTABLISHED", "4"),
                List.of(lines[2].trim().split(" +")));
        assertEquals(List.of("udp", "0", "0", "0.0.0.0:*", "0.0.0.0:*", "5"), List.of(lines[3].trim().split(" +")));
    }

    /** {@link SocketInfo}: "receiveQueue bytes waiting to be read", "sendQueue bytes waiting to be sent". */
    @Test
    void shouldShowTheBytesWaitingToBeReadAndSentInTheTable() throws Exception {
        int fd = bound(5353);
        arrive(udp(PEER_TEXT, US_TEXT, 40000, 5353, text("hello"), true));
        sockets.sendto(fd, text("abc"), 0, 3, PEER, 53); // queued until the next poll

        SocketInfo row = sockets.table().get(0);

        assertAll(() -> assertEquals(5, row.receiveQueue(), "Recv-Q: the 5 bytes of \"hello\""),
                () -> assertEquals(3, row.sendQueue(), "Send-Q: the 3 bytes of \"abc\""));
    }

    @Test
    void shouldSayNotConnectedForGetpeernameUntilConnectedAndAfterDisconnecting() throws Exception {
        int fd = bound(5000);
        SocketException e = fails(SocketError.NOT_CONNECTED, () -> sockets.remoteAddress(fd));
        assertTrue(e.getMessage().startsWith("getpeername"), e.getMessage());

        sockets.connect(fd, PEER, 53);
        assertEquals(new InetEndpoint(PEER, 53), sockets.remoteAddress(fd));

        sockets.connect(fd, Addresses.ANY, 0);
        fails(SocketError.NOT_CONNECTED, () -> sockets.remoteAddress(fd));
        fails(SocketError.DESTINATION_REQUIRED, () -> sockets.send(fd, text("x"), 0, 1));
        arrive(udp(PEER_TEXT, US_TEXT, 9999, 5000, text("anyone"), true));
        assertEquals(6, sockets.recvfrom(fd, buffer, 0, buffer.length, from), "hears every peer again");
    }

    /**
     * Connecting an endpoint bound to every address gives it the route's source address; BSD's
     * udp_disconnect and Linux's __udp_disconnect give it back when the socket disconnects, so
     * that it hears broadcasts (and, on a host with more addresses, datagrams to any of them) again.
     */
    @Test
    void shouldGoBackToEveryAddressWhenDisconnected() throws Exception {
        int fd = bound(5000);
        sockets.connect(fd, PEER, 53);
        assertEquals(new InetEndpoint(US, 5000), sockets.localAddress(fd));

        sockets.connect(fd, Addresses.ANY, 0);
        arrive(udp(PEER_TEXT, "255.255.255.255", 68, 5000, text("broadcast"), true));

        assertAll(() -> assertEquals(new InetEndpoint(Addresses.ANY, 5000), sockets.localAddress(fd)),
                () -> assertEquals(9, sockets.recvfrom(fd, buffer, 0, buffer.length, from),
                        "a broadcast to the port, as before connect"));
    }

    @Test
    void shouldFailAnImplicitBindWhenNoEphemeralPortIsFree() throws Exception {
        MockAdapter small = new MockAdapter("sl1", Medium.IP, 1006, clock);
        Sockets api = host(small, StackConfig.DEFAULT.withUdp(new io.slipway.udp.UdpConfig(64, 60000, 60001)))
                .sockets();
        for (int i = 0; i < 2; i++) {
            int fd = api.socket(SocketType.DATAGRAM);
            api.sendto(fd, text("x"), 0, 1, PEER, 53);
            int port = api.localAddress(fd).port();
            assertTrue(port == 60000 || port == 60001, "port " + port);
        }
        int third = api.socket(SocketType.DATAGRAM);
        fails(SocketError.ADDRESS_NOT_AVAILABLE, () -> api.sendto(third, text("x"), 0, 1, PEER, 53));
        fails(SocketError.ADDRESS_NOT_AVAILABLE, () -> api.connect(third, PEER, 53));
    }

    @Test
    void shouldGiveQueuedDatagramsBeforeAPendingErrorAndTheErrorOnce() throws Exception {
        int fd = socket();
        sockets.connect(fd, PEER, 53);
        int port = sockets.localAddress(fd).port();
        sockets.send(fd, text("query"), 0, 5);
        poll();
        byte[] query = line.takeNextTransmitted();
        arrive(udp(PEER_TEXT, US_TEXT, 53, port, text("early"), true));
        arrive(Ipv4Packets.ipv4(PEER_TEXT, US_TEXT, 1, 64, 9, 0,
                Ipv4Packets.icmp(3, 3, 0, java.util.Arrays.copyOf(query, 28))));

        assertEquals(5, sockets.recv(fd, buffer, 0, buffer.length), "the datagram first");
        assertThrows(ConnectionRefusedException.class, () -> sockets.recv(fd, buffer, 0, buffer.length));
        assertEquals(Sockets.WOULD_BLOCK, sockets.recv(fd, buffer, 0, buffer.length));
    }

    @Test
    void shouldBeDueAtOnceWhileADatagramWaitsToBeSent() throws Exception {
        int fd = bound(5000);
        poll();
        assertEquals(Clock.NEVER, host.nextDeadline(), "nothing to do");
        sockets.sendto(fd, text("x"), 0, 1, PEER, 53);
        assertTrue(host.nextDeadline() <= clock.nanos(), "a queued datagram makes the stack due now");
        poll();
        assertEquals(1, line.takeTransmitted().size());
    }

    // ---------------------------------------------------------------- services

    /** A service that counts its turns and may be told to throw, or to do something, on one. */
    private static final class Probe implements Service {
        private final String name;
        final List<Long> turns = new ArrayList<>();
        long deadline = Clock.NEVER;
        int throwOnTurn = -1;
        Runnable onFirstTurn = () -> { };

        Probe(String name) {
            this.name = name;
        }

        @Override
        public void poll(long nowNanos) {
            turns.add(nowNanos);
            if (turns.size() == 1) {
                onFirstTurn.run();
            }
            if (turns.size() == throwOnTurn) {
                throw new IllegalStateException("boom");
            }
        }

        @Override
        public long nextDeadline() {
            return deadline;
        }

        @Override
        public String name() {
            return name;
        }
    }

    @Test
    void shouldStopAndCountAServiceThatThrowsWhileTheStackGoesOn() throws Exception {
        Probe before = new Probe("before");
        Probe bad = new Probe("bad");
        bad.throwOnTurn = 2;
        Probe after = new Probe("after");
        sockets.addService(before);
        sockets.addService(bad);
        sockets.addService(after);

        for (int i = 0; i < 4; i++) {
            poll();
        }

        assertEquals(2, bad.turns.size(), "not run again once it threw");
        assertEquals(4, before.turns.size());
        assertEquals(4, after.turns.size(), "the service after it still ran on the turn it threw");
        assertEquals(1, host.socketLayer().events().get(SocketEvent.SERVICE_FAILED));
        assertEquals(List.of("bad: java.lang.IllegalStateException: boom"), sockets.serviceFailures());

        int fd = bound(5353); // and the sockets still work
        arrive(udp(PEER_TEXT, US_TEXT, 40000, 5353, text("still here"), true));
        assertEquals(10, sockets.recvfrom(fd, buffer, 0, buffer.length, from));
    }

    @Test
    void shouldStopAServiceThatMakesABlockingCall() throws Exception {
        int fd = sockets.socket(SocketType.DATAGRAM); // blocking: wrong on the stack thread
        sockets.bind(fd, Addresses.ANY, 5353);
        Service blocking = new Service() {
            @Override
            public void poll(long nowNanos) {
                try {
                    sockets.recvfrom(fd, buffer, 0, buffer.length, from);
                } catch (SocketException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public String name() {
                return "blocking";
            }
        };
        sockets.addService(blocking);
        poll();
        poll();

        assertEquals(1, host.socketLayer().events().get(SocketEvent.SERVICE_FAILED));
        assertTrue(sockets.serviceFailures().get(0).startsWith("blocking: java.lang.IllegalStateException"),
                sockets.serviceFailures().toString());
    }

    @Test
    void shouldRunServicesOnEveryPollAndHonourTheirDeadlines() throws Exception {
        Probe seven = new Probe("seven");
        seven.deadline = 7 * SECOND;
        sockets.addService(seven);
        poll();
        assertEquals(7 * SECOND, host.nextDeadline(), "the stack wants to run when its service does");

        Probe three = new Probe("three");
        three.deadline = 3 * SECOND;
        sockets.addService(three);
        assertEquals(3 * SECOND, host.nextDeadline());

        sockets.removeService(three);
        assertEquals(7 * SECOND, host.nextDeadline());
        for (int i = 0; i < 3; i++) {
            poll();
        }
        assertEquals(4, seven.turns.size(), "one turn per poll");
    }

    @Test
    void shouldWakeAServiceAtItsDeadlineInASimulation() throws Exception {
        Simulation sim = new Simulation(clock).add(host);
        List<Long> turns = new ArrayList<>();
        Service timer = new Service() {
            private long deadline = 7 * SECOND;

            @Override
            public void poll(long nowNanos) {
                turns.add(nowNanos);
                if (nowNanos >= deadline) {
                    deadline = Clock.NEVER; // done: nothing more is due
                }
            }

            @Override
            public long nextDeadline() {
                return deadline;
            }
        };
        sockets.addService(timer);

        sim.runFor(10 * SECOND);

        assertTrue(turns.contains(7 * SECOND), "run at 7 s: " + turns);
        assertEquals(7 * SECOND, turns.get(turns.size() - 1), "and not after: " + turns);
    }

    /** {@link Service#poll}: "Called on every turn of the stack" — also on the turn another leaves. */
    @Test
    void shouldRunEveryOtherServiceOnTheTurnOneRemovesItself() throws Exception {
        Probe leaving = new Probe("leaving");
        Probe staying = new Probe("staying");
        leaving.onFirstTurn = () -> {
            try {
                sockets.removeService(leaving);
            } catch (SocketException e) {
                throw new AssertionError(e);
            }
        };
        sockets.addService(leaving);
        sockets.addService(staying);

        poll();

        assertEquals(1, leaving.turns.size());
        assertEquals(1, staying.turns.size(), "the service after the one that left was skipped");
        assertEquals(0, host.socketLayer().events().get(SocketEvent.SERVICE_FAILED));
    }

    /** A service that takes itself out and then throws: only it is stopped, not its neighbour. */
    @Test
    void shouldStopOnlyTheServiceThatThrew() throws Exception {
        Probe quitting = new Probe("quitting");
        quitting.throwOnTurn = 1;
        Probe innocent = new Probe("innocent");
        quitting.onFirstTurn = () -> {
            try {
                sockets.removeService(quitting);
            } catch (SocketException e) {
                throw new AssertionError(e);
            }
        };
        sockets.addService(quitting);
        sockets.addService(innocent);

        for (int i = 0; i < 3; i++) {
            poll();
        }

        assertEquals(1, quitting.turns.size());
        assertTrue(innocent.turns.size() >= 2, "the innocent service was stopped: " + innocent.turns.size()
                + " turns of 3; failures " + sockets.serviceFailures());
    }

    /** {@link Sockets#addService}: "Runs service on the stack thread from the next turn on." */
    @Test
    void shouldStartAServiceAddedDuringATurnOnTheNextTurn() throws Exception {
        Probe added = new Probe("added");
        Probe adder = new Probe("adder");
        adder.onFirstTurn = () -> {
            try {
                sockets.addService(added);
            } catch (SocketException e) {
                throw new AssertionError(e);
            }
        };
        sockets.addService(adder);

        poll();
        assertEquals(0, added.turns.size(), "ran on the turn it was added in");
        poll();
        assertEquals(1, added.turns.size());
    }

    @Test
    void shouldSendWhatAServiceWritesInTheSameTurn() throws Exception {
        int fd = bound(5000);
        Service writer = new Service() {
            private boolean done;

            @Override
            public void poll(long nowNanos) {
                if (!done) {
                    done = true;
                    try {
                        sockets.sendto(fd, text("from a service"), 0, 14, PEER, 53);
                    } catch (SocketException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        };
        sockets.addService(writer);
        poll();
        assertEquals("from a service", new String(line.takeNextTransmitted(), 28, 14, StandardCharsets.US_ASCII));
    }

    // ---------------------------------------------------------------- data, briefly

    @Test
    void shouldSendAndReceiveOnAConnectedSocket() throws Exception {
        int fd = socket();
        sockets.connect(fd, PEER, 53);
        int port = sockets.localAddress(fd).port();
        assertEquals(4, sockets.send(fd, text("ping"), 0, 4));
        poll();
        byte[] out = line.takeNextTransmitted();
        assertArrayEquals(text("ping"), java.util.Arrays.copyOfRange(out, 28, 32));

        arrive(udp(PEER_TEXT, US_TEXT, 53, port, text("pong"), true));
        assertEquals(4, sockets.recv(fd, buffer, 0, buffer.length));
        assertEquals("pong", new String(buffer, 0, 4, StandardCharsets.US_ASCII));
    }
}
