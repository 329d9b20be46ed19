package io.slipway.driver.cslip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 1144 §3.2.2's connection slots: 16, numbered 0..15, taken in turn by new connections, and
 * once all are in use the least recently used is taken over; several connections and non-TCP
 * packets interleaved on the line decompress to exactly what was sent.
 */
class CslipSlotsTest {
    private final CslipCodec codec = new CslipCodec();

    /** The slot an UNCOMPRESSED_TCP frame names. */
    private static int slotOf(byte[] frame) {
        assertEquals(0x70, frame[0] & 0xF0);
        return frame[9];
    }

    @Test
    void shouldGiveNewConnectionsSlotsZeroToFifteenInTurn() {
        for (int i = 0; i < 16; i++) {
            assertEquals(i, slotOf(codec.compress(TcpIpPacket.connection(3000 + i).bytes())));
        }
    }

    @Test
    void shouldGiveASeventeenthConnectionTheLeastRecentlyUsedSlot() {
        TcpIpPacket[] c = new TcpIpPacket[16];
        for (int i = 0; i < 16; i++) {
            c[i] = TcpIpPacket.connection(3000 + i);
            codec.compress(c[i].bytes());
        }
        codec.compress(c[0].next().bytes()); // slot 0 used again: slot 1 is now the oldest
        assertEquals(1, slotOf(codec.compress(TcpIpPacket.connection(4000).bytes())));
        assertEquals(2, slotOf(codec.compress(TcpIpPacket.connection(4001).bytes())));
        // Connection 3001 lost its slot: its next packet takes the oldest (3) and goes whole.
        assertEquals(3, slotOf(codec.compress(c[1].next().bytes())));
    }

    @Test
    void shouldDecompressInterleavedConnectionsAndNonTcpPacketsExactly() {
        TcpIpPacket[] c = new TcpIpPacket[20];
        for (int i = 0; i < c.length; i++) {
            c[i] = TcpIpPacket.connection(5000 + i);
            c[i].dataLength = 1 + i * 7;
        }
        TcpIpPacket udp = TcpIpPacket.connection(53);
        udp.protocol = 17;
        List<byte[]> sent = new ArrayList<>();
        // A round-robin over 3, then 20 connections (slots taken over), with UDP among them.
        for (int round = 0; round < 60; round++) {
            int n = round < 30 ? 3 : c.length;
            TcpIpPacket p = c[(round * 7) % n].next();
            p.window = 0x1000 + round % 3;
            sent.add(p.bytes());
            if (round % 5 == 0) {
                sent.add(udp.bytes());
            }
        }
        for (byte[] packet : sent) {
            assertArrayEquals(packet, codec.decompress(codec.compress(packet)));
        }
        assertEquals(0, codec.received.get(CslipEvent.DROP_UNKNOWN_CONNECTION) + codec.received.get(
                CslipEvent.TOSSED));
        assertEquals(codec.sent.get(CslipEvent.COMPRESSED_OUT), codec.received.get(CslipEvent.COMPRESSED_IN));
        assertTrue(codec.sent.get(CslipEvent.COMPRESSED_OUT) >= 25, codec.sent.toString());
        assertTrue(codec.sent.get(CslipEvent.UNCOMPRESSED_OUT) >= 20, codec.sent.toString());
        assertEquals(12, codec.received.get(CslipEvent.IP_IN));
    }
}
