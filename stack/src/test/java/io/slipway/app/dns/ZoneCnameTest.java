package io.slipway.app.dns;

import static io.slipway.app.dns.ZoneFixtures.name;
import static io.slipway.app.dns.ZoneFixtures.rrs;
import static io.slipway.app.dns.ZoneFixtures.zone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.Rcode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CNAMEs in lookups (RFC 1034 §4.3.2 step 3a, RFC 2181 §10.1, RFC 6604). */
class ZoneCnameTest {
    private static final String NEGATIVE_SOA = "@ 300 SOA ns hostmaster 1 7200 1800 1209600 300";

    @Test
    void shouldFollowAChainOfCnamesInTheZone() {
        ZoneAnswer a = zone("a CNAME b", "b CNAME c.example.test.", "c A 192.0.2.7")
                .lookup(name("a.example.test."), DnsType.A);
        assertEquals(ZoneAnswer.Kind.ANSWER, a.kind());
        assertEquals(rrs("a 3600 CNAME b", "b 3600 CNAME c", "c 3600 A 192.0.2.7"), a.answers());
        assertTrue(a.authoritative());
    }

    @Test
    void shouldAnswerWithJustTheCnameWhenItsTargetIsOutsideTheZone() {
        ZoneAnswer a = zone("a CNAME www.elsewhere.test.").lookup(name("a.example.test."), DnsType.A);
        assertEquals(ZoneAnswer.Kind.ANSWER, a.kind());
        assertEquals(rrs("a 3600 CNAME www.elsewhere.test."), a.answers());
        assertEquals(List.of(), a.authorities());
        assertEquals(Rcode.NOERROR, a.rcode());
    }

    @Test
    void shouldStopAtALoop() {
        ZoneAnswer a = zone("a CNAME b", "b CNAME a").lookup(name("a.example.test."), DnsType.A);
        assertEquals(ZoneAnswer.Kind.ANSWER, a.kind());
        assertEquals(rrs("a 3600 CNAME b", "b 3600 CNAME a"), a.answers());
    }

    @Test
    void shouldStopAtACnameToItself() {
        ZoneAnswer a = zone("a CNAME a").lookup(name("a.example.test."), DnsType.A);
        assertEquals(rrs("a 3600 CNAME a"), a.answers());
    }

    @Test
    void shouldAnswerNxdomainWithTheCnamesWhenTheChainEndsAtAMissingName() {
        ZoneAnswer a = zone("a CNAME b", "b CNAME gone").lookup(name("a.example.test."), DnsType.A);
        assertEquals(ZoneAnswer.Kind.NXDOMAIN, a.kind());
        assertEquals(Rcode.NXDOMAIN, a.rcode(), "RFC 6604 §2: the rcode is about the last name");
        assertEquals(rrs("a 3600 CNAME b", "b 3600 CNAME gone"), a.answers());
        assertEquals(rrs(NEGATIVE_SOA), a.authorities());
    }

    @Test
    void shouldAnswerNodataWithTheCnameWhenTheTargetLacksTheType() {
        ZoneAnswer a = zone("a CNAME ns").lookup(name("a.example.test."), DnsType.MX);
        assertEquals(ZoneAnswer.Kind.NODATA, a.kind());
        assertEquals(rrs("a 3600 CNAME ns"), a.answers());
        assertEquals(rrs(NEGATIVE_SOA), a.authorities());
        assertEquals(Rcode.NOERROR, a.rcode());
    }

    @Test
    void shouldAnswerTheCnameItselfWhenAskedForCnameOrAny() {
        Zone z = zone("a CNAME ns");
        assertEquals(rrs("a 3600 CNAME ns"), z.lookup(name("a.example.test."), DnsType.CNAME).answers());
        assertEquals(rrs("a 3600 CNAME ns"), z.lookup(name("a.example.test."), DnsType.ANY).answers());
    }

    @Test
    void shouldDoAdditionalProcessingOnTheDataAtTheEndOfTheChain() {
        ZoneAnswer a = zone("@ MX 10 mail", "mail A 192.0.2.5", "alias CNAME @").lookup(name("alias.example.test."),
                DnsType.MX);
        assertEquals(rrs("alias 3600 CNAME @", "@ 3600 MX 10 mail"), a.answers());
        assertEquals(rrs("mail 3600 A 192.0.2.5"), a.additionals());
    }

    @Test
    void shouldReferWithTheCnameWhenTheChainEntersADelegation() {
        ZoneAnswer a = zone("sub NS ns1.sub", "ns1.sub A 192.0.2.53", "a CNAME www.sub")
                .lookup(name("a.example.test."), DnsType.A);
        assertEquals(ZoneAnswer.Kind.REFERRAL, a.kind());
        assertEquals(rrs("a 3600 CNAME www.sub"), a.answers());
        assertEquals(rrs("sub 3600 NS ns1.sub"), a.authorities());
        assertEquals(rrs("ns1.sub 3600 A 192.0.2.53"), a.additionals());
        assertTrue(a.authoritative(), "RFC 1035 §4.1.1: AA is about the query name, and the CNAME is ours");
    }

    @Test
    void shouldFollowNoMoreThanTheChainLimit() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("c" + i + " CNAME c" + (i + 1));
        }
        lines.add("c20 A 192.0.2.20");
        ZoneAnswer a = zone(lines.toArray(new String[0])).lookup(name("c0.example.test."), DnsType.A);
        assertEquals(ZoneAnswer.Kind.ANSWER, a.kind());
        assertEquals(Zone.MAX_CNAME_CHAIN, a.answers().size());
        assertEquals(rrs("c15 3600 CNAME c16"), a.answers().subList(15, 16));
    }
}
