package io.slipway.app.dns;

import static io.slipway.app.dns.ZoneFixtures.name;
import static io.slipway.app.dns.ZoneFixtures.rrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.Rcode;
import io.slipway.socket.dns.ResourceRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 1034 §4.3.2 step 3 on the zone of {@code example.test.zone}: one case per test. */
class ZoneLookupTest {
    private final Zone zone = ZoneFixtures.example();

    /** The SOA as negative answers carry it: TTL min(3600, MINIMUM 300) (RFC 2308 §3). */
    private static final List<ResourceRecord> NEGATIVE_SOA = rrs(
            "@ 300 SOA ns.example.test. hostmaster.example.test. 2024060101 7200 1800 1209600 300");

    @Test
    void shouldAnswerWithTheWholeRRsetInFileOrder() {
        ZoneAnswer a = zone.lookup(name("www.example.test."), DnsType.A);
        assertEquals(ZoneAnswer.Kind.ANSWER, a.kind());
        assertEquals(rrs("www 3600 A 192.0.2.3", "www 3600 A 192.0.2.4"), a.answers());
        assertEquals(List.of(), a.authorities());
        assertEquals(List.of(), a.additionals());
        assertTrue(a.authoritative());
        assertEquals(Rcode.NOERROR, a.rcode());
    }

    @Test
    void shouldMatchNamesWithoutRegardToCase() {
        assertEquals(zone.lookup(name("www.example.test."), DnsType.A),
                zone.lookup(name("WWW.Example.TEST."), DnsType.A));
    }

    @Test
    void shouldAnswerTheSoaAndTxtAsWritten() {
        assertEquals(List.of(zone.soa()), zone.lookup(name("example.test."), DnsType.SOA).answers());
        assertEquals(rrs("info 3600 TXT \"v=spf1 mx -all\" \"say \\\"hello\\\"; (not a comment)\""),
                zone.lookup(name("info.example.test."), DnsType.TXT).answers());
    }

    @Test
    void shouldAnswerAnyWithEveryRRsetAtTheName() {
        ZoneAnswer a = zone.lookup(name("example.test."), DnsType.ANY);
        assertEquals(ZoneAnswer.Kind.ANSWER, a.kind());
        assertEquals(rrs("@ 3600 SOA ns hostmaster 2024060101 7200 1800 1209600 300", "@ 3600 NS ns",
                "@ 3600 MX 10 mail", "@ 3600 A 192.0.2.1"), a.answers());
        assertEquals(rrs("ns 3600 A 192.0.2.2", "mail 300 A 192.0.2.5"), a.additionals());
    }

    @Test
    void shouldAddTheAddressOfEachMxHost() {
        ZoneAnswer a = zone.lookup(name("example.test."), DnsType.MX);
        assertEquals(rrs("@ 3600 MX 10 mail"), a.answers());
        assertEquals(rrs("mail 300 A 192.0.2.5"), a.additionals());
    }

    @Test
    void shouldAddTheAddressOfEachNsHost() {
        ZoneAnswer a = zone.lookup(name("example.test."), DnsType.NS);
        assertEquals(rrs("@ 3600 NS ns"), a.answers());
        assertEquals(rrs("ns 3600 A 192.0.2.2"), a.additionals());
    }

    @Test
    void shouldFollowACnameToItsTargetInTheZone() {
        ZoneAnswer a = zone.lookup(name("ftp.example.test."), DnsType.A);
        assertEquals(ZoneAnswer.Kind.ANSWER, a.kind());
        assertEquals(rrs("ftp 3600 CNAME www", "www 3600 A 192.0.2.3", "www 3600 A 192.0.2.4"), a.answers());
    }

    @Test
    void shouldAnswerNodataWithTheSoaWhenTheNameHasOtherTypes() {
        ZoneAnswer a = zone.lookup(name("www.example.test."), DnsType.MX);
        assertEquals(ZoneAnswer.Kind.NODATA, a.kind());
        assertEquals(List.of(), a.answers());
        assertEquals(NEGATIVE_SOA, a.authorities());
        assertEquals(List.of(), a.additionals());
        assertTrue(a.authoritative());
        assertEquals(Rcode.NOERROR, a.rcode());
    }

