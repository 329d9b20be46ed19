package io.slipway.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.ResourceRecord;
import io.slipway.testing.Environment;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The realistic zone {@code example.test.zone}: SOA in parentheses over several lines with
 * comments, NS, A, MX, CNAME, TXT with two strings and escaped quotes, an empty non-terminal, a
 * delegation with glue. Checked against BIND too when its named-checkzone is installed
 * ({@code apt-get install bind9utils}; written against 9.18).
 */
class ExampleZoneTest {
    private static final DnsName ORIGIN = DnsName.parse("example.test.");

    private static ResourceRecord rr(String name, long ttl, RData data) {
        return ResourceRecord.in(DnsName.parse(name), ttl, data);
    }

    private static DnsName n(String name) {
        return DnsName.parse(name);
    }

    private static RData.A a(int last) {
        return new RData.A(0xC000_0200 | last);
    }

    @Test
    void shouldParseEveryRecordInFileOrder() throws Exception {
        ZoneFile file = ZoneFileParser.parse(ZoneFixtures.examplePath(), ORIGIN);
        assertEquals(List.of(
                rr("example.test.", 3600, new RData.Soa(n("ns.example.test."), n("hostmaster.example.test."),
                        2024060101L, 7200, 1800, 1_209_600, 300)),
                rr("example.test.", 3600, new RData.Ns(n("ns.example.test."))),
                rr("example.test.", 3600, new RData.Mx(10, n("mail.example.test."))),
                rr("example.test.", 3600, a(1)),
                rr("ns.example.test.", 3600, a(2)),
                rr("www.example.test.", 3600, a(3)),
                rr("www.example.test.", 3600, a(4)),
                rr("mail.example.test.", 300, a(5)),
                rr("ftp.example.test.", 3600, new RData.Cname(n("www.example.test."))),
                rr("info.example.test.", 3600,
                        new RData.Txt(List.of("v=spf1 mx -all", "say \"hello\"; (not a comment)"))),
                rr("host.lab.example.test.", 3600, a(9)),
                rr("sub.example.test.", 3600, new RData.Ns(n("ns1.sub.example.test."))),
                rr("sub.example.test.", 3600, new RData.Ns(n("ns.example.test."))),
                rr("ns1.sub.example.test.", 3600, a(53))), file.records());
        assertEquals(List.of(5, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23, 24), file.lines());
    }

    @Test
    void shouldMakeAValidZone() {
        Zone zone = ZoneFixtures.example();
        assertEquals(ORIGIN, zone.origin());
        assertEquals(300, ((RData.Soa) zone.soa().data()).minimum());
    }

    /** BIND reads the same file to the same records: its canonical dump, parsed by us, equals our parse. */
    @Test
    void shouldReadTheFileAsBindsNamedCheckzoneDoes() throws Exception {
        Path checkzone = onPath("named-checkzone");
        // Skipped on a laptop without BIND's tools; under CI=true a missing tool fails the test.
        Environment.requireOrSkip(checkzone != null, "named-checkzone (apt-get install bind9utils)");
        Process p = new ProcessBuilder(checkzone.toString(), "-D", "-o", "-", "example.test",
                ZoneFixtures.examplePath().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "named-checkzone did not finish");
        assertEquals(0, p.exitValue(), "named-checkzone rejected the file:\n" + dump);

        List<String> bind = sorted(ZoneFileParser.parse("named-checkzone dump", dump, ORIGIN).records());
        List<String> ours = sorted(ZoneFileParser.parse(ZoneFixtures.examplePath(), ORIGIN).records());
        assertEquals(ours, bind);
    }

    private static List<String> sorted(List<ResourceRecord> records) {
        return records.stream().map(ResourceRecord::toString).sorted().toList();
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        try (Stream<String> dirs = Stream.of(path.split(File.pathSeparator))) {
            return dirs.map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst().orElse(null);
        }
    }
}
