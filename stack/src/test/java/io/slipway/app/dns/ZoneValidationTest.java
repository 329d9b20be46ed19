package io.slipway.app.dns;

import static io.slipway.app.dns.ZoneFixtures.HEAD;
import static io.slipway.app.dns.ZoneFixtures.ORIGIN;
import static io.slipway.app.dns.ZoneFixtures.name;
import static io.slipway.app.dns.ZoneFixtures.rrs;
import static io.slipway.app.dns.ZoneFixtures.zone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slipway.socket.dns.DnsClass;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.ResourceRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes records a zone (rules in ZoneIndex): one test per rule, with the line of the record at fault. */
class ZoneValidationTest {
    /** The error for {@code text} (no HEAD added), as {@code Zone.of} reports it. */
    private static String error(DnsName origin, String... lines) {
        return assertThrows(ZoneFileException.class, () -> Zone.of(ZoneFileParser.parse("t.zone",
                String.join("\n", lines) + "\n", origin))).getMessage();
    }

    /** The error for HEAD (lines 1-4) followed by {@code lines} (from line 5). */
    private static String errorAfterHead(String... lines) {
        return error(ORIGIN, (HEAD + String.join("\n", lines)).split("\n"));
    }

    @Test
    void shouldNameTheLineOfAnOwnerOutsideTheOriginsZone() {
        assertEquals("t.zone:6: www.other.test. is outside the zone example.test.",
                errorAfterHead("$ORIGIN other.test.", "www A 192.0.2.3"));
    }

    @Test
    void shouldRequireAnSoa() {
        assertEquals("t.zone:2: no SOA record at the zone's origin example.test. (RFC 1035 §5.2)",
                error(ORIGIN, "$TTL 1h", "@ NS ns", "ns A 192.0.2.2"));
    }

    @Test
    void shouldRejectASecondSoa() {
        assertEquals("t.zone:5: a second SOA record: a zone has exactly one (RFC 1035 §5.2)",
                errorAfterHead("@ SOA ns hostmaster 2 2h 30m 2w 5m"));
    }

    @Test
    void shouldRejectAnSoaBelowTheOrigin() {
        assertEquals("t.zone:5: an SOA record belongs at the zone's origin example.test., not at sub.example.test.",
                errorAfterHead("sub SOA ns hostmaster 2 2h 30m 2w 5m"));
    }

    @Test
    void shouldRequireNsRecordsAtTheOrigin() {
        assertEquals("t.zone:2: no NS records at the zone's origin example.test.: a zone names its servers"
                + " (RFC 1034 §4.2.1)", error(ORIGIN, "$TTL 1h", "@ SOA ns hm 1 2 3 4 5", "ns A 192.0.2.2"));
    }

    @Test
    void shouldRejectACnameBesideOtherData() {
        assertEquals("t.zone:6: www.example.test. has a CNAME and other data: an alias owns no other records"
                + " (RFC 1034 §3.6.2, RFC 2181 §10.1)", errorAfterHead("www A 192.0.2.3", "www CNAME ns"));
        assertEquals("t.zone:6: www.example.test. has a CNAME and other data: an alias owns no other records"
                + " (RFC 1034 §3.6.2, RFC 2181 §10.1)", errorAfterHead("www CNAME ns", "www TXT \"x\""));
    }

    @Test
    void shouldRejectACnameAtTheOrigin() {
        assertEquals("t.zone:5: example.test. has a CNAME and other data: an alias owns no other records"
                + " (RFC 1034 §3.6.2, RFC 2181 §10.1)", errorAfterHead("@ CNAME www.elsewhere.test."));
    }

    @Test
    void shouldRejectTwoCnamesAtOneName() {
        assertEquals("t.zone:6: www.example.test. has two CNAME records: an alias has one target (RFC 2181 §10.1)",
                errorAfterHead("www CNAME ns", "www CNAME mail"));
    }

    @Test
    void shouldRejectTtlsThatDifferWithinAnRRset() {
        assertEquals("t.zone:6: TTL 60 differs from 3600, the TTL of the other www.example.test. A records: an RRset"
                + " has one TTL (RFC 2181 §5.2)", errorAfterHead("www A 192.0.2.3", "www 60 A 192.0.2.4"));
    }