    @Test
    void shouldAnswerNodataForAnEmptyNonTerminal() {
        ZoneAnswer a = zone.lookup(name("lab.example.test."), DnsType.A);
        assertEquals(ZoneAnswer.Kind.NODATA, a.kind());
        assertEquals(NEGATIVE_SOA, a.authorities());
        assertEquals(ZoneAnswer.Kind.NODATA, zone.lookup(name("lab.example.test."), DnsType.ANY).kind());
    }

    @Test
    void shouldAnswerNxdomainWithTheSoaForANameThatDoesNotExist() {
        ZoneAnswer a = zone.lookup(name("nope.example.test."), DnsType.A);
        assertEquals(ZoneAnswer.Kind.NXDOMAIN, a.kind());
        assertEquals(List.of(), a.answers());
        assertEquals(NEGATIVE_SOA, a.authorities());
        assertTrue(a.authoritative());
        assertEquals(Rcode.NXDOMAIN, a.rcode());
    }

    @Test
    void shouldAnswerNxdomainBelowALeaf() {
        assertEquals(ZoneAnswer.Kind.NXDOMAIN, zone.lookup(name("x.www.example.test."), DnsType.A).kind());
        assertEquals(ZoneAnswer.Kind.NXDOMAIN, zone.lookup(name("a.host.lab.example.test."), DnsType.A).kind());
    }

    @Test
    void shouldGiveTheNegativeSoaTheSmallerOfItsTtlAndMinimum() {
        Zone shortTtl = Zone.of(ZoneFixtures.ORIGIN,
                rrs("@ 60 SOA ns hm 1 2 3 4 300", "@ 60 NS ns", "ns 60 A 192.0.2.2"));
        assertEquals(60, shortTtl.lookup(name("nope.example.test."), DnsType.A).authorities().get(0).ttl());
        assertEquals(300, zone.lookup(name("nope.example.test."), DnsType.A).authorities().get(0).ttl());
    }

    @Test
    void shouldReferAtTheDelegationPointWithGlue() {
        ZoneAnswer a = zone.lookup(name("sub.example.test."), DnsType.A);
        assertEquals(ZoneAnswer.Kind.REFERRAL, a.kind());
        assertEquals(List.of(), a.answers());
        assertEquals(rrs("sub 3600 NS ns1.sub", "sub 3600 NS ns"), a.authorities());
        assertEquals(rrs("ns1.sub 3600 A 192.0.2.53", "ns 3600 A 192.0.2.2"), a.additionals());
        assertFalse(a.authoritative());
        assertEquals(Rcode.NOERROR, a.rcode());
    }

    @Test
    void shouldReferEvenWhenAskedForTheNsRecordsOfTheCut() {
        // The parent's copy of the child's NS RRset is not authoritative (RFC 1034 §4.2.1).
        ZoneAnswer a = zone.lookup(name("sub.example.test."), DnsType.NS);
        assertEquals(ZoneAnswer.Kind.REFERRAL, a.kind());
        assertEquals(List.of(), a.answers());
    }

    @Test
    void shouldReferForAnyNameBelowTheDelegationPoint() {
        ZoneAnswer atCut = zone.lookup(name("sub.example.test."), DnsType.A);
        assertEquals(atCut, zone.lookup(name("www.sub.example.test."), DnsType.A));
        assertEquals(atCut, zone.lookup(name("a.b.sub.example.test."), DnsType.MX));
        assertEquals(atCut, zone.lookup(name("ns1.sub.example.test."), DnsType.A), "glue is not an answer");
    }

    @Test
    void shouldTellWhichNamesItAnswersFor() {
        assertTrue(zone.contains(name("example.test.")));
        assertTrue(zone.contains(name("anything.below.example.test.")));
        assertFalse(zone.contains(name("test.")));
        assertFalse(zone.contains(name("example.other.")));
        var e = assertThrows(IllegalArgumentException.class, () -> zone.lookup(name("www.other.test."), DnsType.A));
        assertEquals("www.other.test. is not in the zone example.test.", e.getMessage());
    }
}
