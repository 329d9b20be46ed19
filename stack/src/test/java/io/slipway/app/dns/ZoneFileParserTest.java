package io.slipway.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.ResourceRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 1035 §5.1 entries: owners, TTL and class, directives; one feature per test. */
class ZoneFileParserTest {
    static final DnsName ORIGIN = DnsName.parse("example.test.");

    static List<ResourceRecord> parse(String... lines) throws ZoneFileException {
        return ZoneFileParser.parse("t.zone", String.join("\n", lines) + "\n", ORIGIN).records();
    }

    static ResourceRecord a(String name, long ttl, String address) {
        String[] p = address.split("\\.");
        int v = 0;
        for (String part : p) {
            v = (v << 8) | Integer.parseInt(part);
        }
        return ResourceRecord.in(DnsName.parse(name), ttl, new RData.A(v));
    }

    @Test
    void shouldCompleteRelativeNamesWithTheOrigin() throws ZoneFileException {
        assertEquals(List.of(a("www.example.test.", 60, "10.0.0.1")), parse("www 60 A 10.0.0.1"));
    }

    @Test
    void shouldTakeAbsoluteNamesAsWritten() throws ZoneFileException {
        assertEquals(List.of(a("www.example.test.", 60, "10.0.0.1")), parse("WWW.Example.TEST. 60 A 10.0.0.1"));
    }

    @Test
    void shouldReadTheAtSignAsTheOrigin() throws ZoneFileException {
        assertEquals(List.of(a("example.test.", 60, "10.0.0.1")), parse("@ 60 A 10.0.0.1"));
    }

    @Test
    void shouldRepeatThePreviousOwnerForABlankOwner() throws ZoneFileException {
        assertEquals(List.of(a("www.example.test.", 60, "10.0.0.1"), a("www.example.test.", 60, "10.0.0.2")),
                parse("www 60 A 10.0.0.1", "    60 A 10.0.0.2"));
    }

    @Test
    void shouldChangeTheOriginWithDollarOrigin() throws ZoneFileException {
        assertEquals(List.of(a("a.example.test.", 1, "10.0.0.1"), a("b.other.test.", 1, "10.0.0.2"),
                a("c.sub.other.test.", 1, "10.0.0.3"), a("other.test.", 1, "10.0.0.4")),
                parse("a 1 A 10.0.0.1", "$ORIGIN other.test.", "b 1 A 10.0.0.2", "$origin sub", "c 1 A 10.0.0.3",
                        "$ORIGIN other.test.", "@ 1 A 10.0.0.4"));
    }

    @Test
    void shouldReportTheStartingOriginAndTheLineOfEachRecord() throws ZoneFileException {
        ZoneFile file = ZoneFileParser.parse("t.zone", "; c\n$TTL 1\na A 10.0.0.1\n\nb A 10.0.0.2\n", ORIGIN);
        assertEquals(ORIGIN, file.origin());
        assertEquals("t.zone", file.sourceName());
        assertEquals(List.of(3, 5), file.lines());
    }

    @Test
    void shouldAcceptTtlAndClassInEitherOrderOrNeither() throws ZoneFileException {
        assertEquals(List.of(a("a.example.test.", 60, "10.0.0.1"), a("b.example.test.", 60, "10.0.0.2"),
                a("c.example.test.", 60, "10.0.0.3"), a("d.example.test.", 60, "10.0.0.4"),
                a("e.example.test.", 60, "10.0.0.5")),
                parse("a 60 IN A 10.0.0.1", "b IN 60 A 10.0.0.2", "c in 60 A 10.0.0.3", "d A 10.0.0.4",
                        "e CLASS1 A 10.0.0.5"));
    }

    @Test
    void shouldReadTtlUnits() throws ZoneFileException {
        assertEquals(5400, parse("a 1h30m A 10.0.0.1").get(0).ttl());
        assertEquals(1_209_600, parse("a 2w A 10.0.0.1").get(0).ttl());
    }

    @Test
    void shouldGiveRecordsWithoutTtlTheDollarTtl() throws ZoneFileException {
        List<ResourceRecord> r = parse("$TTL 1h", "a A 10.0.0.1", "b 60 A 10.0.0.2", "c A 10.0.0.3", "$TTL 5m",
                "d A 10.0.0.4");
        assertEquals(List.of(3600L, 60L, 3600L, 300L), r.stream().map(ResourceRecord::ttl).toList());
    }

