package io.slipway.app.dns.server;

import static io.slipway.testing.Ipv4Packets.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.dns.Zone;
import io.slipway.app.dns.ZoneFileParser;
import io.slipway.base.Bytes;
import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.Hex;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.dns.DnsClass;
import io.slipway.socket.dns.DnsHeader;
import io.slipway.socket.dns.DnsMessage;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.Question;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.Rcode;
import io.slipway.socket.dns.ResourceRecord;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authoritative server's rules, one by one (RFC 1034 §4.3.2, RFC 1035 §4.1.1 and §4.2.1,
 * RFC 2181 §9, RFC 2308 §3), byte by byte: a {@link DnsServer} without recursion on a stack whose
 * SLIP line is a mock adapter; the test scripts query datagrams from a client at 10.0.0.1 and
 * reads the response datagrams the stack transmitted.
 */
class DnsServerRulesTest {
    static final String US = "10.0.0.2";
    static final String CLIENT = "10.0.0.1";
    static final int CLIENT_PORT = 40000;
    static final DnsName WWW = DnsName.parse("www.example.test");
    /** 40 A records for one name: 16 bytes each compressed, far more than 512 bytes in all. */
    static final int BIG = 40;
    /** A delegation to 15 servers inside it: the NS RRset fits 512 bytes, the NS set and all its glue do not. */
    static final int WIDE = 15;

    static String zoneText() {
        StringBuilder z = new StringBuilder(String.join("\n",
                "$ORIGIN example.test.",
                "$TTL 3600",
                "@ SOA ns hostmaster 1 3600 600 86400 300",
                "@ NS ns",
                "@ MX 10 mail",
                "ns A 10.0.0.2",
                "www A 10.0.0.80",
                "mail A 10.0.0.25",
                "alias CNAME www",
                "sub NS ns.sub",
                "ns.sub A 10.0.0.99",
                "mixed TXT \"one small string\"", ""));
        for (int i = 1; i <= WIDE; i++) {
            z.append("wide NS ns").append(i).append(".wide\n");
            z.append("ns").append(i).append(".wide A 10.3.0.").append(i).append('\n');
        }
        for (int i = 1; i <= BIG; i++) {
            z.append("big A 10.1.0.").append(i).append('\n');
            z.append("mixed A 10.2.0.").append(i).append('\n');
        }
        return z.toString();
    }

    static Zones zones() throws Exception {
        return new Zones(List.of(Zone.of(ZoneFileParser.parse("example.test.zone", zoneText(),
                DnsName.parse("example.test")))));
    }

    private final ManualClock clock = new ManualClock();
    private final MockAdapter line = new MockAdapter("sl0", Medium.IP, 1006, clock);
    private final Stack host = new Stack("dns", StackConfig.DEFAULT, 11);
    private DnsServer server;

    @BeforeEach
    void setUp() throws Exception {
        host.addInterface(line, InterfaceConfig.pointToPoint(Ipv4Prefix.parse(US + "/24", 24),
                Ipv4Address.parse(CLIENT)));
        server = DnsServer.start(host.sockets(), zones(), null, 0, DnsServer.PORT);
        host.poll(clock.nanos());
    }

    @AfterEach
    void serverStillRuns() throws Exception {
        assertEquals(List.of(), host.sockets().serviceFailures(), "the server threw and was stopped");
    }

    // ---------------------------------------------------------------- the harness

    /** Sends {@code payload} to port 53 from the client and returns the UDP payloads sent back to it. */
    private List<byte[]> exchange(byte[] payload) {
        line.script(udp(CLIENT, US, CLIENT_PORT, 53, payload, true));
        host.poll(clock.nanos());
        host.poll(clock.nanos());
        List<byte[]> out = new ArrayList<>();
        for (byte[] p : line.takeTransmitted()) {
            assertEquals(17, p[9] & 0xFF, "only UDP goes back");
            assertEquals(US, Ipv4Address.format(Bytes.i32(p, 12)));
            assertEquals(CLIENT, Ipv4Address.format(Bytes.i32(p, 16)));
            assertEquals(53, Bytes.u16(p, 20), "from port 53");
            assertEquals(CLIENT_PORT, Bytes.u16(p, 22), "to the client's port");
            out.add(java.util.Arrays.copyOfRange(p, 28, 20 + Bytes.u16(p, 24)));
        }
        return out;
    }

