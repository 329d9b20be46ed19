package io.slipway.socket.dns;

import io.slipway.hal.mock.Hex;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Malformed messages, one per rule the decoder enforces, shared by {@link
 * MessageDecoderBadInputTest} and the fuzz corpus ({@link DnsFuzzSeeds}). Each comment gives
 * the offset the decoder must report. Pointers to be followed are often put inside the RDATA of
 * an unknown type (99), which the decoder keeps as bytes: there a pointer can be reached by a
 * legal backward hop before the bad one.
 */
final class CraftedMessages {
    static final int UNKNOWN_TYPE = 99;

    private CraftedMessages() {
    }

    /** Record 1: root owner at 12, type 99, RDATA of {@code rdata} from offset 23. */
    private static WireBytes unknownRecordFirst(int anCount, String rdata) {
        byte[] b = Hex.bytes(rdata);
        return WireBytes.header(0x1234, DnsHeader.QR, 0, anCount, 0, 0).root().fixed(UNKNOWN_TYPE, 0, b.length).raw(b);
    }

    /** The question is a pointer to itself (offset 12). */
    static byte[] selfPointer() {
        return WireBytes.query(1, 0, 0, 0).pointer(12).typeIn(DnsType.A).bytes();
    }

    /** 23 points to 25 and 25 to 23, reached by a legal hop from 27 to 25; rejected at 23. */
    static byte[] pointersAtEachOther() {
        return unknownRecordFirst(2, "c019 c017").pointer(25).fixed(DnsType.A, 0, 4).u32(1).bytes();
    }

    /** The question at 12 points ahead to 18, where a name is; rejected at 12. */
    static byte[] forwardPointer() {
        return WireBytes.query(1, 0, 0, 0).pointer(18).typeIn(DnsType.A).name("a").bytes();
    }

    /** The question at 12 points to 0x3FFF, past the end; rejected at 12. */
    static byte[] pointerOutsideTheMessage() {
        return WireBytes.query(1, 0, 0, 0).pointer(0x3FFF).typeIn(DnsType.A).bytes();
    }

    /**
     * A loop no pointer of which points ahead of itself: the owner at 30 points to 24, which
     * points to 23; there a 4-byte label runs over the pointer at 24 to a pointer at 28 back to
     * 23. Rejected at 28, the pointer back to where its own labels began.
     */
    static byte[] loopThroughALabel() {
        return unknownRecordFirst(2, "04 c017 7879 c017").pointer(24).fixed(DnsType.A, 0, 4).u32(1).bytes();
    }

    /**
     * The owner name of record 2 is a pointer to a chain of pointers, each to the one before, ending
     * at a root label: {@code pointers} in all, 128 allowed. When too many, rejected at 24.
     */
    static byte[] pointerChain(int pointers) {
        int inRdata = pointers - 1;
        StringBuilder rdata = new StringBuilder("00");
        for (int k = 1; k <= inRdata; k++) {
            rdata.append(String.format("%04x", 0xC000 | (k == 1 ? 23 : 22 + 2 * (k - 1))));
        }
        return unknownRecordFirst(2, rdata.toString()).pointer(22 + 2 * inRdata).fixed(DnsType.A, 0, 4).u32(1)
                .bytes();
    }

    /** All four counts 65535 in a 12-byte message; rejected at 4, QDCOUNT. */
    static byte[] hugeCounts() {
        return WireBytes.header(0x1234, 0, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF).bytes();
    }

    /**
     * dig's query (57 bytes) with ARCOUNT {@code arCount} for its one OPT record: 5 cannot fit even
     * as the smallest records, rejected at 4; 2 could, and is rejected at 57, where the second
     * should start.
     */
    static byte[] countBeyondTheMessage(int arCount) {
        byte[] q = Hex.bytes(DnsCaptures.DIG_QUERY_A);
        q[11] = (byte) arCount;
        return q;
    }

    /** The first 11 bytes of dig's query; rejected at 0. */
    static byte[] truncatedHeader() {
        return Arrays.copyOf(Hex.bytes(DnsCaptures.DIG_QUERY_A), 11);
    }

    /** A question whose name ends, then two bytes of QTYPE and no QCLASS; rejected at 30. */
    static byte[] truncatedQuestion() {
        return WireBytes.query(1, 0, 0, 0).name("www.example.test").u16(DnsType.A).bytes();
    }

    /** A question whose 7-byte label has only 5 bytes; rejected at 12. */
    static byte[] truncatedQuestionName() {
        return Arrays.copyOf(WireBytes.query(1, 0, 0, 0).label("example").bytes(), 18);
    }

    /** dnsmasq's answer cut 4 bytes into its TYPE..RDLENGTH at 36; rejected at 36. */
    static byte[] truncatedRecord() {
        return Arrays.copyOf(Hex.bytes(DnsCaptures.DNSMASQ_A), 40);
    }

    /** dnsmasq's answer, its OPT uncounted, cut 2 bytes into the A's RDATA; rejected at 44, RDLENGTH. */
    static byte[] truncatedRdata() {
        byte[] b = Arrays.copyOf(Hex.bytes(DnsCaptures.DNSMASQ_A), 48);
        b[11] = 0;
        return b;
    }

    /** An A record whose RDLENGTH is 255 with 4 bytes there; rejected at 44. */
    static byte[] rdLengthPastTheEnd() {
        byte[] b = Hex.bytes(DnsCaptures.DNSMASQ_A);
        b[44] = 0;
        b[45] = (byte) 0xFF;
        return b;
    }

