package io.slipway.socket.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slipway.hal.mock.Hex;
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
 * Fuzz target for the DNS codec: {@link DnsMessage#decode} on any bytes returns a message or
 * throws {@link DnsFormatException}, nothing else (no index error, no loop, no runaway
 * allocation); a message it returns encodes with the largest limit and decodes again to an
 * equal message. Only if the encoding needed more than 65535 bytes (our compression can lose to
 * a sender's pointers into data we do not compress against) may records be missing, and then
 * only as the truncation rules say.
 *
 * <p>Under {@code mvn test} Jazzer replays {@code DnsMessageFuzzTestInputs/shouldDecodeOrRejectAnyBytes/}
 * (written by {@link DnsFuzzSeeds}: dig and dnsmasq captures and the crafted bad messages); to fuzz:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl hal,stack test -DbuildSuffix=-dnscodec -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest='DnsMessageFuzzTest#shouldDecodeOrRejectAnyBytes'
 * </pre>
 */
class DnsMessageFuzzTest {
    @FuzzTest
    void shouldDecodeOrRejectAnyBytes(byte[] input) {
        DnsMessage m;
        try {
            m = DnsMessage.decode(input, 0, input.length);
        } catch (DnsFormatException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= input.length, e.getMessage());
            return;
        }
        byte[] wire = m.encode(65535);
        DnsMessage back;
        try {
            back = DnsMessage.decode(wire, 0, wire.length);
        } catch (DnsFormatException e) {
            throw new AssertionError("our own encoding does not decode: " + e.getMessage() + "\n" + Hex.of(wire), e);
        }
        if (sameCounts(m, back)) {
            assertEquals(m, back, Hex.of(input));
            return;
        }
        // Cut at 65535 bytes: what is left is a prefix of each section.
        assertPrefix(m.answers(), back.answers());
        assertPrefix(m.authorities(), back.authorities());
        assertPrefix(m.additionals(), back.additionals());
        boolean answerCut = back.answers().size() < m.answers().size()
                || back.authorities().size() < m.authorities().size();
        assertTrue(!answerCut || back.truncated(), "TC when answer or authority records are left out");
    }

    private static boolean sameCounts(DnsMessage a, DnsMessage b) {
        return a.answers().size() == b.answers().size() && a.authorities().size() == b.authorities().size()
                && a.additionals().size() == b.additionals().size();
    }

    private static void assertPrefix(List<ResourceRecord> whole, List<ResourceRecord> kept) {
        assertTrue(kept.size() <= whole.size());
        assertEquals(whole.subList(0, kept.size()), kept);
    }

    @Test
    void shouldHaveASeedCorpusToReplay() throws URISyntaxException {
        URL dir = getClass().getResource("DnsMessageFuzzTestInputs/shouldDecodeOrRejectAnyBytes");
        assertTrue(dir != null, "no seed corpus");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            assertTrue(files.count() >= 30);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
