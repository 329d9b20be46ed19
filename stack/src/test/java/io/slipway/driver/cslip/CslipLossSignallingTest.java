package io.slipway.driver.cslip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.base.PacketBuffer;
import io.slipway.driver.DriverEvent;
import io.slipway.driver.EtherType;
import io.slipway.driver.LanDriver;
import io.slipway.driver.MacAddress;
import io.slipway.driver.SlipDriver;
import io.slipway.hal.DropReason;
import io.slipway.hal.ForwardingAdapter;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.Hex;
import io.slipway.hal.mock.MockAdapter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CSLIP in the SLIP/LAN driver, where the line's order of events must be kept both ways.
 *
 * <p>RFC 1144 §4.1 (and the appendix's sl_uncompress_tcp with TYPE_ERROR): the framer tells the
 * decompressor of an error at the error's place in the frame stream; from there on COMPRESSED_TCP
 * packets without C are tossed until one carries C or an UNCOMPRESSED_TCP arrives. The adapters
 * count a receive loss when their reader finds it (SerialAdapter's reader thread, the loopback
 * cable at arrival: RX_QUEUE_FULL, BAD_ESCAPE), while frames received before it still wait in the
 * receive queue: the toss must start after those, not before. Sending, the compressor's state may
 * move on only with frames that go on the line.
 */
class CslipLossSignallingTest {
    private final MockAdapter adapter = new MockAdapter("sl0", Medium.IP, 1006, new ManualClock());
    private final LanDriver lan = new LanDriver(adapter, 16 * 1024);
    private final SlipDriver slip = new SlipDriver(lan, true);
    private final List<byte[]> delivered = new ArrayList<>();

    CslipLossSignallingTest() {
        slip.setReceiver((link, type, packet, broadcast, now) ->
                delivered.add(Arrays.copyOfRange(packet.data(), packet.offset(), packet.end())));
    }

    /**
     * Frames that arrived intact before the loss are good: the RFC's decompressor has already
     * rebuilt them when the framer reports the error. Here the receive queue held F1 and F2 when
     * F3 found it full (RX_QUEUE_FULL); tossing F1 and F2 too would make one loss at the tail of a
     * full queue cost the whole queue.
     */
    @Test
    void shouldDeliverFramesThatArrivedBeforeTheLoss() {
        CslipCodec peer = new CslipCodec();
        TcpIpPacket p = new TcpIpPacket();
        adapter.script(peer.compress(p.bytes()));
        lan.poll(0, 8);
        byte[] f1 = p.next().bytes();
        adapter.script(peer.compress(f1));
        byte[] f2 = p.next().bytes();
        adapter.script(peer.compress(f2));
        peer.compress(p.next().bytes()); // F3: the receive queue was full
        adapter.counters().dropped(DropReason.RX_QUEUE_FULL);
        adapter.script(peer.compress(p.next().bytes())); // F4: implicit, rightly tossed
        lan.poll(0, 8);
        assertEquals(3, delivered.size(), "F1 and F2 arrived before the loss; events "
                + slip.headerCompressionEvents());
        assertArrayEquals(f1, delivered.get(1));
        assertArrayEquals(f2, delivered.get(2));
    }

    /**
     * Worse: a frame queued ahead of the loss that names its connection (UNCOMPRESSED_TCP, or C)
     * would clear a toss raised too early, and the implicit frame after the loss would be rebuilt
     * from the wrong state (SPECIAL_D off by the lost segment: sequence -10, IP ID -1) and handed
     * to IP as a header that was never sent. §4.1's toss exists to prevent exactly this.
     */
    @Test
    void shouldNeverHandUpAHeaderRebuiltPastALostFrame() {
        CslipCodec peer = new CslipCodec();
        TcpIpPacket p = new TcpIpPacket();
        byte[] first = p.bytes();
        adapter.script(peer.compress(first)); // UNCOMPRESSED_TCP, slot 0, still queued
        peer.compress(p.next().bytes()); // lost: the reader found a bad escape
        adapter.counters().dropped(DropReason.BAD_ESCAPE);
        byte[] third = p.next().bytes();
        adapter.script(peer.compress(third)); // COMPRESSED_TCP, no C: must be tossed
        lan.poll(0, 8);
        assertArrayEquals(first, delivered.get(0));
        for (int i = 1; i < delivered.size(); i++) {
            assertArrayEquals(third, delivered.get(i), "handed up a header never sent: "
                    + Hex.dump(Arrays.copyOf(delivered.get(i), 40)));
        }
    }

    /**
     * RFC 1144's reference (4.3BSD sloutput/slstart) and Linux (sl_xmit before sl_encaps) compress
     * only packets that go to the line: one dropped because the line is down never touches the
     * compressor state. The adapter takes such a frame and drops it (LINK_DOWN); had the state
     * moved, the next packet would be a delta from a header the peer never received, rebuilt
     * wrong there (sequence -10) with nothing to tell it to toss.
     */
    @Test
    void shouldNotAdvanceTheCompressorForAFrameDroppedWhileTheLinkIsDown() {
        CslipCodec peer = new CslipCodec();
        TcpIpPacket p = new TcpIpPacket();
        byte[] a = p.bytes();
        send(a);
        adapter.setLinkUp(false);
        send(p.next().bytes()); // accepted by the adapter and dropped: LINK_DOWN
        adapter.setLinkUp(true);
        byte[] c = p.next().bytes();
        send(c);
        List<byte[]> frames = adapter.takeTransmitted();
        assertEquals(2, frames.size());
        assertArrayEquals(a, peer.decompress(frames.get(0)));
        byte[] got = peer.decompress(frames.get(1));
        assertTrue(got == null || Arrays.equals(c, got), "the peer rebuilt "
                + (got == null ? "" : Hex.dump(Arrays.copyOf(got, 40))) + " for " + Hex.dump(Arrays.copyOf(c, 40)));
    }

    /**
     * The same for a frame the adapter refuses after promising room (canTransmit): the backlog
     * flush loses it, and the next packet must still be a delta from one the peer has.
     */
    @Test
    void shouldNotAdvanceTheCompressorForAFrameTheAdapterRefused() {
        MockAdapter inner = new MockAdapter("sl1", Medium.IP, 1006, new ManualClock());
        LanDriver lying = new LanDriver(new ForwardingAdapter(inner) {
            @Override
            public boolean canTransmit() {
                return true; // breaks the promise the flush relies on
            }
        }, 16 * 1024);
        SlipDriver line = new SlipDriver(lying, true);
        CslipCodec peer = new CslipCodec();
        TcpIpPacket p = new TcpIpPacket();
        byte[] a = p.bytes();
        send(line, a);
        inner.setTransmitQueueFull(true);
        send(line, p.next().bytes()); // refused, so kept in the backlog
        lying.poll(0, 8); // refused again by the flush: lost
        assertEquals(1, lying.events().get(DriverEvent.BACKLOG_FULL));
        inner.setTransmitQueueFull(false);
        byte[] c = p.next().bytes();
        send(line, c);
        List<byte[]> frames = inner.takeTransmitted();
        assertEquals(2, frames.size());
        assertArrayEquals(a, peer.decompress(frames.get(0)));
        byte[] got = peer.decompress(frames.get(1));
        assertTrue(got == null || Arrays.equals(c, got), "the peer rebuilt "
                + (got == null ? "" : Hex.dump(Arrays.copyOf(got, 40))) + " for " + Hex.dump(Arrays.copyOf(c, 40)));
        assertEquals(2, line.headerCompressionEvents().get(CslipEvent.UNCOMPRESSED_OUT)
                + line.headerCompressionEvents().get(CslipEvent.COMPRESSED_OUT), "only frames sent count");
    }

    private void send(byte[] packet) {
        send(slip, packet);
    }

    private static void send(SlipDriver slip, byte[] packet) {
        PacketBuffer b = PacketBuffer.standalone(packet.length, 0);
        b.append(packet, 0, packet.length);
        slip.send(b, EtherType.IPV4, MacAddress.NONE);
    }
}
