package io.slipway.socket.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.mock.Hex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The codec against messages dig and dnsmasq wrote ({@link DnsCaptures} says how they were
 * captured): every field decoded, our encoding of them decoded back to the same message, and
 * where our compression differs from dnsmasq's, our bytes checked against a hand-computed layout.
 */
class DnsCaptureTest {
    private static final DnsName WWW = DnsName.parse("www.example.test");
    private static final DnsName ZONE = DnsName.parse("example.test");
    private static final DnsName NS = DnsName.parse("ns.example.test");
    private static final int TEN_0_0_80 = 0x0A000050;

    private static DnsMessage decode(String hex) throws DnsFormatException {
        byte[] b = Hex.bytes(hex);
        return DnsMessage.decode(b, 0, b.length);
    }

    /** dig's OPT record: root owner, CLASS = payload size 1232, TTL 0, its RDATA as bytes. */
    private static ResourceRecord opt(String rdataHex) {
        return new ResourceRecord(DnsName.ROOT, 1232, 0, new RData.Unknown(DnsType.OPT, Hex.bytes(rdataHex)));
    }

    @Test
    void shouldDecodeEveryFieldOfDigsQuery() throws DnsFormatException {
        DnsMessage m = decode(DnsCaptures.DIG_QUERY_A);

        assertEquals(0x8853, m.id());
        assertFalse(m.response());
        assertEquals(DnsMessage.OPCODE_QUERY, m.opcode());
        assertFalse(m.authoritative());
        assertFalse(m.truncated());
        assertTrue(m.recursionDesired());
        assertFalse(m.recursionAvailable());
        assertEquals(Rcode.NOERROR, m.rcode());
        assertEquals(List.of(Question.in(WWW, DnsType.A)), m.questions());
        assertEquals(List.of(), m.answers());
        assertEquals(List.of(), m.authorities());
        // EDNS: the OPT record kept as it came, its option 10 (cookie) of 8 bytes included.
        assertEquals(List.of(opt("000a0008e764b09001a38741")), m.additionals());
        assertEquals(DnsType.OPT, m.additionals().get(0).type());
        assertEquals(1232, m.additionals().get(0).dnsClass());
    }

    @Test
    void shouldShowTheAdBitOfDigsQueryThroughTheHeaderAlone() {
        byte[] q = Hex.bytes(DnsCaptures.DIG_QUERY_A);

        int flags = DnsHeader.peekFlags(q, 0, q.length);

        assertEquals(DnsHeader.RD | DnsHeader.AD, flags);
        assertEquals(0x8853, DnsHeader.peekId(q, 0, q.length));
    }

    @Test
    void shouldWriteDigsQueryBackAsDigWroteItButForTheAdBit() throws DnsFormatException {
        byte[] expected = Hex.bytes(DnsCaptures.DIG_QUERY_A);
        // DnsMessage has no field for AD (nor Z, CD): it is written as 0.
        expected[3] &= (byte) ~DnsHeader.AD;

        assertArrayEquals(expected, decode(DnsCaptures.DIG_QUERY_A).encode(512));
    }

    @Test
    void shouldDecodeDnsmasqsAnswerWithItsOwnerCompressed() throws DnsFormatException {
        DnsMessage m = decode(DnsCaptures.DNSMASQ_A);

        assertEquals(0x8853, m.id());
        assertTrue(m.response());
        assertEquals(DnsMessage.OPCODE_QUERY, m.opcode());
        assertTrue(m.authoritative());
        assertFalse(m.truncated());
        assertTrue(m.recursionDesired());
        assertTrue(m.recursionAvailable());
        assertEquals(Rcode.NOERROR, m.rcode());
        assertEquals(List.of(Question.in(WWW, DnsType.A)), m.questions());
        assertEquals(List.of(ResourceRecord.in(WWW, 0, new RData.A(TEN_0_0_80))), m.answers());
        assertEquals(List.of(), m.authorities());
        assertEquals(List.of(opt("")), m.additionals());
    }

    @Test
    void shouldWriteDnsmasqsAnswerByteForByte() throws DnsFormatException {
        assertEquals(DnsCaptures.DNSMASQ_A.replace(" ", ""),
                Hex.dump(decode(DnsCaptures.DNSMASQ_A).encode(512)).replace(" ", ""));
    }

    @Test
    void shouldDecodeDnsmasqsMxAndWriteItsExchangeCompressed() throws DnsFormatException {
        DnsMessage m = decode(DnsCaptures.DNSMASQ_MX);
        assertEquals(List.of(Question.in(ZONE, DnsType.MX)), m.questions());
        assertEquals(List.of(ResourceRecord.in(ZONE, 0, new RData.Mx(10, DnsName.parse("mail.example.test")))),
                m.answers());

        // Ours: the question's example.test at 12 is pointed to by the owner and by the exchange.
        String expected = "6cbc 8580 0001 0001 0000 0001"
                + " 076578616d706c65 0474657374 00 000f 0001"
                + " c00c 000f 0001 00000000 0009 000a 046d61696c c00c"
                + " 00 0029 04d0 00000000 0000";
        byte[] ours = m.encode(512);
        assertArrayEquals(Hex.bytes(expected), ours, Hex.of(ours));
        assertEquals(m, DnsMessage.decode(ours, 0, ours.length));
    }

