package io.slipway.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.Rcode;
import io.slipway.socket.dns.ResourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the zone file parser and the zone built from it: any text, read both as octets
 * (ISO-8859-1) and as UTF-8 (so characters past U+00FF come too), either loads or is refused with
 * one {@link ZoneFileException} whose message is one line {@code file:line: what}; nothing else
 * escapes. A zone that loads answers lookups of its names, names below them and a missing one,
 * for common types, without throwing and with the sections its kind promises. Under
 * {@code mvn test} Jazzer replays {@code ZoneFileFuzzTestInputs/shouldLoadOrRejectAnyText/};
 * with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class ZoneFileFuzzTest {
    private static final DnsName ORIGIN = DnsName.parse("example.test.");
    private static final int MAX_INPUT = 16 * 1024;
    private static final Pattern ONE_LINE = Pattern.compile("fuzz\\.zone:[1-9][0-9]*: [^\\p{Cntrl}\\u2028\\u2029]+");
    private static final int[] QTYPES = {DnsType.A, DnsType.NS, DnsType.CNAME, DnsType.SOA, DnsType.MX,
        DnsType.TXT, DnsType.AAAA, DnsType.ANY, 65000};

    @FuzzTest
    void shouldLoadOrRejectAnyText(byte[] input) {
        if (input.length > MAX_INPUT) {
            return;
        }
        loadOrReject(new String(input, StandardCharsets.ISO_8859_1));
        loadOrReject(new String(input, StandardCharsets.UTF_8));
    }

    private static void loadOrReject(String text) {
        ZoneFile file;
        Zone zone;
        try {
            file = ZoneFileParser.parse("fuzz.zone", text, ORIGIN);
            zone = Zone.of(file);
        } catch (ZoneFileException e) {
            assertTrue(ONE_LINE.matcher(e.getMessage()).matches(), "not one line: " + e.getMessage());
            return;
        }
        for (DnsName name : namesToAsk(zone, file)) {
            for (int qtype : QTYPES) {
                check(zone, zone.lookup(name, qtype));
            }
        }
    }

    /** The origin, owners and a name below each (while short enough), and a name that is not there. */
    private static List<DnsName> namesToAsk(Zone zone, ZoneFile file) {
        List<DnsName> names = new ArrayList<>();
        names.add(zone.origin());
        if (zone.origin().wireLength() + 18 <= DnsName.MAX_WIRE_LENGTH) {
            names.add(zone.origin().child("no-such-name-here"));
        }
        for (ResourceRecord r : file.records().subList(0, Math.min(file.records().size(), 50))) {
            addWithChild(names, r.name());
        }
        return names;
    }

    private static void addWithChild(List<DnsName> names, DnsName name) {
        names.add(name);
        if (name.wireLength() + 2 <= DnsName.MAX_WIRE_LENGTH) {
            names.add(name.child("x"));
        }
    }

    private static void check(Zone zone, ZoneAnswer a) {
        switch (a.kind()) {
            case NXDOMAIN, NODATA -> {
                assertEquals(List.of(DnsType.SOA), a.authorities().stream().map(ResourceRecord::type).toList());
                assertTrue(a.additionals().isEmpty());
            }
            case REFERRAL -> {
                assertFalse(a.authorities().isEmpty());
                assertTrue(a.authorities().stream().allMatch(r -> r.type() == DnsType.NS));
            }
            case ANSWER -> assertFalse(a.answers().isEmpty());
            default -> throw new AssertionError(a.kind());
        }
        assertEquals(a.kind() == ZoneAnswer.Kind.NXDOMAIN ? Rcode.NXDOMAIN : Rcode.NOERROR, a.rcode());
        assertTrue(a.answers().stream().allMatch(r -> zone.contains(r.name())));
    }

    @Test
    void shouldHaveASeedCorpusToReplay() throws URISyntaxException {
        URL dir = getClass().getResource("ZoneFileFuzzTestInputs/shouldLoadOrRejectAnyText");
        assertTrue(dir != null, "no seed corpus");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            assertTrue(files.count() >= 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