    /** The one response to {@code payload}, its bytes. */
    private byte[] responseBytes(byte[] payload) {
        List<byte[]> r = exchange(payload);
        assertEquals(1, r.size(), "one response");
        assertTrue(r.get(0).length <= 512, "RFC 1035 §4.2.1: at most 512 bytes, was " + r.get(0).length);
        return r.get(0);
    }

    /** The bytes of the last response {@link #ask} read. */
    private byte[] last;

    private DnsMessage ask(byte[] payload) throws Exception {
        last = responseBytes(payload);
        DnsMessage m = DnsMessage.decode(last, 0, last.length);
        assertTrue(m.response(), "QR");
        return m;
    }

    private DnsMessage ask(int id, DnsName name, int type, boolean rd) throws Exception {
        DnsMessage m = ask(DnsMessage.query(id, Question.in(name, type), rd).encode(512));
        assertEquals(id, m.id());
        assertEquals(rd, m.recursionDesired(), "RD copied");
        assertEquals(List.of(Question.in(name, type)), m.questions(), "the question copied");
        return m;
    }

    private long count(DnsServerEvent e) {
        return server.events().get(e);
    }

    /** Raw bytes for queries the encoder would not write. */
    static final class Raw {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        static Raw header(int id, int flags, int qd, int an, int ns, int ar) {
            return new Raw().u16(id).u16(flags).u16(qd).u16(an).u16(ns).u16(ar);
        }

        Raw u16(int v) {
            out.write(v >>> 8);
            out.write(v & 0xFF);
            return this;
        }

        Raw name(String dotted) {
            for (String l : dotted.split("\\.")) {
                if (!l.isEmpty()) {
                    byte[] b = l.getBytes(StandardCharsets.US_ASCII);
                    out.write(b.length);
                    out.writeBytes(b);
                }
            }
            out.write(0);
            return this;
        }

        Raw question(String name, int type, int dnsClass) {
            return name(name).u16(type).u16(dnsClass);
        }

