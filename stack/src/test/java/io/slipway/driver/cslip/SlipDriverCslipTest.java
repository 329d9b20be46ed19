package io.slipway.driver.cslip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.base.PacketBuffer;
import io.slipway.driver.EtherType;
import io.slipway.driver.LanDriver;
import io.slipway.driver.MacAddress;
import io.slipway.driver.SlipDriver;
import io.slipway.hal.DropReason;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SLIP driver with header compression: packets leave compressed in the order they go on the
 * line, even when the backlog's low-delay lane reorders them; frames coming in are rebuilt; a
 * frame the adapter's framing dropped makes the decompressor toss (RFC 1144 §4.1).
 */
class SlipDriverCslipTest {
    private final MockAdapter adapter = new MockAdapter("sl0", Medium.IP, 1006, new ManualClock());
    private final LanDriver lan = new LanDriver(adapter, 16 * 1024);
    private final SlipDriver slip = new SlipDriver(lan, true);
    private final List<byte[]> delivered = new ArrayList<>();

    SlipDriverCslipTest() {
        slip.setReceiver((link, type, packet, broadcast, now) ->
                delivered.add(Arrays.copyOfRange(packet.data(), packet.offset(), packet.end())));
    }

    private boolean send(byte[] packet) {
        PacketBuffer b = PacketBuffer.standalone(packet.length, 0);
        b.append(packet, 0, packet.length);
        return slip.send(b, EtherType.IPV4, MacAddress.NONE);
    }

    @Test
    void shouldCompressWhatItSendsAndRebuildWhatItReceives() {
        TcpIpPacket p = new TcpIpPacket();
        byte[] first = p.bytes();
        byte[] second = p.next().bytes();
        send(first);
        send(second);
        List<byte[]> frames = adapter.takeTransmitted();
        assertEquals(0x75, frames.get(0)[0] & 0xFF);
        assertEquals(0x9f, frames.get(1)[0] & 0xFF);

        frames.forEach(adapter::script);
        lan.poll(0, 8);
        assertArrayEquals(first, delivered.get(0));
        assertArrayEquals(second, delivered.get(1));
        assertEquals(2, slip.headerCompressionEvents().get(CslipEvent.UNCOMPRESSED_OUT)
                + slip.headerCompressionEvents().get(CslipEvent.COMPRESSED_OUT));
    }

    @Test
    void shouldCompressInLineOrderWhenALowDelayFrameOvertakesBulkInTheBacklog() {
        TcpIpPacket bulk = new TcpIpPacket();
        TcpIpPacket keystrokes = TcpIpPacket.connection(2222);
        keystrokes.tos = 0x10; // RFC 1349 low delay: leaves the backlog first
        keystrokes.dataLength = 1;
        List<byte[]> sent = new ArrayList<>();
        adapter.setTransmitQueueFull(true);
        for (int i = 0; i < 4; i++) {
            sent.add(bulk.next().bytes());
            assertTrue(send(sent.get(sent.size() - 1)));
        }
        byte[] keystroke = keystrokes.bytes();
        send(keystroke);
        adapter.setTransmitQueueFull(false);
        lan.poll(0, 8);

        List<byte[]> frames = adapter.takeTransmitted();
        frames.forEach(adapter::script);
        lan.poll(0, 8);
        assertArrayEquals(keystroke, delivered.get(0), "the keystroke went first");
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(sent.get(i), delivered.get(i + 1));
        }
    }

    @Test
    void shouldTossAfterTheAdapterDropsAReceivedFrame() {
        CslipCodec peer = new CslipCodec();
        TcpIpPacket p = new TcpIpPacket();
        adapter.script(peer.compress(p.bytes()));
        lan.poll(0, 8);
        peer.compress(p.next().bytes()); // never arrives: the framing found a bad escape
        adapter.counters().dropped(DropReason.BAD_ESCAPE);
        adapter.script(peer.compress(p.next().bytes()));
        lan.poll(0, 8);
        assertEquals(1, delivered.size());
        assertEquals(1, slip.headerCompressionEvents().get(CslipEvent.RECEIVE_LOSS));
        assertEquals(1, slip.headerCompressionEvents().get(CslipEvent.TOSSED));

        p.seq -= 10; // the retransmission, uncompressed, resynchronises
        byte[] retransmission = p.bytes();
        adapter.script(peer.compress(retransmission));
        byte[] next = p.next().next().bytes();
        adapter.script(peer.compress(next));
        lan.poll(0, 8);
        assertArrayEquals(retransmission, delivered.get(1));
        assertArrayEquals(next, delivered.get(2));
    }

    @Test
    void shouldNotTellOfTransmitDrops() {
        adapter.counters().dropped(DropReason.TX_TOO_LONG);
        adapter.script(new TcpIpPacket().bytes());
        lan.poll(0, 8);
        assertEquals(0, slip.headerCompressionEvents().get(CslipEvent.RECEIVE_LOSS));
        assertEquals(1, delivered.size());
    }
}
