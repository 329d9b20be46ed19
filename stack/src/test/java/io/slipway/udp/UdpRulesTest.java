package io.slipway.udp;

import static io.slipway.testing.Ipv4Packets.address;
import static io.slipway.testing.Ipv4Packets.icmp;
import static io.slipway.testing.Ipv4Packets.ipv4;
import static io.slipway.testing.Ipv4Packets.u16;
import static io.slipway.testing.Ipv4Packets.u8;
import static io.slipway.testing.Ipv4Packets.udp;
import static io.slipway.testing.Ipv4Packets.udpChecksumOk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.ConnectionRefusedException;
import io.slipway.socket.PeerAddress;
import io.slipway.socket.SocketEvent;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UDP's rules one by one (RFC 768, RFC 1122 §4.1.3), through the socket API on a stack whose SLIP
 * line is a mock adapter: script a datagram in, poll, look at what the socket got and what went
 * out. The test thread polls the stack, so socket calls run at once and must be non-blocking.
 */
class UdpRulesTest {
    private static final String US = "10.0.0.2";
    private static final String PEER = "10.0.0.1";

    private final ManualClock clock = new ManualClock();
    private final MockAdapter line = new MockAdapter("sl0", Medium.IP, 1006, clock);
    private final Stack host = new Stack("host", StackConfig.DEFAULT, 7);
    private final Sockets sockets = host.sockets();
    private final byte[] buffer = new byte[2048];
    private final PeerAddress from = new PeerAddress();

    @BeforeEach
    void setUp() {
        host.addInterface(line, InterfaceConfig.pointToPoint(Ipv4Prefix.parse(US + "/24", 24),
                Ipv4Address.parse(PEER)));
    }

    private int boundSocket(int port) throws Exception {
        int fd = sockets.socket(SocketType.DATAGRAM);
        sockets.setBlocking(fd, false);
        sockets.bind(fd, 0, port);
        return fd;
    }

    private void receive(byte[] packet) {
        line.script(packet);
        host.poll(clock.nanos());
    }

