package io.slipway.socket.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.mock.Hex;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder on well-formed messages crafted to reach each rule's edge (RFC 1035 §4.1, RFC 2181, RFC 3597). */
class MessageDecoderTest {
    private static DnsMessage decode(byte[] m) throws DnsFormatException {
        return DnsMessage.decode(m, 0, m.length);
    }

    private static ResourceRecord only(List<ResourceRecord> records) {
        assertEquals(1, records.size(), records.toString());
        return records.get(0);
    }

    @Test
    void shouldDecodeAHeaderAlone() throws DnsFormatException {
        DnsMessage m = decode(WireBytes.header(0xBEEF, 0, 0, 0, 0, 0).bytes());

        assertEquals(0xBEEF, m.id());
        assertEquals(List.of(), m.questions());
        assertEquals(List.of(), m.additionals());
    }

    @Test
    void shouldDecodeEveryHeaderField() throws DnsFormatException {
        int flags = DnsHeader.QR | 2 << 11 | DnsHeader.AA | DnsHeader.TC | DnsHeader.RA | Rcode.NOTIMP;
        DnsMessage m = decode(WireBytes.header(7, flags, 0, 0, 0, 0).bytes());

        assertTrue(m.response());
        assertEquals(2, m.opcode());
        assertTrue(m.authoritative());
        assertTrue(m.truncated());
        assertFalse(m.recursionDesired());
        assertTrue(m.recursionAvailable());
        assertEquals(Rcode.NOTIMP, m.rcode());
    }

    @Test
    void shouldReadATtlWithTheTopBitSetAsZero() throws DnsFormatException {
        // RFC 2181 §8. 0x7FFFFFFF is the largest TTL kept as it is.
        byte[] m = WireBytes.header(1, DnsHeader.QR, 0, 2, 0, 0)
                .root().fixed(DnsType.A, 0x8000_0001L, 4).u32(1)
                .root().fixed(DnsType.A, 0x7FFF_FFFFL, 4).u32(2).bytes();

        List<ResourceRecord> answers = decode(m).answers();

        assertEquals(0, answers.get(0).ttl());
        assertEquals(0x7FFF_FFFFL, answers.get(1).ttl());
    }

    @Test
    void shouldIgnoreBytesAfterTheLastCountedRecord() throws DnsFormatException {
        byte[] capture = Hex.bytes(DnsCaptures.DNSMASQ_A);
        byte[] padded = Arrays.copyOf(capture, capture.length + 7);
        Arrays.fill(padded, capture.length, padded.length, (byte) 0xC0);

        assertEquals(decode(capture), decode(padded));
    }

    @Test
    void shouldDecodeAMessageInTheMiddleOfAnArrayWithPointersFromItsOwnStart() throws DnsFormatException {
        byte[] capture = Hex.bytes(DnsCaptures.AUTH_CNAME);
        byte[] framed = new byte[capture.length + 100];
        Arrays.fill(framed, (byte) 0xEE);
        System.arraycopy(capture, 0, framed, 60, capture.length);

        assertEquals(decode(capture), DnsMessage.decode(framed, 60, capture.length));
    }

    @Test
    void shouldKeepAnUnknownTypeAsItsBytesWithoutFollowingWhatLooksLikeAPointer() throws DnsFormatException {
        // RFC 3597 §4: type 99's RDATA c00c is data, not a name.
        byte[] m = WireBytes.header(1, DnsHeader.QR, 1, 1, 0, 0).name("example.test").typeIn(DnsType.A)
                .pointer(12).fixed(CraftedMessages.UNKNOWN_TYPE, 60, 2).pointer(12).bytes();

        ResourceRecord r = only(decode(m).answers());

        assertEquals(new RData.Unknown(99, Hex.bytes("c00c")), r.data());
        assertEquals(99, r.type());
        assertEquals(DnsName.parse("example.test"), r.name());
    }

    @Test
    void shouldKeepAaaaAsBytes() throws DnsFormatException {
        byte[] m = WireBytes.header(1, DnsHeader.QR, 0, 1, 0, 0).root().fixed(DnsType.AAAA, 60, 16)
                .hex("20010db8 00000000 00000000 00000001").bytes();

        assertEquals(new RData.Unknown(DnsType.AAAA, Hex.bytes("20010db8000000000000000000000001")),
                only(decode(m).answers()).data());
    }

    @Test
    void shouldKeepAnOptRecordsClassAndTtlAsTheyCame() throws DnsFormatException {
        // RFC 6891 §6.1.3: TTL holds extended RCODE 0, version 0, DO (bit 15); CLASS the payload size.
        byte[] m = WireBytes.header(1, 0, 0, 0, 0, 1).root().u16(DnsType.OPT).u16(4096).u32(0x8000).u16(0).bytes();

        ResourceRecord opt = only(decode(m).additionals());

        assertEquals(4096, opt.dnsClass());
        assertEquals(0x8000, opt.ttl());
        assertEquals(new RData.Unknown(DnsType.OPT, new byte[0]), opt.data());
    }

