package io.slipway.app.dns.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slipway.base.Bytes;
import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.dns.DnsFormatException;
import io.slipway.socket.dns.DnsMessage;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.testing.Ipv4Packets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the DNS server: any bytes as the payload of a well-formed UDP datagram to port
 * 53 of an authoritative server (the zone of {@link DnsServerRulesTest}: answers, CNAMEs, a
 * delegation, an RRset too big for 512 bytes). Invariants: nothing escapes the stack, the server
 * is never stopped for what a client sent, at most one response per datagram, and every response
 * is a DNS message that decodes, has QR set, fits 512 bytes, and carries the query's ID. Under
 * {@code mvn test} Jazzer replays {@code DnsServerFuzzTestInputs/shouldAnswerAnyQuery/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class DnsServerFuzzTest {
    private final ManualClock clock = new ManualClock();
    private final MockAdapter line = new MockAdapter("sl0", Medium.IP, 1006, clock);
    private final Stack host = new Stack("fuzz", StackConfig.DEFAULT, 5);

    DnsServerFuzzTest() throws Exception {
        host.addInterface(line, InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.2/24", 24),
                Ipv4Address.parse("10.0.0.1")));
        DnsServer.start(host.sockets(), DnsServerRulesTest.zones(), null, 0, DnsServer.PORT);
        host.poll(clock.nanos());
    }

    @FuzzTest
    void shouldAnswerAnyQuery(byte[] payload) throws Exception {
        if (payload.length > 1006 - 28) {
            return;
        }
        line.script(Ipv4Packets.udp("10.0.0.1", "10.0.0.2", 40000, 53, payload, true));
        host.poll(clock.nanos());
        host.poll(clock.nanos());
        clock.advance(1_000_000);

        assertEquals(List.of(), host.sockets().serviceFailures(), "the server threw and was stopped");
        List<byte[]> sent = line.takeTransmitted();
        assertTrue(sent.size() <= 1, "one response at most, was " + sent.size());
        for (byte[] p : sent) {
            assertEquals(17, p[9] & 0xFF, "a UDP datagram");
            assertEquals(53, Bytes.u16(p, 20));
            assertEquals(40000, Bytes.u16(p, 22));
            int length = Bytes.u16(p, 24) - 8;
            assertTrue(length <= 512, "at most 512 bytes: " + length);
            DnsMessage m;
            try {
                m = DnsMessage.decode(p, 28, length);
            } catch (DnsFormatException e) {
                throw new AssertionError("the server sent a response that does not decode: " + e.getMessage(), e);
            }
            assertTrue(m.response(), "QR");
            if (payload.length >= 2) {
                assertEquals(Bytes.u16(payload, 0), m.id(), "the query's ID");
            }
        }
    }

    @Test
    void shouldHaveASeedCorpusToReplay() throws URISyntaxException {
        URL dir = getClass().getResource("DnsServerFuzzTestInputs/shouldAnswerAnyQuery");
        assertTrue(dir != null, "no seed corpus");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            assertTrue(files.count() >= 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