    @Test
    void shouldDecodeDnsmasqsRefusalWithAnExtendedErrorInItsOpt() throws DnsFormatException {
        DnsMessage m = decode(DnsCaptures.DNSMASQ_AAAA_REFUSED);

        assertEquals(Rcode.REFUSED, m.rcode());
        assertTrue(m.response());
        assertFalse(m.authoritative());
        assertTrue(m.recursionDesired());
        assertTrue(m.recursionAvailable());
        assertEquals(List.of(Question.in(WWW, DnsType.AAAA)), m.questions());
        assertEquals(List.of(), m.answers());
        // Option 15 (Extended DNS Error), 2 bytes: info code 14, "Not Ready".
        assertEquals(List.of(opt("000f0002000e")), m.additionals());
    }

    @Test
    void shouldDecodeDnsmasqsCnameTxtAndPtr() throws DnsFormatException {
        assertEquals(List.of(ResourceRecord.in(DnsName.parse("alias.example.test"), 0, new RData.Cname(WWW))),
                decode(DnsCaptures.DNSMASQ_CNAME).answers());
        assertEquals(List.of(ResourceRecord.in(ZONE, 0, new RData.Txt(List.of("v=spf1 -all", "Hello World")))),
                decode(DnsCaptures.DNSMASQ_TXT).answers());
        DnsMessage ptr = decode(DnsCaptures.DNSMASQ_PTR);
        DnsName reverse = DnsName.parse("80.0.0.10.in-addr.arpa");
        assertEquals(List.of(new Question(reverse, DnsType.PTR, DnsClass.IN)), ptr.questions());
        assertEquals(List.of(ResourceRecord.in(reverse, 0, new RData.Ptr(WWW))), ptr.answers());
    }

    @Test
    void shouldDecodeAnAuthoritativeSoaWithItsNsInTheAuthoritySection() throws DnsFormatException {
        DnsMessage m = decode(DnsCaptures.AUTH_SOA);

        assertTrue(m.authoritative());
        assertFalse(m.recursionAvailable());
        RData.Soa soa = new RData.Soa(NS, DnsName.parse("hostmaster.example.test"), 2024010101L, 1200, 120,
                604800, 600);
        assertEquals(List.of(ResourceRecord.in(ZONE, 600, soa)), m.answers());
        // Its owner is c01e: a pointer to the answer's owner, not to the question.
        assertEquals(List.of(ResourceRecord.in(ZONE, 600, new RData.Ns(NS))), m.authorities());
        assertEquals(List.of(opt("")), m.additionals());
    }

    @Test
    void shouldWriteTheNxdomainWithTheSoaNamesCompressedAsComputedByHand() throws DnsFormatException {
        DnsMessage m = decode(DnsCaptures.AUTH_NXDOMAIN);
        assertEquals(Rcode.NXDOMAIN, m.rcode());
        assertEquals(List.of(), m.answers());
        assertEquals(1, m.authorities().size());
        assertEquals(DnsType.SOA, m.authorities().get(0).type());

        // Question nosuch.example.test at 12 (example.test at 19); the SOA's owner points to 19,
        // its RDATA at 49: ns (then c013) and hostmaster (then c013), then the five numbers.
        String expected = "331c 8503 0001 0000 0001 0001"
                + " 066e6f73756368 076578616d706c65 0474657374 00 0001 0001"
                + " c013 0006 0001 00000258 0026"
                + " 026e73 c013 0a686f73746d6173746572 c013"
                + " 78a3f175 000004b0 00000078 00093a80 00000258"
                + " 00 0029 04d0 00000000 0000";
        byte[] ours = m.encode(512);
        assertArrayEquals(Hex.bytes(expected), ours, Hex.of(ours));
        assertEquals(m, DnsMessage.decode(ours, 0, ours.length));
    }

    @Test
    void shouldFollowAnOwnerPointerIntoTheCnamesRdata() throws DnsFormatException {
        DnsMessage m = decode(DnsCaptures.AUTH_CNAME);

        DnsName alias = DnsName.parse("alias.example.test");
        assertEquals(List.of(ResourceRecord.in(alias, 600, new RData.Cname(WWW)),
                ResourceRecord.in(WWW, 600, new RData.A(TEN_0_0_80))), m.answers());
        assertEquals(List.of(ResourceRecord.in(ZONE, 600, new RData.Ns(NS))), m.authorities());
    }

    @Test
    void shouldWriteTheCnameChainCompressedAsComputedByHand() throws DnsFormatException {
        DnsMessage m = decode(DnsCaptures.AUTH_CNAME);

        // Question alias.example.test at 12 (example.test at 18). CNAME RDATA at 48: www, then
        // c012. The A's owner points to that www (c030), as dnsmasq's did; the NS owner and
        // the ns in its RDATA point to 18.
        String expected = "96fe 8500 0001 0002 0001 0001"
                + " 05616c696173 076578616d706c65 0474657374 00 0001 0001"
                + " c00c 0005 0001 00000258 0006 03777777 c012"
                + " c030 0001 0001 00000258 0004 0a000050"
                + " c012 0002 0001 00000258 0005 026e73 c012"
                + " 00 0029 04d0 00000000 0000";
        byte[] ours = m.encode(512);
        assertArrayEquals(Hex.bytes(expected), ours, Hex.of(ours));
    }

    @Test
    void shouldDecodeOurEncodingOfEveryCaptureToTheSameMessage() throws DnsFormatException {
        for (Map.Entry<String, String> e : DnsCaptures.all().entrySet()) {
            DnsMessage m = decode(e.getValue());
            byte[] ours = m.encode(512);

            assertEquals(m, DnsMessage.decode(ours, 0, ours.length), e.getKey());
            assertTrue(ours.length <= Hex.bytes(e.getValue()).length, e.getKey() + ": no longer than theirs");
        }
    }
}
