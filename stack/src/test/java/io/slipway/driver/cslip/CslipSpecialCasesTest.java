package io.slipway.driver.cslip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.hal.mock.Hex;
import org.junit.jupiter.api.Test;

/**
 * RFC 1144 §3.2.3's two special cases, each way: SPECIAL_I for echoed interactive traffic and
 * SPECIAL_D for unidirectional data, with no deltas at all; and real changes that happen to
 * spell a special case's mask, which must go uncompressed.
 */
class CslipSpecialCasesTest {
    private final CslipCodec codec = new CslipCodec();
    private final TcpIpPacket p = new TcpIpPacket();

    @Test
    void shouldSendAnEchoedKeystrokeAsSpecialIAndRebuildItExactly() {
        p.dataLength = 1;
        byte[] first = p.bytes();
        codec.decompress(codec.compress(first));
        p.seq += 1; // the echo of one byte: both move by the last data length
        p.ack += 1;
        p.id++;
        p.tcpChecksum = 0x4242;
        byte[] echo = p.bytes();
        byte[] frame = codec.compress(echo);
        // 0x80 | P 0x10 | SPECIAL_I 0x0b, the checksum, the one data byte ('o').
        assertEquals("9b 42 42 6f", Hex.dump(frame));
        assertArrayEquals(echo, codec.decompress(frame));
    }

    @Test
    void shouldSendUnidirectionalDataAsSpecialDAndRebuildItExactly() {
        codec.decompress(codec.compress(p.bytes()));
        p.next().flags = TcpIpPacket.ACK;
        byte[] data = p.bytes();
        byte[] frame = codec.compress(data);
        assertEquals(0x8f, frame[0] & 0xFF); // SPECIAL_D without P
        assertEquals(3 + 10, frame.length);
        assertArrayEquals(data, codec.decompress(frame));
    }

    @Test
    void shouldSendRealChangesThatSpellSpecialIUncompressed() {
        codec.compress(p.bytes());
        // S, W and U really changed: the mask S|W|U would read as SPECIAL_I.
        p.next().window = 0x2000;
        p.flags = TcpIpPacket.ACK | TcpIpPacket.URG;
        p.urgent = 1;
        byte[] frame = codec.compress(p.bytes());
        assertEquals(0x75, frame[0] & 0xFF);
        assertEquals(2, codec.sent.get(CslipEvent.UNCOMPRESSED_OUT));
    }

    @Test
    void shouldSendRealChangesThatSpellSpecialDUncompressed() {
        codec.compress(p.bytes());
        p.next().window = 0x2000;
        p.ack += 7;
        p.flags = TcpIpPacket.ACK | TcpIpPacket.URG;
        p.urgent = 1;
        assertEquals(0x75, codec.compress(p.bytes())[0] & 0xFF);
    }

    @Test
    void shouldNotUseSpecialDWhenTheSequenceMovedByOtherThanTheLastDataLength() {
        codec.decompress(codec.compress(p.bytes()));
        p.seq += 7; // not 10: an ordinary S delta
        p.id++;
        byte[] data = p.bytes();
        byte[] frame = codec.compress(data);
        assertEquals("98 ab cd 07", Hex.dump(java.util.Arrays.copyOf(frame, 4)));
        assertArrayEquals(data, codec.decompress(frame));
    }
}
