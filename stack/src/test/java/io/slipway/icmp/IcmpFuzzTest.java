package io.slipway.icmp;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for ICMP's parser: any bytes as the ICMP message of a well-formed datagram to a
 * host with an open echo endpoint. The checksum is fixed up, so the fuzzer gets past it into
 * the type handling (replies, quoted headers of errors). Invariants: nothing throws, nothing is
 * sent but a well-formed datagram, and at most one per message. Under {@code mvn test} Jazzer
 * replays {@code IcmpFuzzTestInputs/shouldSurviveAnyMessage/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class IcmpFuzzTest {
    private final ManualClock clock = new ManualClock();
    private final MockAdapter line = new MockAdapter("sl0", Medium.IP, 1006, clock);
    private final Stack host = new Stack("fuzz", StackConfig.DEFAULT, 3);

    IcmpFuzzTest() {
        host.addInterface(line, InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.2/24", 24),
                Ipv4Address.parse("10.0.0.1")));
        host.icmp().openEcho(0x1234, 100, (from, seq, ttl, len, sent, now) -> { });
    }

    @FuzzTest
    void shouldSurviveAnyMessage(byte[] message) {
        if (message.length > 900) {
            return;
        }
        byte[] m = message.clone();
        if (m.length >= 4) {
            Bytes.put16(m, 2, 0);
            Bytes.put16(m, 2, InternetChecksum.of(m, 0, m.length));
        }
        line.script(Ipv4Packets.ipv4("10.0.0.1", "10.0.0.2", 1, 64, 1, 0, m));
        host.poll(clock.nanos());
        clock.advance(1_000_000);

        var sent = line.takeTransmitted();
        assertTrue(sent.size() <= 1, "one answer at most");
        for (byte[] p : sent) {
            assertEquals(0, InternetChecksum.of(p, 0, 20), "IP header checksum of what we sent");
            assertEquals(p.length, Bytes.u16(p, 2));
        }
    }

    @Test
    void shouldHaveASeedCorpusToReplay() throws URISyntaxException {
        URL dir = getClass().getResource("IcmpFuzzTestInputs/shouldSurviveAnyMessage");
        assertTrue(dir != null, "no seed corpus");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            assertTrue(files.count() >= 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
