package io.slipway.socket.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.mock.Hex;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of the decoder (RFC 1035 §4.1, §4.1.4; RFC 6891 §5): each malformed message
 * of {@link CraftedMessages} is a {@link DnsFormatException} at the right offset, saying what.
 */
class MessageDecoderBadInputTest {
    private static void assertRejected(byte[] message, int offset, String says) {
        DnsFormatException e = assertThrows(DnsFormatException.class,
                () -> DnsMessage.decode(message, 0, message.length), Hex.of(message));
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
    }

    @Test
    void shouldRejectAPointerToItself() {
        assertRejected(CraftedMessages.selfPointer(), 12, "does not point before 12");
    }

    @Test
    void shouldRejectTwoPointersPointingAtEachOther() {
        assertRejected(CraftedMessages.pointersAtEachOther(), 23, "compression pointer to 25 does not point before 23");
    }

    @Test
    void shouldRejectAForwardPointer() {
        assertRejected(CraftedMessages.forwardPointer(), 12, "compression pointer to 18 does not point before 12");
    }

    @Test
    void shouldRejectAPointerOutsideTheMessage() {
        assertRejected(CraftedMessages.pointerOutsideTheMessage(), 12, "outside the message of 18 bytes");
    }

    @Test
    void shouldRejectALoopWhosePointersAllPointBackwardsOfThemselves() {
        // The pointer at 28 points before itself, but to where the labels that reached it began.
        assertRejected(CraftedMessages.loopThroughALabel(), 28, "compression pointer to 23 does not point before 23");
    }

    @Test
    void shouldRejectMoreThan128PointersInOneName() throws DnsFormatException {
        byte[] ok = CraftedMessages.pointerChain(128);
        assertEquals(DnsName.ROOT, DnsMessage.decode(ok, 0, ok.length).answers().get(1).name());

        assertRejected(CraftedMessages.pointerChain(129), 24, "more than 128 compression pointers");
    }

    @Test
    void shouldRejectCountsLargerThanTheMessageBeforeReadingAnything() {
        assertRejected(CraftedMessages.hugeCounts(), 4, "need at least 2490342 bytes, the message has 12");
        assertRejected(CraftedMessages.countBeyondTheMessage(5), 4, "AR=5 need at least 72 bytes, the message has 57");
    }

    @Test
    void shouldRejectACountOfRecordsThatAreNotThere() {
        assertRejected(CraftedMessages.countBeyondTheMessage(2), 57,
                "additional 2 owner name: name runs past the end of the message");
    }

    @Test
    void shouldRejectATruncatedHeader() {
        assertRejected(CraftedMessages.truncatedHeader(), 0, "message of 11 bytes is shorter than the 12-byte header");
        assertRejected(new byte[0], 0, "message of 0 bytes");
    }

    @Test
    void shouldRejectATruncatedQuestion() {
        assertRejected(CraftedMessages.truncatedQuestion(), 30,
                "question 1 QTYPE and QCLASS: needs 4 bytes but the message ends after 2");
        assertRejected(CraftedMessages.truncatedQuestionName(), 12,
                "label of 7 bytes runs past the end of the message");
    }

    @Test
    void shouldRejectATruncatedRecord() {
        assertRejected(CraftedMessages.truncatedRecord(), 36, "answer 1 TYPE, CLASS, TTL and RDLENGTH: needs 10 bytes");
    }

    @Test
    void shouldRejectTruncatedRdata() {
        assertRejected(CraftedMessages.truncatedRdata(), 44,
                "answer 1 RDLENGTH: 4 runs past the end of the message (2 bytes left)");
    }

    @Test
    void shouldRejectAnRdlengthPastTheEnd() {
        assertRejected(CraftedMessages.rdLengthPastTheEnd(), 44, "RDLENGTH: 255 runs past the end");
    }