        Raw bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] build() {
            return out.toByteArray();
        }
    }

    private static ResourceRecord a(String name, String address) {
        return ResourceRecord.in(DnsName.parse(name), 3600, new RData.A(Ipv4Address.parse(address)));
    }

    // ---------------------------------------------------------------- authoritative answers

    @Test
    void shouldAnswerFromItsZoneWithAa() throws Exception {
        DnsMessage m = ask(0x1234, WWW, DnsType.A, false);

        assertTrue(m.authoritative(), "AA");
        assertFalse(m.recursionAvailable(), "RA clear: this server does not recurse");
        assertFalse(m.truncated());
        assertEquals(Rcode.NOERROR, m.rcode());
        assertEquals(DnsMessage.OPCODE_QUERY, m.opcode());
        assertEquals(List.of(a("www.example.test", "10.0.0.80")), m.answers());
        assertEquals(1, count(DnsServerEvent.QUERIES_IN));
        assertEquals(1, count(DnsServerEvent.RESPONSES_OUT));
        assertEquals(1, count(DnsServerEvent.ANSWERS));
    }

    @Test
    void shouldCopyRdAndStillNotRecurse() throws Exception {
        DnsMessage m = ask(0xFFFF, WWW, DnsType.A, true);

        assertTrue(m.authoritative());
        assertFalse(m.recursionAvailable());
        assertEquals(1, m.answers().size());
    }

    @Test
    void shouldAnswerAQueryNameInAnyCase() throws Exception {
        DnsMessage m = ask(7, DnsName.parse("WwW.ExAmPlE.tEsT"), DnsType.A, false);

        assertEquals(1, m.answers().size());
        assertEquals(Rcode.NOERROR, m.rcode());
    }

    @Test
    void shouldFollowACnameWithinTheZone() throws Exception {
        DnsMessage m = ask(8, DnsName.parse("alias.example.test"), DnsType.A, false);

        assertTrue(m.authoritative());
        assertEquals(2, m.answers().size());
        assertEquals(DnsType.CNAME, m.answers().get(0).type());
        assertEquals(a("www.example.test", "10.0.0.80"), m.answers().get(1));
    }

    @Test
    void shouldAddTheAddressesOfMailExchanges() throws Exception {
        DnsMessage m = ask(9, DnsName.parse("example.test"), DnsType.MX, false);

        assertEquals(1, m.answers().size());
        assertTrue(m.additionals().contains(a("mail.example.test", "10.0.0.25")), m.additionals().toString());
    }

    @Test
    void shouldSayANameDoesNotExistWithTheSoa() throws Exception {
        DnsMessage m = ask(10, DnsName.parse("nowhere.example.test"), DnsType.A, false);

        assertEquals(Rcode.NXDOMAIN, m.rcode());
        assertTrue(m.authoritative());
        assertEquals(List.of(), m.answers());
        assertEquals(1, m.authorities().size());
        ResourceRecord soa = m.authorities().get(0);
        assertEquals(DnsType.SOA, soa.type());
        assertEquals(DnsName.parse("example.test"), soa.name());
        assertEquals(300, soa.ttl(), "RFC 2308 §3: min(SOA TTL, MINIMUM)");
        assertEquals(1, count(DnsServerEvent.NXDOMAIN));
        assertEquals(1, count(DnsServerEvent.ANSWERS));
    }

    @Test
    void shouldSayANameHasNoDataOfTheTypeWithTheSoa() throws Exception {
        DnsMessage m = ask(11, WWW, DnsType.MX, false);

        assertEquals(Rcode.NOERROR, m.rcode());
        assertTrue(m.authoritative());
        assertEquals(List.of(), m.answers());
        assertEquals(1, m.authorities().size());
        assertEquals(DnsType.SOA, m.authorities().get(0).type());
        assertEquals(1, count(DnsServerEvent.NODATA));
    }

    @Test
    void shouldReferToADelegatedZoneWithGlueAndWithoutAa() throws Exception {
        DnsMessage m = ask(12, DnsName.parse("host.sub.example.test"), DnsType.A, false);

        assertEquals(Rcode.NOERROR, m.rcode());
        assertFalse(m.authoritative(), "RFC 1034 §4.3.2: a referral is not authoritative");
        assertEquals(List.of(), m.answers());
        assertEquals(List.of(ResourceRecord.in(DnsName.parse("sub.example.test"), 3600,
                new RData.Ns(DnsName.parse("ns.sub.example.test")))), m.authorities());
        assertEquals(List.of(a("ns.sub.example.test", "10.0.0.99")), m.additionals(), "glue");
        assertEquals(1, count(DnsServerEvent.REFERRALS));
        assertEquals(0, count(DnsServerEvent.ANSWERS));
    }

    @Test
    void shouldReferEvenWhenRecursionIsDesiredButNotOffered() throws Exception {
        DnsMessage m = ask(13, DnsName.parse("sub.example.test"), DnsType.A, true);

        assertFalse(m.authoritative());
        assertEquals(DnsType.NS, m.authorities().get(0).type());
        assertEquals(1, count(DnsServerEvent.REFERRALS));
    }

    // ---------------------------------------------------------------- errors

    @Test
    void shouldAnswerJunkWithFormerrEchoingItsId() throws Exception {
        byte[] noQuestion = Raw.header(0xBEEF, 0x0100, 1, 0, 0, 0).build(); // QDCOUNT 1, nothing after
        byte[] junk = new byte[40];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (0xA5 ^ i * 37);
        }
        junk[0] = 0x4A;
        junk[1] = 0x11;
        junk[2] = 0x01; // QR clear, opcode 0, RD
        junk[3] = 0x00;

        for (byte[] q : List.of(noQuestion, junk)) {
            DnsMessage m = ask(q);
            assertEquals(Bytes.u16(q, 0), m.id(), "the query's ID");
            assertEquals(Rcode.FORMERR, m.rcode());
            assertFalse(m.authoritative());
            assertFalse(m.recursionAvailable());
            assertTrue(m.recursionDesired(), "RD copied from the header");
        }
        assertEquals(2, count(DnsServerEvent.FORMERR));
    }

    @Test
    void shouldAnswerFormerrToAQueryWithoutAQuestion() throws Exception {
        DnsMessage m = ask(Raw.header(0x0101, 0, 0, 0, 0, 0).build());

        assertEquals(0x0101, m.id());
        assertEquals(Rcode.FORMERR, m.rcode());
        assertEquals(1, count(DnsServerEvent.FORMERR));
    }

    @Test
    void shouldAnswerFormerrToAQueryWithTwoQuestions() throws Exception {
        byte[] q = Raw.header(0x0202, 0, 2, 0, 0, 0).question("www.example.test", DnsType.A, DnsClass.IN)
                .question("mail.example.test", DnsType.A, DnsClass.IN).build();

        DnsMessage m = ask(q);

        assertEquals(0x0202, m.id());
        assertEquals(Rcode.FORMERR, m.rcode());
        assertEquals(List.of(), m.answers(), "no answer to either");
        assertEquals(1, count(DnsServerEvent.FORMERR));
    }

    /**
     * Two questions of long names (253 bytes each on the wire) are 530 bytes of question alone:
     * a FORMERR response that echoed them could not fit in 512. The server must still answer
     * (or drop), and above all keep running.
     */
    @Test
    void shouldSurviveTwoQuestionsThatCannotBeEchoedIn512Bytes() throws Exception {
        String label = "a".repeat(61);
        String longName1 = label + "1." + label + "2." + label + "3." + label + "4";
        String longName2 = label + "5." + label + "6." + label + "7." + label + "8";
        byte[] q = Raw.header(0x0303, 0, 2, 0, 0, 0).question(longName1, DnsType.A, DnsClass.IN)
                .question(longName2, DnsType.A, DnsClass.IN).build();

        List<byte[]> r = exchange(q);

        assertEquals(List.of(), host.sockets().serviceFailures(), "the server threw and was stopped");
        assertTrue(r.size() <= 1);
        for (byte[] b : r) {
            assertTrue(b.length <= 512, "at most 512 bytes: " + b.length);
            DnsMessage m = DnsMessage.decode(b, 0, b.length);
            assertEquals(0x0303, m.id());
            assertEquals(Rcode.FORMERR, m.rcode());
        }
        assertEquals(1, ask(0x0404, WWW, DnsType.A, false).answers().size(), "and it answers the next query");
    }

    @Test
    void shouldAnswerNotimpToOtherOpcodes() throws Exception {
        for (int opcode : new int[] {1, 2, 4, 5}) { // IQUERY, STATUS, NOTIFY, UPDATE
            byte[] q = Raw.header(0x5000 + opcode, opcode << 11, 1, 0, 0, 0)
                    .question("www.example.test", DnsType.A, DnsClass.IN).build();
            DnsMessage m = ask(q);
            assertEquals(0x5000 + opcode, m.id(), "opcode " + opcode);
            assertEquals(Rcode.NOTIMP, m.rcode(), "opcode " + opcode);
            assertEquals(opcode, m.opcode(), "RFC 1035 §4.1.1: the opcode is copied");
            assertEquals(List.of(), m.answers());
        }
        assertEquals(4, count(DnsServerEvent.NOTIMP));
    }

    @Test
    void shouldAnswerNotimpToZoneTransfers() throws Exception {
        DnsMessage axfr = ask(0x6001, DnsName.parse("example.test"), DnsType.AXFR, false);
        DnsMessage ixfr = ask(0x6002, DnsName.parse("example.test"), 251, false);

        assertEquals(Rcode.NOTIMP, axfr.rcode());
        assertEquals(Rcode.NOTIMP, ixfr.rcode());
        assertEquals(List.of(), axfr.answers());
        assertEquals(2, count(DnsServerEvent.NOTIMP));
    }

    @Test
    void shouldRefuseClassChaos() throws Exception {
        // dig @server version.bind CH TXT
        byte[] q = DnsMessage.query(0x7001, new Question(DnsName.parse("version.bind"), DnsType.TXT, DnsClass.CH),
                true).encode(512);

        DnsMessage m = ask(q);

        assertEquals(Rcode.REFUSED, m.rcode());
        assertFalse(m.authoritative());
        assertEquals(List.of(), m.answers());
        assertEquals(1, count(DnsServerEvent.REFUSED));
    }

    @Test
    void shouldRefuseANameOutsideItsZonesWithoutRecursion() throws Exception {
        DnsMessage rd = ask(0x7002, DnsName.parse("www.other.test"), DnsType.A, true);
        DnsMessage norecurse = ask(0x7003, DnsName.parse("test"), DnsType.NS, false);

        for (DnsMessage m : List.of(rd, norecurse)) {
            assertEquals(Rcode.REFUSED, m.rcode());
            assertFalse(m.recursionAvailable(), "RA clear");
            assertFalse(m.authoritative());
            assertEquals(List.of(), m.answers());
        }
        assertEquals(2, count(DnsServerEvent.REFUSED));
    }

    @Test
    void shouldDropAResponseAndATooShortDatagramWithoutAnswering() throws Exception {
        byte[] response = DnsMessage.builder().id(0x8001).response(true).questions(List.of(Question.in(WWW,
                DnsType.A))).answers(List.of(a("www.example.test", "10.0.0.80"))).build().encode(512);

        assertEquals(List.of(), exchange(response));
        assertEquals(List.of(), exchange(new byte[] {0x12, 0x34, 0x01, 0x00, 0x00}));
        assertEquals(List.of(), exchange(new byte[0]));

        assertEquals(1, count(DnsServerEvent.DROP_NOT_A_QUERY));
        assertEquals(2, count(DnsServerEvent.DROP_TOO_SHORT));
        assertEquals(0, count(DnsServerEvent.RESPONSES_OUT));
        line.assertNothingTransmitted();
    }

    @Test
    void shouldCountAResponseItCannotSendAndGoOn() throws Exception {
        // RFC 768: source port 0 means "no port": there is nowhere to send the answer.
        line.script(udp(CLIENT, US, 0, 53, DnsMessage.query(0x8002, Question.in(WWW, DnsType.A), false).encode(512),
                true));
        host.poll(clock.nanos());
        host.poll(clock.nanos());
        line.takeTransmitted();

        assertEquals(0, count(DnsServerEvent.RESPONSES_OUT));
        assertEquals(count(DnsServerEvent.QUERIES_IN), count(DnsServerEvent.DROP_SEND_FAILED),
                "a query that came in and could not be answered is counted as such");
        assertEquals(1, ask(0x8003, WWW, DnsType.A, false).answers().size(), "and the next is answered");
    }

    // ---------------------------------------------------------------- size

    @Test
    void shouldCutAnAnswerOver512BytesToWholeRrsetsWithTc() throws Exception {
        DnsMessage m = ask(0x9001, DnsName.parse("big.example.test"), DnsType.A, false);

        assertTrue(m.truncated(), "TC");
        assertTrue(last.length <= 512);
        assertTrue(m.answers().isEmpty() || m.answers().size() == BIG, "whole RRsets only: " + m.answers().size());
        assertEquals(Rcode.NOERROR, m.rcode());
        assertEquals(1, count(DnsServerEvent.TRUNCATED));
        assertEquals(1, count(DnsServerEvent.RESPONSES_OUT));
    }

    @Test
    void shouldKeepOnlyWholeRrsetsOfAnAnyAnswer() throws Exception {
        DnsMessage m = ask(0x9002, DnsName.parse("mixed.example.test"), DnsType.ANY, false);

        assertTrue(m.truncated(), "TC");
        Map<Integer, Integer> perType = new LinkedHashMap<>();
        for (ResourceRecord r : m.answers()) {
            perType.merge(r.type(), 1, Integer::sum);
        }
        assertTrue(perType.getOrDefault(DnsType.A, BIG) == BIG, "the A RRset whole or not at all: " + perType);
        assertTrue(perType.getOrDefault(DnsType.TXT, 1) == 1, "the TXT RRset whole or not at all: " + perType);
        assertTrue(last.length <= 512);
    }

    /**
     * The servers of wide.example.test are inside it: without their glue the referral cannot be
     * followed (slipway's own RecursiveResolver gives up on an in-zone host without glue). RFC
     * 9471 §3 (updating RFC 1034 §4.3.2): when the glue of in-domain name servers does not all
     * fit, set TC, so the resolver retries over TCP — rather than drop some silently.
     */
    @Test
    void shouldSetTcWhenTheGlueOfAReferralDoesNotFit() throws Exception {
        DnsMessage m = ask(0x9003, DnsName.parse("host.wide.example.test"), DnsType.A, false);

        assertEquals(WIDE, m.authorities().size(), "the NS RRset fits");
        assertTrue(m.additionals().size() == WIDE || m.truncated(),
                m.additionals().size() + " of " + WIDE + " glue records, TC " + m.truncated());
    }

    @Test
    void shouldCompressNames() throws Exception {
        DnsMessage www = ask(0xA001, WWW, DnsType.A, false);
        assertEquals(1, www.answers().size());
        // Header 12, question 18 + 4, answer: a pointer to the question's name (2) + 10 + 4.
        assertEquals(50, last.length, Hex.of(last));
        assertEquals(0xC00C, Bytes.u16(last, 34), "the owner points at the question's name");

        DnsMessage mx = ask(0xA002, DnsName.parse("example.test"), DnsType.MX, false);
        int uncompressed = 12 + mx.question().name().wireLength() + 4;
        for (List<ResourceRecord> section : List.of(mx.answers(), mx.authorities(), mx.additionals())) {
            for (ResourceRecord r : section) {
                int rdata = r.data() instanceof RData.Mx x ? 2 + x.exchange().wireLength()
                        : r.data() instanceof RData.Ns n ? n.host().wireLength() : 4;
                uncompressed += r.name().wireLength() + 10 + rdata;
            }
        }
        assertTrue(last.length < uncompressed * 3 / 4, last.length + " bytes, " + uncompressed + " uncompressed");
    }

    // ---------------------------------------------------------------- real clients

    @Test
    void shouldAnswerDigsQueryWithItsEdnsOptRecord() throws Exception {
        // dig @server www.example.test A (DiG 9.18): ID 0x8853, RD AD, OPT 1232 with a cookie.
        byte[] dig = Hex.bytes("8853 0120 0001 0000 0000 0001"
                + " 03777777 076578616d706c65 0474657374 00 0001 0001"
                + " 00 0029 04d0 00000000 000c 000a 0008 e764b09001a38741");

        DnsMessage m = ask(dig);

        assertEquals(0x8853, m.id());
        assertEquals(Rcode.NOERROR, m.rcode());
        assertTrue(m.authoritative());
        assertTrue(m.recursionDesired());
        assertEquals(List.of(a("www.example.test", "10.0.0.80")), m.answers());
        assertEquals(0, Bytes.u16(last, 2) & (DnsHeader.Z | DnsHeader.AD | DnsHeader.CD), "Z AD CD clear");
        for (ResourceRecord r : m.additionals()) {
            assertEquals(DnsType.OPT, r.type(), "nothing in additional but an OPT, if any");
        }
        assertEquals(1, count(DnsServerEvent.ANSWERS));
    }

    @Test
    void shouldAnswerManyQueriesInOneTurn() throws Exception {
        for (int i = 0; i < 10; i++) {
            line.script(udp(CLIENT, US, CLIENT_PORT + i, 53, DnsMessage.query(i, Question.in(WWW, DnsType.A), false)
                    .encode(512), true));
        }
        host.poll(clock.nanos());
        host.poll(clock.nanos());

        assertEquals(10, line.takeTransmitted().size());
        assertEquals(10, count(DnsServerEvent.QUERIES_IN));
        assertEquals(10, count(DnsServerEvent.RESPONSES_OUT));
    }
}
