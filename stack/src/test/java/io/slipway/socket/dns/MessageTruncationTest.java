package io.slipway.socket.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encoder's size limit (RFC 2181 §9): additional records go first and without TC; answer and
 * authority records are kept as whole RRsets in order, and when any is left out TC is set and
 * the additional section dropped. The header's counts always say what was written.
 */
class MessageTruncationTest {
    private static final DnsName BIG = DnsName.parse("big.example.test");
    private static final DnsName OTHER = DnsName.parse("other.example.test");
    private static final DnsName NS = DnsName.parse("ns.example.test");

    /** {@code count} A records of one RRset: each 16 bytes once its owner is a pointer. */
    private static List<ResourceRecord> rrset(DnsName owner, int count, int firstAddress) {
        List<ResourceRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(ResourceRecord.in(owner, 300, new RData.A(firstAddress + i)));
        }
        return out;
    }

    private static List<ResourceRecord> concat(List<ResourceRecord> a, List<ResourceRecord> b) {
        List<ResourceRecord> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static DnsMessage.Builder response() {
        return DnsMessage.builder().id(0x4242).response(true).authoritative(true)
                .questions(List.of(Question.in(BIG, DnsType.A)));
    }

    /** Decodes, and checks the header's counts are the sections decoded (the decoder reads exactly those). */
    private static DnsMessage decode(byte[] wire) throws DnsFormatException {
        DnsMessage m = DnsMessage.decode(wire, 0, wire.length);
        assertEquals(m.questions().size(), Bytes.u16(wire, 4));
        assertEquals(m.answers().size(), Bytes.u16(wire, 6));
        assertEquals(m.authorities().size(), Bytes.u16(wire, 8));
        assertEquals(m.additionals().size(), Bytes.u16(wire, 10));
        return m;
    }

    @Test
    void shouldSetTcAndKeepOnlyTheWholeRrsetsThatFit() throws DnsFormatException {
        // Header and question 34 bytes, RRset big 20 × 16 = 320, RRset other 23 + 19 × 16 = 327.
        List<ResourceRecord> big = rrset(BIG, 20, 0x0A000001);
        DnsMessage m = response().answers(concat(big, rrset(OTHER, 20, 0x0A000101)))
                .authorities(List.of(ResourceRecord.in(BIG, 300, new RData.Ns(NS))))
                .additionals(rrset(NS, 1, 0x0A000035)).build();

        byte[] wire = m.encode(512);

        assertEquals(34 + 320, wire.length);
        DnsMessage back = decode(wire);
        assertTrue(back.truncated());
        assertEquals(big, back.answers());
        assertEquals(List.of(), back.authorities());
        assertEquals(List.of(), back.additionals());
        assertEquals(m.questions(), back.questions());
    }

    @Test
    void shouldWriteEverythingWithoutTcWhenItFits() throws DnsFormatException {
        DnsMessage m = response().answers(concat(rrset(BIG, 20, 1), rrset(OTHER, 20, 101))).build();

        DnsMessage back = decode(m.encode(4096));

        assertFalse(back.truncated());
        assertEquals(m, back);
    }

    @Test
    void shouldFitAMessageOfExactlyTheLimitAndCutItOneByteBelow() throws DnsFormatException {
        DnsMessage m = response().answers(concat(rrset(BIG, 3, 1), rrset(OTHER, 3, 101))).build();
        int whole = m.encode(65535).length;

        assertEquals(m, decode(m.encode(whole)));
        DnsMessage cut = decode(m.encode(whole - 1));
        assertTrue(cut.truncated());
        assertEquals(rrset(BIG, 3, 1), cut.answers());
    }

    @Test
    void shouldDropAdditionalRecordsThatDoNotFitWithoutSettingTc() throws DnsFormatException {
        List<ResourceRecord> answers = rrset(BIG, 1, 1);
        List<ResourceRecord> authority = List.of(ResourceRecord.in(BIG, 300, new RData.Ns(NS)));
        DnsMessage m = response().answers(answers).authorities(authority).additionals(rrset(NS, 40, 0x0A000035))
                .build();

        DnsMessage back = decode(m.encode(512));

        assertFalse(back.truncated());
        assertEquals(answers, back.answers());
        assertEquals(authority, back.authorities());
        assertEquals(List.of(), back.additionals());
    }

    @Test
    void shouldKeepTheWholeAdditionalRrsetsThatFitInOrder() throws DnsFormatException {
        DnsName ns2 = DnsName.parse("ns2.example.test");
        List<ResourceRecord> glue1 = rrset(NS, 5, 0x0A000035);
        DnsMessage m = response().answers(rrset(BIG, 1, 1))
                .additionals(concat(glue1, rrset(ns2, 40, 0x0A000100))).build();

        DnsMessage back = decode(m.encode(512));

        assertFalse(back.truncated());
        assertEquals(glue1, back.additionals());
    }

    @Test
    void shouldCutTheAuthoritySectionByRrsetAndDropTheAdditional() throws DnsFormatException {
        List<ResourceRecord> answers = rrset(BIG, 2, 1);
        List<ResourceRecord> nsSet = List.of(ResourceRecord.in(BIG, 300, new RData.Ns(NS)));
        DnsMessage m = response().answers(answers)
                .authorities(concat(nsSet, rrset(OTHER, 40, 101)))
                .additionals(rrset(NS, 1, 0x0A000035)).build();

        DnsMessage back = decode(m.encode(512));

        assertTrue(back.truncated());
        assertEquals(answers, back.answers());
        assertEquals(nsSet, back.authorities());
        assertEquals(List.of(), back.additionals());
    }

    @Test
    void shouldKeepNoAnswerWhenTheFirstRrsetDoesNotFit() throws DnsFormatException {
        DnsMessage m = response().answers(rrset(BIG, 2, 1)).build();

        byte[] wire = m.encode(34 + 20);

        assertEquals(34, wire.length);
        DnsMessage back = decode(wire);
        assertTrue(back.truncated());
        assertEquals(List.of(), back.answers());
    }

    @Test
    void shouldKeepAnRrsetSplitAcrossTheSectionWholeOrNotAtAll() throws DnsFormatException {
        // big A, other TXT, big A again, then a TXT too large: the big RRset is incomplete without its third record.
        ResourceRecord huge = ResourceRecord.in(OTHER, 300, new RData.Txt(List.of("h".repeat(255), "h".repeat(255))));
        List<ResourceRecord> answers = List.of(ResourceRecord.in(BIG, 300, new RData.A(1)),
                ResourceRecord.in(OTHER, 300, new RData.Txt(List.of("small"))), huge,
                ResourceRecord.in(BIG, 300, new RData.A(2)));
        DnsMessage m = response().answers(answers).build();

        DnsMessage back = decode(m.encode(512));

        assertTrue(back.truncated());
        // Neither other's TXT set (huge belongs to it) nor big's A set (its second record is after huge) is whole.
        assertEquals(List.of(), back.answers());
    }

    @Test
    void shouldCutAReceivedMessageWhoseEncodingByUsOutgrows65535() throws DnsFormatException {
        byte[] received = CraftedMessages.expandsPastTheLimit();
        DnsMessage m = DnsMessage.decode(received, 0, received.length);
        assertEquals(201, m.answers().size());

        byte[] wire = m.encode(65535);

        // 12 + 16 411 for record 1, then 265 bytes for each owner written in full: 185 fit.
        assertEquals(12 + 16411 + 185 * 265, wire.length);
        assertEquals(18823, received.length);
        DnsMessage back = decode(wire);
        assertTrue(back.truncated());
        assertEquals(m.answers().subList(0, 186), back.answers());
    }

    @Test
    void shouldKeepTheTcBitOfAMessageAlreadyTruncated() throws DnsFormatException {
        DnsMessage m = response().truncated(true).answers(rrset(BIG, 1, 1)).build();

        DnsMessage back = decode(m.encode(512));

        assertTrue(back.truncated());
        assertEquals(m, back);
    }
}