    @Test
    void shouldFollowCompressedNamesInEveryRdataTypeThatHasThem() throws DnsFormatException {
        // Question example.test at 12; then NS ns.<12>, MX 10 mx.<12>, SOA <NS's RDATA> h.<12>,
        // CNAME <12>, PTR a.<12>, each pointing back into an earlier record or the question.
        WireBytes w = WireBytes.header(1, DnsHeader.QR, 1, 5, 0, 0).name("example.test").typeIn(DnsType.ANY);
        w.pointer(12).fixed(DnsType.NS, 60, 5);
        int nsName = w.position();
        w.label("ns").pointer(12);
        w.pointer(12).fixed(DnsType.MX, 60, 7).u16(10).label("mx").pointer(12);
        w.pointer(12).fixed(DnsType.SOA, 60, 2 + 4 + 20).pointer(nsName).label("h").pointer(12)
                .u32(1).u32(2).u32(3).u32(4).u32(5);
        w.pointer(nsName).fixed(DnsType.CNAME, 60, 2).pointer(12);
        w.pointer(12).fixed(DnsType.PTR, 60, 4).label("a").pointer(12);

        List<ResourceRecord> a = decode(w.bytes()).answers();

        DnsName zone = DnsName.parse("example.test");
        DnsName ns = DnsName.parse("ns.example.test");
        assertEquals(new RData.Ns(ns), a.get(0).data());
        assertEquals(new RData.Mx(10, DnsName.parse("mx.example.test")), a.get(1).data());
        assertEquals(new RData.Soa(ns, DnsName.parse("h.example.test"), 1, 2, 3, 4, 5), a.get(2).data());
        assertEquals(ns, a.get(3).name());
        assertEquals(new RData.Cname(zone), a.get(3).data());
        assertEquals(new RData.Ptr(DnsName.parse("a.example.test")), a.get(4).data());
    }

    @Test
    void shouldFollowAChainOfPointersEachToAnEarlierName() throws DnsFormatException {
        // test at 12 (question 1), example.<12> at 22 (question 2), www.<22> as an owner.
        byte[] m = WireBytes.header(1, DnsHeader.QR, 2, 1, 0, 0).name("test").typeIn(DnsType.A)
                .label("example").pointer(12).typeIn(DnsType.A)
                .label("www").pointer(22).fixed(DnsType.A, 1, 4).u32(1).bytes();

        assertEquals(DnsName.parse("www.example.test"), only(decode(m).answers()).name());
    }

    @Test
    void shouldKeepTheCaseOfTheLabelsAsTheyCame() throws DnsFormatException {
        byte[] m = WireBytes.query(1, 0, 0, 0).name("WwW.Example.TEST").typeIn(DnsType.A).bytes();

        DnsName name = decode(m).question().name();

        assertEquals("WwW.Example.TEST.", name.toString());
        assertEquals(DnsName.parse("www.example.test"), name);
    }

    @Test
    void shouldAcceptANameOfExactly255Bytes() throws DnsFormatException {
        // 3 × (1 + 63) + (1 + 61) + 1 = 255, the last label reached through a pointer.
        byte[] m = WireBytes.header(1, DnsHeader.QR, 1, 1, 0, 0)
                .label("a".repeat(63)).label("b".repeat(63)).label("c".repeat(61)).root().typeIn(DnsType.A)
                .label("d".repeat(63)).pointer(12).fixed(DnsType.A, 0, 4).u32(1).bytes();

        assertEquals(255, only(decode(m).answers()).name().wireLength());
    }

    @Test
    void shouldDecodeAnEmptyTxtStringAndOctetsAbove127() throws DnsFormatException {
        byte[] m = WireBytes.header(1, DnsHeader.QR, 0, 1, 0, 0).root().fixed(DnsType.TXT, 0, 4)
                .hex("00 02 ff41").bytes();

        assertEquals(new RData.Txt(List.of("", "\u00ffA")), only(decode(m).answers()).data());
    }

    @Test
    void shouldShareTheNameOfOwnersThatArePointersToTheSameName() throws DnsFormatException {
        // A hostile message of records whose owners are all "c00c" must not cost a name each.
        WireBytes w = WireBytes.header(1, DnsHeader.QR, 1, 3, 0, 0).name("www.example.test").typeIn(DnsType.A);
        for (int i = 0; i < 3; i++) {
            w.pointer(12).fixed(DnsType.A, 0, 4).u32(i);
        }

        List<ResourceRecord> a = decode(w.bytes()).answers();

        assertSame(a.get(0).name(), a.get(1).name());
        assertSame(a.get(1).name(), a.get(2).name());
    }
}
