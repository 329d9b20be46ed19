package io.slipway.socket.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Bytes;
import io.slipway.hal.mock.Hex;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The encoder: header, compression (RFC 1035 §4.1.4, RFC 3597 §4) and the round trip. */
class MessageEncoderTest {
    private static final DnsName ZONE = DnsName.parse("example.test");

    private static DnsMessage decode(byte[] m) throws DnsFormatException {
        return DnsMessage.decode(m, 0, m.length);
    }

    private static ResourceRecord a(String name, int address) {
        return ResourceRecord.in(DnsName.parse(name), 60, new RData.A(address));
    }

    @Test
    void shouldWriteAHeaderAloneInTwelveBytes() {
        DnsMessage m = DnsMessage.builder().id(0xABCD).build();

        assertArrayEquals(Hex.bytes("abcd 0000 0000 0000 0000 0000"), m.encode(12));
    }

    @Test
    void shouldWriteEveryHeaderBit() {
        DnsMessage m = DnsMessage.builder().id(0xABCD).response(true).opcode(15).authoritative(true).truncated(true)
                .recursionDesired(true).recursionAvailable(true).rcode(15).build();

        // QR, opcode 1111, AA, TC, RD, RA; Z, AD and CD 0; RCODE 1111.
        assertArrayEquals(Hex.bytes("abcd ff8f 0000 0000 0000 0000"), m.encode(512));
    }

    @Test
    void shouldCompressWithoutRegardToCaseKeepingTheFirstSpelling() throws DnsFormatException {
        DnsMessage m = DnsMessage.builder().id(1).response(true).authoritative(true)
                .questions(List.of(Question.in(DnsName.parse("WWW.Example.TEST"), DnsType.A)))
                .answers(List.of(a("www.example.test", 0x0A000001), a("mail.EXAMPLE.test", 0x0A000002))).build();

        byte[] wire = m.encode(512);

        // The question at 12 (Example.TEST at 16); both owners point into it.
        String expected = "0001 8400 0001 0002 0000 0000"
                + " 03575757 074578616d706c65 0454455354 00 0001 0001"
                + " c00c 0001 0001 0000003c 0004 0a000001"
                + " 046d61696c c010 0001 0001 0000003c 0004 0a000002";
        assertArrayEquals(Hex.bytes(expected), wire, Hex.of(wire));
        DnsMessage back = decode(wire);
        assertEquals(m, back);
        assertEquals("WWW.Example.TEST.", back.answers().get(0).name().toString());
        assertEquals("mail.Example.TEST.", back.answers().get(1).name().toString());
    }

    @Test
    void shouldCompressTheNamesInNsCnamePtrMxAndSoaData() {
        DnsName ns = DnsName.parse("ns.example.test");
        DnsMessage m = DnsMessage.builder().id(2).response(true)
                .questions(List.of(Question.in(ZONE, DnsType.ANY)))
                .answers(List.of(
                        ResourceRecord.in(ZONE, 1, new RData.Ns(ns)),
                        ResourceRecord.in(ZONE, 1, new RData.Mx(5, DnsName.parse("mx.example.test"))),
                        ResourceRecord.in(ZONE, 1, new RData.Soa(ns, DnsName.parse("h.example.test"), 1, 2, 3, 4, 5)),
                        ResourceRecord.in(ns, 1, new RData.Cname(ZONE)),
                        ResourceRecord.in(ZONE, 1, new RData.Ptr(ns))))
                .build();

        byte[] wire = m.encode(512);

        // example.test at 12; ns.<12> written at 42 in the NS's RDATA and pointed to after.
        String expected = "0002 8000 0001 0005 0000 0000"
                + " 076578616d706c65 0474657374 00 00ff 0001"
                + " c00c 0002 0001 00000001 0005 026e73 c00c"
                + " c00c 000f 0001 00000001 0007 0005 026d78 c00c"
                + " c00c 0006 0001 00000001 001a c02a 0168 c00c 00000001 00000002 00000003 00000004 00000005"
                + " c02a 0005 0001 00000001 0002 c00c"
                + " c00c 000c 0001 00000001 0002 c02a";
        assertArrayEquals(Hex.bytes(expected), wire, Hex.of(wire));
    }

    @Test
    void shouldNeitherCompressIntoNorPointIntoTheDataOfOtherTypes() {
        // RFC 3597 §4. Type 99's RDATA holds example.test's wire form; the later owner must not point at it.
        byte[] nameBytes = Hex.bytes("076578616d706c65 0474657374 00");
        DnsMessage m = DnsMessage.builder().id(3).response(true)
                .answers(List.of(
                        new ResourceRecord(DnsName.ROOT, DnsClass.IN, 0, new RData.Unknown(99, nameBytes)),
                        a("example.test", 1)))
                .build();

        byte[] wire = m.encode(512);

        String expected = "0003 8000 0000 0002 0000 0000"
                + " 00 0063 0001 00000000 000e 076578616d706c65 0474657374 00"
                + " 076578616d706c65 0474657374 00 0001 0001 0000003c 0004 00000001";
        assertArrayEquals(Hex.bytes(expected), wire, Hex.of(wire));
    }