    @Test
    void shouldGiveRecordsWithoutTtlTheLastTtlWrittenWhenThereIsNoDollarTtl() throws ZoneFileException {
        // RFC 1035 §5.1; BIND does the same ("using RFC1035 TTL semantics").
        List<ResourceRecord> r = parse("@ 3600 SOA ns hm 1 2 3 4 300", "a A 10.0.0.1", "b 60 A 10.0.0.2",
                "c A 10.0.0.3");
        assertEquals(List.of(3600L, 3600L, 60L, 60L), r.stream().map(ResourceRecord::ttl).toList());
    }

    @Test
    void shouldGiveAnSoaWithoutTtlItsMinimumWhichThenServesAsTheDefault() throws ZoneFileException {
        // BIND: "no TTL specified; using SOA MINTTL instead"; later records without TTL get it too.
        List<ResourceRecord> r = parse("@ SOA ns hm 1 2 3 4 300", "a 60 A 10.0.0.1", "b A 10.0.0.2");
        assertEquals(List.of(300L, 60L, 300L), r.stream().map(ResourceRecord::ttl).toList());
    }

    @Test
    void shouldReadEachSupportedType() throws ZoneFileException {
        List<ResourceRecord> r = parse("$TTL 1", "@ SOA ns.example.test. hostmaster ( 7 1h 2m 3d 4 )", "@ NS ns",
                "@ MX 10 mail", "@ A 192.0.2.1", "ftp CNAME www", "1 PTR host.example.test.", "t TXT \"x\"");
        assertEquals(List.of(
                new RData.Soa(DnsName.parse("ns.example.test."), DnsName.parse("hostmaster.example.test."), 7, 3600,
                        120, 259_200, 4),
                new RData.Ns(DnsName.parse("ns.example.test.")),
                new RData.Mx(10, DnsName.parse("mail.example.test.")),
                new RData.A(0xC000_0201),
                new RData.Cname(DnsName.parse("www.example.test.")),
                new RData.Ptr(DnsName.parse("host.example.test.")),
                new RData.Txt(List.of("x"))), r.stream().map(ResourceRecord::data).toList());
    }

    @Test
    void shouldReadTxtWithSeveralStringsQuotedOrNot() throws ZoneFileException {
        RData data = parse("t 1 TXT \"v=spf1 -all\" \"say \\\"hi\\\"\" bare \"\" \"\\072\"").get(0).data();
        assertEquals(new RData.Txt(List.of("v=spf1 -all", "say \"hi\"", "bare", "", "H")), data);
    }

    @Test
    void shouldReadTheGenericFormForOtherTypes() throws ZoneFileException {
        List<ResourceRecord> r = parse("$TTL 1", "x TYPE65000 \\# 3 abcd ef",
                "y AAAA \\# 16 20010db8 00000000 00000000 00000001",
                "z TYPE65001 \\# 0");
        assertEquals(new RData.Unknown(65000, new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF}), r.get(0).data());
        assertEquals(28, r.get(1).type());
        assertEquals(16, ((RData.Unknown) r.get(1).data()).bytes().length);
        assertEquals(new RData.Unknown(65001, new byte[0]), r.get(2).data());
    }

    @Test
    void shouldReadEscapedCharactersInNames() throws ZoneFileException {
        assertEquals(DnsName.of("a.b".getBytes(StandardCharsets.US_ASCII),
                "example".getBytes(StandardCharsets.US_ASCII),
                "test".getBytes(StandardCharsets.US_ASCII)),
                parse("a\\.b 1 A 10.0.0.1").get(0).name());
    }

    @Test
    void shouldParseWithoutOriginWhenEveryNameIsAbsolute() throws ZoneFileException {
        ZoneFile file = ZoneFileParser.parse("t.zone", "www.example.test. 1 A 10.0.0.1\n", null);
        assertNull(file.origin());
        assertEquals(List.of(a("www.example.test.", 1, "10.0.0.1")), file.records());
    }

    @Test
    void shouldReadAFileAsOctets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("octets.zone");
        Files.write(file, "t 1 TXT \"caf\u00e9\"\n".getBytes(StandardCharsets.UTF_8));
        ResourceRecord r = ZoneFileParser.parse(file, ORIGIN).records().get(0);
        assertEquals(new RData.Txt(List.of("caf\u00c3\u00a9")), r.data(), "the UTF-8 bytes, one per character");
    }
}
