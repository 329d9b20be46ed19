package io.slipway.driver.cslip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.hal.mock.Hex;
import org.junit.jupiter.api.Test;

/**
 * The compressor against bytes worked out by hand from RFC 1144 §3.2: the first packet of a
 * connection goes whole as UNCOMPRESSED_TCP, each next one as the type byte with its change mask,
 * the TCP checksum and the deltas U, W, A, S, I in that order.
 */
class CslipCompressorTest {
    /** 'o'..'x': the ten data bytes TcpIpPacket puts after a 40-byte header. */
    private static final String DATA = "6f 70 71 72 73 74 75 76 77 78";

    private final CslipCodec codec = new CslipCodec();
    private final TcpIpPacket p = new TcpIpPacket();

    @Test
    void shouldSendAConnectionsFirstPacketAsUncompressedTcpWithItsSlotInTheProtocolField() {
        assertEquals("75 00 00 32 00 01 40 00 40 00 26 c3 0a 00 00 01 0a 00 00 02"
                + " 04 00 00 50 00 00 10 00 00 00 20 00 50 18 10 00 ab cd 00 00 " + DATA,
                Hex.dump(codec.compress(p.bytes())));
        assertEquals(1, codec.sent.get(CslipEvent.UNCOMPRESSED_OUT));
    }

    @Test
    void shouldCompressTheNextSegmentOfABulkTransferToTheTypeByteAndTheChecksum() {
        codec.compress(p.bytes());
        p.next().tcpChecksum = 0x1234;
        // 0x80 COMPRESSED_TCP | 0x10 P | 0x0f SPECIAL_D (the sequence moved by the last data
        // length); no C: the same connection as the last packet; ID + 1: no I.
        assertEquals("9f 12 34 " + DATA, Hex.dump(codec.compress(p.bytes())));
        assertEquals(1, codec.sent.get(CslipEvent.COMPRESSED_OUT));
    }

    @Test
    void shouldSendAWindowDeltaOf256OrMoreInTheThreeByteForm() {
        codec.compress(p.bytes());
        p.next().window = 0x0F00; // -256: 0xff00 modulo 2^16
        p.flags = TcpIpPacket.ACK;
        p.tcpChecksum = 0x0102;
        // W | S = 0x0a; W: 00 ff 00; S: 0a (W and S together are not a special case).
        assertEquals("8a 01 02 00 ff 00 0a " + DATA, Hex.dump(codec.compress(p.bytes())));
    }

    @Test
    void shouldSendAnAcknowledgmentDeltaAndAnIpIdDeltaOtherThanOne() {
        p.dataLength = 0;
        p.flags = TcpIpPacket.ACK;
        codec.compress(p.bytes());
        p.ack += 0x200;
        p.id += 5;
        p.tcpChecksum = 0x0BAD;
        // I | A = 0x24; A: 00 02 00 (512); I: 05.
        assertEquals("a4 0b ad 00 02 00 05", Hex.dump(codec.compress(p.bytes())));
    }

    @Test
    void shouldSendAnUnchangedIpIdAsTheThreeByteZero() {
        p.dataLength = 0;
        p.flags = TcpIpPacket.ACK;
        codec.compress(p.bytes());
        p.ack += 1;
        p.tcpChecksum = 0x0BAD;
        // I | A; A: 01; I: 0 must not be one byte 0, which means "two bytes follow": 00 00 00.
        assertEquals("a4 0b ad 01 00 00 00", Hex.dump(codec.compress(p.bytes())));
    }

    @Test
    void shouldSendTheUrgentPointerItselfWhenUrgIsSet() {
        codec.compress(p.bytes());
        p.next().flags = TcpIpPacket.ACK | TcpIpPacket.URG;
        p.urgent = 5;
        p.tcpChecksum = 0x0102;
        // S | U = 0x09; U: 05; S: 0a.
        assertEquals("89 01 02 05 0a " + DATA, Hex.dump(codec.compress(p.bytes())));
    }

    @Test
    void shouldCompressDataAfterAPureAckWithNothingChangedToAnEmptyMask() {
        p.dataLength = 0;
        p.flags = TcpIpPacket.ACK;
        codec.compress(p.bytes());
        p.id++;
        p.dataLength = 10;
        p.flags = TcpIpPacket.ACK | TcpIpPacket.PSH;
        p.tcpChecksum = 0x0102;
        // §3.2.3 "nothing changed": data following an ACK, not a retransmission; P only.
        assertEquals("90 01 02 " + DATA, Hex.dump(codec.compress(p.bytes())));
    }

    @Test
    void shouldNameTheConnectionWhenItIsNotTheLastOneSent() {
        TcpIpPacket other = TcpIpPacket.connection(2000);
        codec.compress(p.bytes());
        codec.compress(other.bytes());
        p.next().tcpChecksum = 0x1234;
        // C | P | SPECIAL_D, then connection 0.
        assertEquals("df 00 12 34 " + DATA, Hex.dump(codec.compress(p.bytes())));
        p.next().tcpChecksum = 0x1235;
        assertEquals("9f 12 35 " + DATA, Hex.dump(codec.compress(p.bytes())));
    }
}
