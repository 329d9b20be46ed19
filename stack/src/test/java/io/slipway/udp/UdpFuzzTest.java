package io.slipway.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slipway.base.Bytes;
import io.slipway.base.InternetChecksum;
import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.Addresses;
import io.slipway.socket.PeerAddress;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.testing.Ipv4Packets;
import io.slipway.testing.SeedCorpus;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for UDP's input path: any bytes as the UDP part of a well-formed IPv4 packet from
 * the line's peer to a host with a socket bound to every address on port 5353 and one on 5354
 * connected to the peer's port 53. The first input byte is a switch, not part of the datagram: when
 * odd, the UDP checksum is fixed up, so the fuzzer gets past it into length and port handling.
 *
 * <p>Invariants, against an oracle written here from RFC 768 and RFC 1122 §4.1.3 (not from
 * {@link UdpHeader}): nothing throws; exactly the datagrams that are well formed (length 8..what
 * arrived, checksum absent or right) for an open port are delivered, with exactly their payload
 * and sender; a well-formed one for a closed port is answered with one port unreachable, a
 * well-formed IPv4 datagram quoting the original; nothing else goes out; every datagram in is
 * delivered or dropped for a named reason. Under {@code mvn test} Jazzer replays
 * {@code UdpFuzzTestInputs/shouldSurviveAnyDatagram/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class UdpFuzzTest {
    private static final String PEER = "10.0.0.1";
    private static final String US = "10.0.0.2";
    private static final int OPEN_PORT = 5353;
    private static final int CONNECTED_PORT = 5354;
    private static final int CONNECTED_PEER_PORT = 53;
    private static final String CORPUS = "UdpFuzzTestInputs/shouldSurviveAnyDatagram";

    private final ManualClock clock = new ManualClock();
    private final MockAdapter line = new MockAdapter("sl0", Medium.IP, 1006, clock);
    private final Stack host = new Stack("fuzz", StackConfig.DEFAULT, 5);
    private final Sockets sockets = host.sockets();
    private final int open;
    private final int connected;
    private final byte[] received = new byte[2048];
    private final PeerAddress from = new PeerAddress();
    private int delivered;

    UdpFuzzTest() throws SocketException {
        host.addInterface(line, InterfaceConfig.pointToPoint(Ipv4Prefix.parse(US + "/24", 24),
                Ipv4Address.parse(PEER)));
        open = sockets.socket(SocketType.DATAGRAM);
        sockets.setBlocking(open, false);
        sockets.bind(open, Addresses.ANY, OPEN_PORT);
        connected = sockets.socket(SocketType.DATAGRAM);
        sockets.setBlocking(connected, false);
        sockets.bind(connected, Addresses.ANY, CONNECTED_PORT);
        sockets.connect(connected, Ipv4Address.parse(PEER), CONNECTED_PEER_PORT);
    }

    @FuzzTest
    void shouldSurviveAnyDatagram(byte[] input) throws SocketException {
        if (input.length > 901) {
            return; // one SLIP frame (MTU 1006) with room to spare
        }
        boolean fixChecksum = input.length > 0 && (input[0] & 1) == 1;
        byte[] u = input.length > 0 ? Arrays.copyOfRange(input, 1, input.length) : new byte[0];
        if (fixChecksum) {
            fixChecksum(u);
        }
        byte[] packet = Ipv4Packets.ipv4(PEER, US, 17, 64, 1, 0, u);
        long inBefore = host.udp().events().get(UdpEvent.DATAGRAMS_IN);

        line.script(packet);
        host.poll(clock.nanos());
        clock.advance(1_000_000); // 1 ms: ICMP's error rate limit never holds an answer back

        int expectedPort = wellFormed(u) ? Bytes.u16(u, 2) : -1;
        int sourcePort = u.length >= 2 ? Bytes.u16(u, 0) : -1;
        boolean toOpen = expectedPort == OPEN_PORT;
        boolean toConnected = expectedPort == CONNECTED_PORT && sourcePort == CONNECTED_PEER_PORT;
        byte[] payload = toOpen || toConnected ? Arrays.copyOfRange(u, 8, Bytes.u16(u, 4)) : null;
        expectReceived(open, toOpen ? payload : null, sourcePort);
        expectReceived(connected, toConnected ? payload : null, sourcePort);

        List<byte[]> sent = line.takeTransmitted();
        boolean closedPort = expectedPort >= 0 && !toOpen && !toConnected;
        assertEquals(closedPort ? 1 : 0, sent.size(), "one port unreachable for a closed port, else nothing");
        for (byte[] p : sent) {
            assertPortUnreachable(p, packet);
        }

        assertEquals(inBefore + 1, host.udp().events().get(UdpEvent.DATAGRAMS_IN));
        long accounted = delivered;
        for (UdpEvent drop : List.of(UdpEvent.DROP_TRUNCATED, UdpEvent.DROP_BAD_LENGTH, UdpEvent.DROP_BAD_CHECKSUM,
                UdpEvent.DROP_NO_PORT, UdpEvent.DROP_RECEIVE_QUEUE_FULL)) {
            accounted += host.udp().events().get(drop);
        }
        assertEquals(host.udp().events().get(UdpEvent.DATAGRAMS_IN), accounted,
                "every datagram delivered or dropped for a reason: " + host.udp().events());
    }

    /** RFC 768 and RFC 1122 §4.1.3.4: a header, a length from 8 to what arrived, no or a right checksum. */
    private static boolean wellFormed(byte[] u) {
        if (u.length < 8) {
            return false;
        }
        int length = Bytes.u16(u, 4);
        if (length < 8 || length > u.length) {
            return false;
        }
        return Bytes.u16(u, 6) == 0 || sum(u, length) == 0;
    }

    private void expectReceived(int fd, byte[] payload, int sourcePort) throws SocketException {
        int n = sockets.recvfrom(fd, received, 0, received.length, from);
        if (payload == null) {
            assertEquals(Sockets.WOULD_BLOCK, n, "nothing for socket " + fd);
            return;
        }
        assertArrayEquals(payload, Arrays.copyOf(received, Math.max(n, 0)), "the datagram's payload, exactly");
        assertEquals(PEER, Ipv4Address.format(from.address()));
        assertEquals(sourcePort, from.port());
        assertEquals(Sockets.WOULD_BLOCK, sockets.recvfrom(fd, received, 0, received.length, from), "once");
        delivered++;
    }

    /** A well-formed IPv4 datagram from us to the peer: ICMP port unreachable quoting {@code original}. */
    private static void assertPortUnreachable(byte[] p, byte[] original) {
        assertTrue(p.length >= 28, "room for IPv4 and ICMP headers: " + p.length);
        assertEquals(0x45, p[0] & 0xFF, "version 4, 20-byte header");
        assertEquals(p.length, Bytes.u16(p, 2), "total length");
        assertEquals(0, InternetChecksum.of(p, 0, 20), "IPv4 header checksum");
        assertEquals(1, p[9], "ICMP");
        assertEquals(US, Ipv4Address.format(Bytes.i32(p, 12)));
        assertEquals(PEER, Ipv4Address.format(Bytes.i32(p, 16)));
        assertEquals(0, InternetChecksum.of(p, 20, p.length - 20), "ICMP checksum");
        assertEquals(3, p[20], "destination unreachable");
        assertEquals(3, p[21], "port unreachable");
        // RFC 792: the original IP header and at least the first 64 bits of its data.
        int quoted = p.length - 28;
        assertTrue(quoted >= 28 && quoted <= original.length, "quote of " + quoted + " bytes");
        assertArrayEquals(Arrays.copyOf(original, quoted), Arrays.copyOfRange(p, 28, p.length));
    }

    /** Sets the checksum so that it verifies over the UDP length (or all that came, if that is bad). */
    private static void fixChecksum(byte[] u) {
        if (u.length < 8) {
            return;
        }
        Bytes.put16(u, 6, 0);
        int length = Bytes.u16(u, 4);
        if (length < 8 || length > u.length) {
            length = u.length;
        }
        int c = sum(u, length);
        Bytes.put16(u, 6, c == 0 ? 0xFFFF : c);
    }

    /** The one's complement sum over the pseudo-header (peer to us, protocol 17) and {@code length} bytes. */
    private static int sum(byte[] u, int length) {
        long s = InternetChecksum.add32(0, Ipv4Address.parse(PEER));
        s = InternetChecksum.add32(s, Ipv4Address.parse(US));
        s = InternetChecksum.add16(s, 17);
        s = InternetChecksum.add16(s, Bytes.u16(u, 4));
        return InternetChecksum.finish(InternetChecksum.add(s, u, 0, length));
    }

    private static List<Path> corpus() {
        return SeedCorpus.files(UdpFuzzTest.class, CORPUS);
    }

    @Test
    void shouldHaveASeedCorpusToReplay() throws URISyntaxException {
        assertTrue(corpus().size() >= 8, "seeds: " + corpus());
    }

    /** The seeds between them reach every outcome: delivery to both sockets and every drop reason. */
    @Test
    void shouldHaveSeedsThatReachEveryOutcome() throws Exception {
        for (Path seed : corpus()) {
            shouldSurviveAnyDatagram(Files.readAllBytes(seed));
        }
        var events = host.udp().events();
        assertTrue(delivered >= 3, "delivered " + delivered);
        for (UdpEvent e : List.of(UdpEvent.DROP_TRUNCATED, UdpEvent.DROP_BAD_LENGTH, UdpEvent.DROP_BAD_CHECKSUM,
                UdpEvent.DROP_NO_PORT)) {
            assertTrue(events.get(e) > 0, e + " never reached: " + events);
        }
    }
}
