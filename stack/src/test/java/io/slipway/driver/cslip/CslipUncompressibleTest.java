package io.slipway.driver.cslip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * RFC 1144 §3.2.2: which packets the compressor leaves alone (TYPE_IP: sent as they are) and
 * which it sends whole as UNCOMPRESSED_TCP to set the slot again (what the deltas cannot say).
 */
class CslipUncompressibleTest {
    private final CslipCodec codec = new CslipCodec();
    private final TcpIpPacket p = new TcpIpPacket();

    private void assertSentAsIs(byte[] packet) {
        byte[] out = new byte[packet.length];
        assertEquals(-1, codec.compressor.compress(packet, 0, packet.length, out));
        codec.compressor.commit(); // sent: counted once it has gone
        assertArrayEquals(packet, codec.decompress(packet), "TYPE_IP passes the decompressor as it is");
    }

    private int typeOfNextAfterFirst() {
        codec.compress(new TcpIpPacket().bytes());
        return codec.compress(p.bytes())[0] & 0xF0;
    }

    @Test
    void shouldSendNonTcpAsTypeIp() {
        p.protocol = 17;
        assertSentAsIs(p.bytes());
    }

    @Test
    void shouldSendFragmentsAsTypeIp() {
        p.fragment = 0x2000; // more fragments
        assertSentAsIs(p.bytes());
        p.fragment = 0x0010; // a later fragment
        assertSentAsIs(p.bytes());
    }

    @Test
    void shouldSendSynFinRstAndSegmentsWithoutAckAsTypeIp() {
        for (int flags : new int[] {TcpIpPacket.SYN | TcpIpPacket.ACK, TcpIpPacket.FIN | TcpIpPacket.ACK,
            TcpIpPacket.RST | TcpIpPacket.ACK, TcpIpPacket.PSH, TcpIpPacket.SYN}) {
            p.flags = flags;
            assertSentAsIs(p.bytes());
        }
        assertEquals(5, codec.sent.get(CslipEvent.IP_OUT));
    }

    @Test
    void shouldSendIpOptionsAsTypeIp() {
        byte[] b = p.bytes();
        b[0] = 0x46; // IHL 6: a header with options is not what a slot holds
        assertSentAsIs(b);
    }

    @Test
    void shouldSendARetransmissionUncompressed() {
        byte[] segment = p.bytes();
        codec.compress(segment);
        assertEquals(0x70, codec.compress(segment)[0] & 0xF0); // nothing changed, not data after an ACK
        p.seq -= 100; // the sequence went back: a delta above 65535
        assertEquals(0x70, codec.compress(p.bytes())[0] & 0xF0);
    }

    @Test
    void shouldSendAJumpOfMoreThan65535Uncompressed() {
        p.seq += 0x10000;
        assertEquals(0x70, typeOfNextAfterFirst());
    }

    @Test
    void shouldSendAChangeOfTcpOptionsUncompressed() {
        p.options = new byte[] {1, 1, 1, 0}; // NOP NOP NOP EOL
        assertEquals(0x70, typeOfNextAfterFirst());
    }

    @Test
    void shouldSendAChangeOfTypeOfServiceOrTtlUncompressed() {
        p.seq += 10;
        p.tos = 0x10;
        assertEquals(0x70, typeOfNextAfterFirst());
    }

    @Test
    void shouldSendAnEcnFlagChangeUncompressed() {
        p.seq += 10;
        p.flags |= 0x40; // ECE, which the RFC's deltas do not carry
        assertEquals(0x70, typeOfNextAfterFirst());
    }
}