    private static byte[] text(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void shouldDeliverADatagramToTheSocketOnItsPort() throws Exception {
        int fd = boundSocket(5353);
        receive(udp(PEER, US, 40000, 5353, text("hello"), true));

        int n = sockets.recvfrom(fd, buffer, 0, buffer.length, from);

        assertEquals("hello", new String(buffer, 0, n));
        assertEquals(PEER, Ipv4Address.format(from.address()));
        assertEquals(40000, from.port());
        assertEquals(Sockets.WOULD_BLOCK, sockets.recvfrom(fd, buffer, 0, buffer.length, from));
        line.assertNothingTransmitted();
    }

    @Test
    void shouldAnswerAClosedPortWithPortUnreachableQuotingTheDatagram() {
        byte[] datagram = udp(PEER, US, 40000, 9999, text("anyone?"), true);
        receive(datagram);

        byte[] error = line.takeNextTransmitted();
        assertEquals(1, u8(error, 9), "ICMP");
        assertEquals(US, address(error, 12));
        assertEquals(PEER, address(error, 16));
        assertEquals(3, u8(error, 20), "destination unreachable");
        assertEquals(3, u8(error, 21), "port unreachable");
        // RFC 792: the original IP header and the first 64 bits of its data.
        assertArrayEquals(Arrays.copyOf(datagram, 28), Arrays.copyOfRange(error, 28, 56));
        assertEquals(1, host.udp().events().get(UdpEvent.DROP_NO_PORT));
    }

    @Test
    void shouldNotAnswerABroadcastToAClosedPort() {
        receive(udp(PEER, "10.0.0.255", 40000, 9999, text("anyone?"), true));
        receive(udp(PEER, "255.255.255.255", 40000, 9999, text("anyone?"), true));
        line.assertNothingTransmitted();
        assertEquals(2, host.udp().events().get(UdpEvent.DROP_NO_PORT));
    }

    @Test
    void shouldDeliverABroadcastOnlyToASocketBoundToEveryAddress() throws Exception {
        int any = boundSocket(67);
        receive(udp(PEER, "255.255.255.255", 68, 67, text("discover"), true));
        assertEquals(8, sockets.recvfrom(any, buffer, 0, buffer.length, from));

        sockets.close(any);
        int specific = sockets.socket(SocketType.DATAGRAM);
        sockets.setBlocking(specific, false);
        sockets.bind(specific, Ipv4Address.parse(US), 67);
        receive(udp(PEER, "255.255.255.255", 68, 67, text("discover"), true));
        assertEquals(Sockets.WOULD_BLOCK, sockets.recvfrom(specific, buffer, 0, buffer.length, from));
    }

    @Test
    void shouldTakeAZeroChecksumAsNoneAndDropABadOne() throws Exception {
        int fd = boundSocket(5353);
        receive(udp(PEER, US, 40000, 5353, text("unchecked"), false));
        assertEquals(9, sockets.recvfrom(fd, buffer, 0, buffer.length, from));

        byte[] bad = udp(PEER, US, 40000, 5353, text("damaged"), true);
        bad[30] ^= 0x10;
        receive(bad);
        assertEquals(Sockets.WOULD_BLOCK, sockets.recvfrom(fd, buffer, 0, buffer.length, from));
        assertEquals(1, host.udp().events().get(UdpEvent.DROP_BAD_CHECKSUM));
        line.assertNothingTransmitted(); // RFC 1122 §4.1.3.4: silently
    }

    @Test
    void shouldDropADatagramWhoseLengthDoesNotFitThePacket() throws Exception {
        int fd = boundSocket(5353);
        byte[] d = udp(PEER, US, 40000, 5353, text("x"), false);
        d[24] = 0;
        d[25] = 50; // UDP length 50, but only 9 bytes came
        receive(d);
        byte[] tiny = ipv4(PEER, US, 17, 64, 1, 0, new byte[] {0, 1, 2});
        receive(tiny);
        assertEquals(Sockets.WOULD_BLOCK, sockets.recvfrom(fd, buffer, 0, buffer.length, from));
        assertEquals(1, host.udp().events().get(UdpEvent.DROP_BAD_LENGTH));
        assertEquals(1, host.udp().events().get(UdpEvent.DROP_TRUNCATED));
    }

    @Test
    void shouldPreferAConnectedSocketThenASpecificAddressThenAnyAddress() throws Exception {
        int wildcard = boundSocket(7000);
        int connected = sockets.socket(SocketType.DATAGRAM);
        sockets.setBlocking(connected, false);
        sockets.connect(connected, Ipv4Address.parse(PEER), 53);
        int port = sockets.localAddress(connected).port();

        receive(udp(PEER, US, 53, port, text("to connected"), true));
        assertEquals(12, sockets.recvfrom(connected, buffer, 0, buffer.length, from));

        receive(udp(PEER, US, 54, port, text("wrong peer port"), true));
        assertEquals(Sockets.WOULD_BLOCK, sockets.recvfrom(connected, buffer, 0, buffer.length, from),
                "a connected socket hears only its peer");
        assertEquals(1, host.udp().events().get(UdpEvent.DROP_NO_PORT));

        receive(udp(PEER, US, 1, 7000, text("to wildcard"), true));
        assertEquals(11, sockets.recvfrom(wildcard, buffer, 0, buffer.length, from));
    }

    @Test
    void shouldRefuseToBindAPortTakenOnTheSameOrEveryAddress() throws Exception {
        boundSocket(53);
        int second = sockets.socket(SocketType.DATAGRAM);
        var e = assertThrows(io.slipway.socket.AddressInUseException.class,
                () -> sockets.bind(second, Ipv4Address.parse(US), 53));
        assertEquals("bind 10.0.0.2:53: address already in use", e.getMessage());
        var notOurs = assertThrows(io.slipway.socket.SocketException.class,
                () -> sockets.bind(second, Ipv4Address.parse("10.0.0.9"), 53));
        assertEquals("bind 10.0.0.9:53: cannot assign requested address", notOurs.getMessage());
    }

    @Test
    void shouldChooseRandomEphemeralPortsFromTheDynamicRange() throws Exception {
        java.util.Set<Integer> ports = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            int fd = boundSocket(0);
            int port = sockets.localAddress(fd).port();
            assertTrue(port >= 49152 && port <= 65535, "port " + port);
            ports.add(port);
        }
        assertEquals(20, ports.size());
    }

    @Test
    void shouldSendWithTheChecksumAndTheRoutesSourceAddress() throws Exception {
        int fd = boundSocket(5000);
        assertEquals(5, sockets.sendto(fd, text("ahoy!"), 0, 5, Ipv4Address.parse(PEER), 53));
        line.assertNothingTransmitted(); // queued for the stack thread
        host.poll(clock.nanos());

        byte[] sent = line.takeNextTransmitted();
        assertEquals(US, address(sent, 12));
        assertEquals(PEER, address(sent, 16));
        assertEquals(17, u8(sent, 9));
        assertEquals(5000, u16(sent, 20));
        assertEquals(53, u16(sent, 22));
        assertEquals(13, u16(sent, 24));
        assertTrue(u16(sent, 26) != 0 && udpChecksumOk(sent), "checksum present and right");
        assertEquals("ahoy!", new String(sent, 28, 5));
    }