    /** An A record of {@code rdLength} bytes (owner root, RDATA at 23); rejected at 23 unless 4. */
    static byte[] aRecordOf(int rdLength) {
        return WireBytes.header(1, DnsHeader.QR, 0, 1, 0, 0).root().fixed(DnsType.A, 0, rdLength)
                .raw(new byte[rdLength]).bytes();
    }

    /**
     * An MX record, RDATA at 23 (preference 10, root exchange: 3 bytes, then a stray 0) under an
     * RDLENGTH of {@code rdLength}: 4 is rejected at 26, where the extra byte is; 2 at 25, where
     * the exchange would start.
     */
    static byte[] mxRecordOf(int rdLength) {
        return WireBytes.header(1, DnsHeader.QR, 0, 1, 0, 0).root().fixed(DnsType.MX, 0, rdLength)
                .u16(10).root().u8(0).bytes();
    }

    /** A question whose first length byte is {@code lengthByte} (0x41: bits 01; 0x81: bits 10); rejected at 12. */
    static byte[] labelTypeByte(int lengthByte) {
        return WireBytes.query(1, 0, 0, 0).u8(lengthByte).hex("616263 00").typeIn(DnsType.A).bytes();
    }

    /**
     * Three 63-byte labels in the question (193 bytes), then an owner of a 63-byte label and a
     * pointer to them: 257 bytes; rejected at 209.
     */
    static byte[] nameOver255ThroughAPointer() {
        return WireBytes.header(1, DnsHeader.QR, 1, 1, 0, 0)
                .label("a".repeat(63)).label("b".repeat(63)).label("c".repeat(63)).root().typeIn(DnsType.A)
                .label("d".repeat(63)).pointer(12).fixed(DnsType.A, 0, 4).u32(1).bytes();
    }

    /** Four 63-byte labels written out: 257 bytes; rejected at 12. */
    static byte[] nameOver255InLabels() {
        return WireBytes.query(1, 0, 0, 0).label("a".repeat(63)).label("b".repeat(63)).label("c".repeat(63))
                .label("d".repeat(63)).root().typeIn(DnsType.A).bytes();
    }

    /** A TXT string of 5 bytes in 5 bytes of RDATA (at 23), 4 after its length byte; rejected at 23. */
    static byte[] txtStringOverrunningRdata() {
        return WireBytes.header(1, DnsHeader.QR, 0, 1, 0, 0).root().fixed(DnsType.TXT, 0, 5).hex("05 61626364")
                .hex("65 0000").bytes();
    }

    /** A CNAME whose name (5 bytes) is longer than its RDLENGTH of 3; rejected at 23. */
    static byte[] cnameOverrunningRdata() {
        return WireBytes.header(1, DnsHeader.QR, 0, 1, 0, 0).root().fixed(DnsType.CNAME, 0, 3).name("www").bytes();
    }

    /**
     * Well-formed, 18 823 bytes, but more than 65535 once we encode it: record 1 holds a 255-byte
     * name at offset 23 inside 16 400 bytes of type-99 data, and 200 records of types 100..299
     * have owners pointing at it. We cannot point into unknown data, so we write the name out in
     * the first owner, past offset 0x3FFF where no pointer reaches, and so again in every owner.
     */
    static byte[] expandsPastTheLimit() {
        WireBytes blob = new WireBytes().label("a".repeat(63)).label("b".repeat(63)).label("c".repeat(63))
                .label("d".repeat(61)).root();
        byte[] rdata = Arrays.copyOf(blob.bytes(), 16400);
        WireBytes w = WireBytes.header(1, DnsHeader.QR, 0, 201, 0, 0).root().fixed(UNKNOWN_TYPE, 0, rdata.length)
                .raw(rdata);
        for (int i = 0; i < 200; i++) {
            w.pointer(23).fixed(100 + i, 0, 0);
        }
        return w.bytes();
    }

    /** Every message above, by a file name for the fuzz corpus. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("self-pointer", selfPointer());
        m.put("pointers-at-each-other", pointersAtEachOther());
        m.put("forward-pointer", forwardPointer());
        m.put("pointer-outside", pointerOutsideTheMessage());
        m.put("loop-through-a-label", loopThroughALabel());
        m.put("pointer-chain-128", pointerChain(128));
        m.put("pointer-chain-129", pointerChain(129));
        m.put("huge-counts", hugeCounts());
        m.put("arcount-5", countBeyondTheMessage(5));
        m.put("arcount-2", countBeyondTheMessage(2));
        m.put("truncated-header", truncatedHeader());
        m.put("truncated-question", truncatedQuestion());
        m.put("truncated-question-name", truncatedQuestionName());
        m.put("truncated-record", truncatedRecord());
        m.put("truncated-rdata", truncatedRdata());
        m.put("rdlength-past-end", rdLengthPastTheEnd());
        m.put("a-rdlength-3", aRecordOf(3));
        m.put("a-rdlength-5", aRecordOf(5));
        m.put("mx-rdlength-4", mxRecordOf(4));
        m.put("mx-rdlength-2", mxRecordOf(2));
        m.put("label-type-01", labelTypeByte(0x41));
        m.put("label-type-10", labelTypeByte(0x81));
        m.put("name-over-255-pointer", nameOver255ThroughAPointer());
        m.put("name-over-255-labels", nameOver255InLabels());
        m.put("txt-overrun", txtStringOverrunningRdata());
        m.put("cname-overrun", cnameOverrunningRdata());
        m.put("expands-past-65535", expandsPastTheLimit());
        return m;
    }
}