    @Test
    void shouldDropAnExactDuplicate() {
        Zone z = zone("www A 192.0.2.3", "WWW A 192.0.2.3");
        assertEquals(rrs("www 3600 A 192.0.2.3"), z.lookup(name("www.example.test."), DnsType.A).answers());
    }

    @Test
    void shouldRejectWildcards() {
        assertEquals("t.zone:5: wildcards are not supported: *.example.test. (RFC 4592)",
                errorAfterHead("* A 192.0.2.9"));
    }

    @Test
    void shouldRejectDataOtherThanGlueBelowADelegation() {
        assertEquals("t.zone:7: MX record at x.sub.example.test. is inside the zone delegated at sub.example.test.:"
                + " only its NS records and glue (A records) may be here",
                errorAfterHead("sub NS ns1.sub", "ns1.sub A 192.0.2.53", "x.sub MX 10 mail"));
    }

    @Test
    void shouldRejectDataOtherThanNsAndGlueAtADelegationPoint() {
        assertEquals("t.zone:5: TXT record at sub.example.test. is inside the zone delegated at sub.example.test.:"
                + " only its NS records and glue (A records) may be here",
                errorAfterHead("sub TXT \"x\"", "sub NS ns"));
    }

    @Test
    void shouldAcceptGlueAtAndBelowADelegationPoint() {
        Zone z = zone("sub NS sub", "sub A 192.0.2.50", "sub NS ns1.sub", "ns1.sub A 192.0.2.53",
                "spare.sub A 192.0.2.54");
        assertEquals(rrs("sub 3600 A 192.0.2.50", "ns1.sub 3600 A 192.0.2.53"),
                z.lookup(name("sub.example.test."), DnsType.A).additionals());
    }

    @Test
    void shouldRejectANestedDelegation() {
        assertEquals("t.zone:7: NS records at deep.sub.example.test. are inside the zone delegated at"
                + " sub.example.test.: delegations do not nest; put them in the child zone",
                errorAfterHead("sub NS ns", "www.sub A 192.0.2.9", "deep.sub NS ns"));
    }

    @Test
    void shouldRequireAnAddressForAnNsHostInTheZone() {
        assertEquals("t.zone:5: NS host ns1.sub.example.test. is inside the zone but has no A record in it: add its"
                + " address (glue, RFC 1034 §4.2.1)", errorAfterHead("sub NS ns1.sub"));
    }

    @Test
    void shouldRejectAnNsHostThatIsAnAlias() {
        assertEquals("t.zone:5: NS host alias.example.test. is an alias (CNAME): NS must name the host itself"
                + " (RFC 2181 §10.3)", errorAfterHead("@ NS alias", "alias CNAME ns"));
    }

    @Test
    void shouldRejectAnEmptyZone() {
        assertEquals("t.zone:1: the zone example.test. has no records: it needs an SOA and NS records",
                error(ORIGIN, "; nothing"));
    }

    @Test
    void shouldTakeTheOriginFromTheSoaWhenNoneIsGiven() throws ZoneFileException {
        Zone z = Zone.of(ZoneFileParser.parse("t.zone", "$ORIGIN example.test.\n" + HEAD, null));
        assertEquals(ORIGIN, z.origin());
    }

    @Test
    void shouldRejectAFileWithoutOriginOrSoa() {
        assertEquals("t.zone:1: no origin was given and the file has no SOA record to take it from",
                error(null, "www.example.test. 1 A 192.0.2.3"));
    }

    @Test
    void shouldRejectRecordsOutsideTheOriginGivenToTheConstructor() {
        List<ResourceRecord> records = new ArrayList<>(rrs(HEAD.split("\n")));
        records.add(ResourceRecord.in(name("www.other.test."), 60, rrs("x 1 A 192.0.2.1").get(0).data()));
        var e = assertThrows(IllegalArgumentException.class, () -> Zone.of(ORIGIN, records));
        assertEquals("www.other.test. is outside the zone example.test.", e.getMessage());
    }

    @Test
    void shouldRejectAClassOtherThanInGivenToTheConstructor() {
        List<ResourceRecord> records = new ArrayList<>(rrs(HEAD.split("\n")));
        ResourceRecord a = records.get(2);
        records.add(new ResourceRecord(name("ch.example.test."), DnsClass.CH, 60, a.data()));
        var e = assertThrows(IllegalArgumentException.class, () -> Zone.of(ORIGIN, records));
        assertEquals("class CH is not supported: only IN", e.getMessage());
    }
}
