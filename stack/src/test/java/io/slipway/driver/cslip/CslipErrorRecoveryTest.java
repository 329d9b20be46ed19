package io.slipway.driver.cslip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * RFC 1144 §4.1: after a lost frame the decompressor tosses COMPRESSED_TCP packets until one
 * carries an explicit connection number or an UNCOMPRESSED_TCP packet arrives; then it rebuilds
 * exactly again.
 */
class CslipErrorRecoveryTest {
    private final CslipCodec codec = new CslipCodec();
    private final TcpIpPacket p = new TcpIpPacket();

    @Test
    void shouldTossCompressedPacketsAfterALossUntilARetransmissionResynchronises() {
        codec.decompress(codec.compress(p.bytes()));
        codec.decompress(codec.compress(p.next().bytes()));
        codec.compress(p.next().bytes()); // lost on the line; the framing saw a bad frame
        codec.decompressor.frameLost();
        byte[] after = codec.compress(p.next().bytes());
        assertEquals(0, after[0] & 0x40, "the same connection: no connection number");
        assertNull(codec.decompress(after), "rebuilt from a state one packet behind it would be wrong");
        assertNull(codec.decompress(codec.compress(p.next().bytes())));
        assertEquals(2, codec.received.get(CslipEvent.TOSSED));

        // TCP retransmits the lost segment: its sequence goes back, so it goes whole.
        p.seq -= 30;
        byte[] retransmission = p.bytes();
        byte[] frame = codec.compress(retransmission);
        assertEquals(0x75, frame[0] & 0xFF);
        assertArrayEquals(retransmission, codec.decompress(frame));
        assertTrue(!codec.decompressor.isTossing());
        byte[] next = p.next().bytes();
        assertArrayEquals(next, codec.decompress(codec.compress(next)));
    }

    @Test
    void shouldEndTheTossAtAPacketThatNamesItsConnection() {
        TcpIpPacket other = TcpIpPacket.connection(2000);
        codec.decompress(codec.compress(p.bytes()));
        codec.decompress(codec.compress(other.bytes()));
        codec.decompressor.frameLost();
        byte[] named = p.next().bytes(); // connection 0 again after 1: it carries C
        byte[] frame = codec.compress(named);
        assertEquals(0x40, frame[0] & 0x40);
        assertArrayEquals(named, codec.decompress(frame));
        assertEquals(0, codec.received.get(CslipEvent.TOSSED));
    }

    @Test
    void shouldPassTypeIpPacketsWhileTossing() {
        codec.decompressor.frameLost();
        p.protocol = 17;
        byte[] udp = p.bytes();
        assertArrayEquals(udp, codec.decompress(udp));
        assertTrue(codec.decompressor.isTossing());
    }

    @Test
    void shouldTossAfterABadPacketToo() {
        codec.decompress(codec.compress(p.bytes()));
        byte[] truncated = {(byte) 0x9f, 0x12};
        assertNull(codec.decompress(truncated));
        assertNull(codec.decompress(codec.compress(p.next().bytes())));
        assertEquals(1, codec.received.get(CslipEvent.TOSSED));
    }
}