    @Test
    void shouldBindAnUnboundSocketOnItsFirstSend() throws Exception {
        int fd = sockets.socket(SocketType.DATAGRAM);
        assertEquals(0, sockets.localAddress(fd).port());
        sockets.sendto(fd, text("x"), 0, 1, Ipv4Address.parse(PEER), 53);
        int port = sockets.localAddress(fd).port();
        assertTrue(port >= 49152);
        host.poll(clock.nanos());
        assertEquals(port, u16(line.takeNextTransmitted(), 20));
    }

    @Test
    void shouldReportPortUnreachableToAConnectedSocket() throws Exception {
        int fd = sockets.socket(SocketType.DATAGRAM);
        sockets.setBlocking(fd, false);
        sockets.connect(fd, Ipv4Address.parse(PEER), 53);
        sockets.send(fd, text("query"), 0, 5);
        host.poll(clock.nanos());
        byte[] sent = line.takeNextTransmitted();

        receive(ipv4(PEER, US, 1, 64, 9, 0, icmp(3, 3, 0, Arrays.copyOf(sent, 28))));

        var e = assertThrows(ConnectionRefusedException.class,
                () -> sockets.recvfrom(fd, buffer, 0, buffer.length, from));
        assertEquals("recvfrom: connection refused", e.getMessage());
        assertEquals(Sockets.WOULD_BLOCK, sockets.recvfrom(fd, buffer, 0, buffer.length, from),
                "reported once, as SO_ERROR is");
        assertEquals(1, host.socketLayer().events().get(SocketEvent.ERRORS_DELIVERED));
    }

    @Test
    void shouldNotReportErrorsToAnUnconnectedSocket() throws Exception {
        int fd = boundSocket(5000);
        sockets.sendto(fd, text("query"), 0, 5, Ipv4Address.parse(PEER), 53);
        host.poll(clock.nanos());
        byte[] sent = line.takeNextTransmitted();

        receive(ipv4(PEER, US, 1, 64, 9, 0, icmp(3, 3, 0, Arrays.copyOf(sent, 28))));

        assertEquals(Sockets.WOULD_BLOCK, sockets.recvfrom(fd, buffer, 0, buffer.length, from));
        assertEquals(1, host.udp().events().get(UdpEvent.ICMP_ERRORS_IN));
        assertEquals(0, host.udp().events().get(UdpEvent.ICMP_ERRORS_DELIVERED));
    }

    @Test
    void shouldDropAndCountWhatArrivesWhenTheReceiveQueueIsFull() throws Exception {
        int fd = boundSocket(5353);
        byte[] big = new byte[900];
        int accepted = 0;
        for (int i = 0; i < 40; i++) {
            receive(udp(PEER, US, 40000, 5353, big, true));
        }
        while (sockets.recvfrom(fd, buffer, 0, buffer.length, from) != Sockets.WOULD_BLOCK) {
            accepted++;
        }
        // 16 KiB of queue holds 17 records of 4 + 10 + 900 bytes.
        assertEquals(17, accepted);
        assertEquals(23, host.udp().events().get(UdpEvent.DROP_RECEIVE_QUEUE_FULL));
        assertEquals(23, host.socketLayer().events().get(SocketEvent.DROP_RECEIVE_QUEUE_FULL));
        line.assertNothingTransmitted();
    }

    @Test
    void shouldCutADatagramLongerThanTheReadersBuffer() throws Exception {
        int fd = boundSocket(5353);
        receive(udp(PEER, US, 40000, 5353, text("0123456789"), true));
        receive(udp(PEER, US, 40000, 5353, text("next"), true));
        assertEquals(4, sockets.recvfrom(fd, buffer, 0, 4, from));
        assertEquals("0123", new String(buffer, 0, 4));
        assertEquals(4, sockets.recvfrom(fd, buffer, 0, buffer.length, from));
        assertEquals("next", new String(buffer, 0, 4), "the rest of the first one is gone, as in BSD");
    }

    @Test
    void shouldFreeThePortOnCloseAndStillSendWhatWasQueued() throws Exception {
        int fd = boundSocket(5353);
        sockets.sendto(fd, text("last words"), 0, 10, Ipv4Address.parse(PEER), 53);
        sockets.close(fd);
        assertEquals("last words", new String(line.takeNextTransmitted(), 28, 10));
        int again = boundSocket(5353);
        assertEquals(fd, again, "the lowest free descriptor, as BSD gives");
        receive(udp(PEER, US, 40000, 5353, text("hi"), true));
        assertEquals(2, sockets.recvfrom(again, buffer, 0, buffer.length, from));
    }
}