    @Test
    void shouldRejectAnARecordOfOtherThanFourBytes() throws DnsFormatException {
        byte[] four = CraftedMessages.aRecordOf(4);
        assertEquals(new RData.A(0), DnsMessage.decode(four, 0, four.length).answers().get(0).data());

        assertRejected(CraftedMessages.aRecordOf(3), 23, "answer 1 RDATA: A data is 4 bytes, RDLENGTH says 3");
        assertRejected(CraftedMessages.aRecordOf(5), 23, "A data is 4 bytes, RDLENGTH says 5");
    }

    @Test
    void shouldRejectAnMxWhoseRdataDoesNotFillItsRdlength() throws DnsFormatException {
        byte[] three = CraftedMessages.mxRecordOf(3);
        assertEquals(new RData.Mx(10, DnsName.ROOT), DnsMessage.decode(three, 0, three.length).answers().get(0).data());

        assertRejected(CraftedMessages.mxRecordOf(4), 26,
                "answer 1 RDATA: MX data ends after 3 bytes but RDLENGTH says 4");
        assertRejected(CraftedMessages.mxRecordOf(2), 25, "answer 1 MX exchange: name runs past the end of the RDATA");
    }

    @Test
    void shouldRejectLabelTypeBits01And10() {
        assertRejected(CraftedMessages.labelTypeByte(0x41), 12, "label type bits 01");
        assertRejected(CraftedMessages.labelTypeByte(0x81), 12, "label type bits 10");
    }

    @Test
    void shouldRejectANameOver255BytesMadeOfALabelAndAPointer() {
        assertRejected(CraftedMessages.nameOver255ThroughAPointer(), 209,
                "answer 1 owner name: name longer than 255 bytes");
    }

    @Test
    void shouldRejectANameOver255BytesOfLabels() {
        assertRejected(CraftedMessages.nameOver255InLabels(), 12, "name longer than 255 bytes");
    }

    @Test
    void shouldRejectATxtStringOverrunningItsRdata() {
        assertRejected(CraftedMessages.txtStringOverrunningRdata(), 23,
                "answer 1 TXT string: 5 bytes overrun the RDATA (4 left)");
    }

    @Test
    void shouldRejectTxtRdataWithoutAString() {
        byte[] m = WireBytes.header(1, DnsHeader.QR, 0, 1, 0, 0).root().fixed(DnsType.TXT, 0, 0).bytes();
        assertRejected(m, 23, "answer 1 RDATA: TXT data holds at least one string");
    }

    @Test
    void shouldRejectANameInRdataRunningPastRdlength() {
        assertRejected(CraftedMessages.cnameOverrunningRdata(), 23, "label of 3 bytes runs past the end of the RDATA");
    }

    @Test
    void shouldRejectAnSoaWithItsNumbersCut() {
        byte[] m = WireBytes.header(1, DnsHeader.QR, 0, 1, 0, 0).root().fixed(DnsType.SOA, 0, 2 + 19)
                .root().root().raw(new byte[20]).bytes();
        assertRejected(m, 25, "answer 1 SOA SERIAL..MINIMUM: needs 20 bytes but RDLENGTH leaves 19");
    }

    @Test
    void shouldRejectAPointerCutOffAtTheEndOfTheRdata() {
        // An NS whose RDLENGTH of 1 ends between the two bytes of a pointer.
        byte[] m = WireBytes.header(1, DnsHeader.QR, 0, 1, 0, 0).root().fixed(DnsType.NS, 0, 1).pointer(12).bytes();
        assertRejected(m, 23, "compression pointer cut off");
    }

    @Test
    void shouldRejectOffsetsOutsideTheArrayAsTheCallersMistake() {
        byte[] m = new byte[20];
        assertThrows(IndexOutOfBoundsException.class, () -> DnsMessage.decode(m, 10, 11));
        assertThrows(IndexOutOfBoundsException.class, () -> DnsMessage.decode(m, -1, 12));
    }
}