    /** Record 1: a root owner and {@code filler} bytes of type 99, so that record 2's owner starts at 23 + filler. */
    private static DnsMessage afterFiller(int filler, ResourceRecord... more) {
        List<ResourceRecord> answers = new java.util.ArrayList<>();
        answers.add(new ResourceRecord(DnsName.ROOT, DnsClass.IN, 0, new RData.Unknown(99, new byte[filler])));
        answers.addAll(List.of(more));
        return DnsMessage.builder().id(4).response(true).answers(answers).build();
    }

    @Test
    void shouldPointToASuffixAtOffset0x3FFF() throws DnsFormatException {
        DnsMessage m = afterFiller(0x3FFF - 23, a("a.test", 1), a("a.test", 2));

        byte[] wire = m.encode(65535);

        // a.test at 0x3FFF, 8 bytes, then 14; the next owner is a pointer to it.
        int second = 0x3FFF + 8 + 14;
        assertEquals(0xFFFF, Bytes.u16(wire, second));
        assertEquals(m, decode(wire));
    }

    @Test
    void shouldWriteANameInFullWhenItsSuffixIsPastOffset0x3FFF() throws DnsFormatException {
        // a.test starts at 0x4000: no pointer can reach it, nor its test. (at 0x4002).
        DnsMessage m = afterFiller(0x4000 - 23, a("a.test", 1), a("a.test", 2), a("b.test", 3));

        byte[] wire = m.encode(65535);

        int second = 0x4000 + 8 + 14;
        byte[] aTest = Hex.bytes("0161 0474657374 00");
        assertArrayEquals(aTest, Arrays.copyOfRange(wire, second, second + 8), Hex.of(wire));
        int third = second + 8 + 14;
        assertArrayEquals(Hex.bytes("0162 0474657374 00"), Arrays.copyOfRange(wire, third, third + 8));
        assertEquals(third + 8 + 14, wire.length);
        assertEquals(m, decode(wire));
    }

    @Test
    void shouldRoundTripEveryKindOfRdataInEverySection() throws DnsFormatException {
        DnsName ns = DnsName.parse("ns.example.test");
        DnsMessage m = DnsMessage.builder().id(0xFFFF).response(true).opcode(0).authoritative(true)
                .recursionDesired(true).rcode(Rcode.NXDOMAIN)
                .questions(List.of(Question.in(ZONE, DnsType.ANY), new Question(ZONE, DnsType.TXT, DnsClass.CH)))
                .answers(List.of(
                        ResourceRecord.in(ZONE, ResourceRecord.MAX_TTL, new RData.A(0xFFFFFFFF)),
                        ResourceRecord.in(ZONE, 0, new RData.Txt(List.of("", "a b", "x".repeat(255), "\u00e9"))),
                        ResourceRecord.in(DnsName.parse("alias.example.test"), 7, new RData.Cname(ZONE)),
                        new ResourceRecord(ZONE, DnsClass.CH, 1, new RData.Mx(0xFFFF, DnsName.ROOT))))
                .authorities(List.of(
                        ResourceRecord.in(ZONE, 3, new RData.Ns(ns)),
                        ResourceRecord.in(ZONE, 3, new RData.Soa(ns, DnsName.parse("h.example.test"), 0xFFFF_FFFFL,
                                0, 1, 2, 3))))
                .additionals(List.of(
                        ResourceRecord.in(ns, 4, new RData.Unknown(DnsType.AAAA, new byte[16])),
                        ResourceRecord.in(DnsName.parse("80.0.0.10.in-addr.arpa"), 5, new RData.Ptr(ns)),
                        new ResourceRecord(DnsName.ROOT, 1232, 0, new RData.Unknown(DnsType.OPT, new byte[0]))))
                .build();

        byte[] wire = m.encode(65535);

        assertEquals(m, decode(wire));
        assertArrayEquals(wire, m.encode(wire.length), "the same bytes at the exact limit");
    }

    @Test
    void shouldRefuseALimitOutside12To65535() {
        DnsMessage m = DnsMessage.builder().build();

        assertThrows(IllegalArgumentException.class, () -> m.encode(11));
        assertThrows(IllegalArgumentException.class, () -> m.encode(65536));
        assertEquals(12, m.encode(12).length);
        assertEquals(12, m.encode(65535).length);
    }

    @Test
    void shouldRefuseALimitTheQuestionsDoNotFit() {
        DnsMessage q = DnsMessage.query(1, Question.in(DnsName.parse("www.example.test"), DnsType.A), true);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.encode(33));
        assertTrue(e.getMessage().contains("34 bytes"), e.getMessage());
        assertEquals(34, q.encode(34).length);
    }

    @Test
    void shouldAlwaysFitOneQuestionOfTheLongestNameIn512() {
        DnsName longest = DnsName.parse("a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "."
                + "d".repeat(61));
        assertEquals(255, longest.wireLength());

        assertEquals(12 + 255 + 4, DnsMessage.query(1, Question.in(longest, DnsType.A), true).encode(512).length);
    }
}
