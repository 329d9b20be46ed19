package io.slipway.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.InternetChecksum;
import io.slipway.base.ManualClock;
import io.slipway.base.PacketBuffer;
import io.slipway.base.TimerQueue;
import io.slipway.driver.LanDriver;
import io.slipway.driver.SlipDriver;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.Hex;
import io.slipway.hal.mock.MockAdapter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One IPv4 layer as the fuzz targets drive it: two SLIP interfaces, each a {@link SlipDriver}
 * over a {@link LanDriver} over a {@link MockAdapter} on a manual clock, so that received bytes
 * take the real path (adapter, driver, link, IP). Every step checks the invariants:
 *
 * <ol>
 *   <li>nothing throws;
 *   <li>a datagram delivered to ICMP or UDP is whole (not a fragment), its header checksum is
 *       right and its payload window is exactly what the total length says;
 *   <li>an ICMP error quotes bytes inside its array, from an interface; a reassembly time
 *       exceeded quotes fragment zero's header (checksum right) and exactly 8 data bytes;
 *   <li>every packet sent fits its link and is a valid IPv4 header; it is the packet received,
 *       forwarded whole or in pieces that tile its data exactly ({@link #checkForwarded});
 *   <li>reassembly stays within its slot and byte bounds, and once the timeout has passed,
 *       holds nothing.
 * </ol>
 *
 * sl0 is 192.0.2.1/24 with an MTU of 1500; sl1 is 198.51.100.1/24 with an MTU of 576 and the
 * default gateway 198.51.100.2, so every other destination is routed and large datagrams are
 * fragmented on the way out when forwarding.
 */
final class Ipv4FuzzHarness {
    static final int SL0 = Ipv4Address.parse("192.0.2.1");
    static final int SL1 = Ipv4Address.parse("198.51.100.1");
    static final int GATEWAY = Ipv4Address.parse("198.51.100.2");
    static final int[] MTUS = {1500, 576};
    /** Small bounds, so that short inputs reach every reassembly limit. */
    static final ReassemblyConfig REASSEMBLY = new ReassemblyConfig(3, 4_000, 8, 6_000, 1_000_000_000L);

    private final ManualClock clock = new ManualClock();
    private final TimerQueue timers = new TimerQueue(64);
    private final MockAdapter[] adapters = new MockAdapter[2];
    private final LanDriver[] drivers = new LanDriver[2];
    private final Ipv4 ip;
    private final Ipv4Header quoted = new Ipv4Header();
    private int delivered;

    Ipv4FuzzHarness(boolean forwarding) {
        Ipv4Config config = new Ipv4Config(2, 8, 64, 1500, 1 << 17, REASSEMBLY);
        ip = new Ipv4(config, timers, 0x4242);
        int[] addresses = {SL0, SL1};
        for (int i = 0; i < 2; i++) {
            adapters[i] = new MockAdapter("sl" + i, Medium.IP, MTUS[i], clock);
            drivers[i] = new LanDriver(adapters[i], 4096);
            ip.addInterface(new SlipDriver(drivers[i]), new Ipv4Prefix(addresses[i], 24), Ipv4Address.ANY, null);
        }
        ip.routes().addDefaultGateway(GATEWAY);
        ip.setForwarding(forwarding);
        ip.register(IpProtocol.ICMP, this::onDatagram);
        ip.register(IpProtocol.UDP, this::onDatagram);
        ip.setIcmpErrorSender(this::onIcmpError);
    }

    /** Receives {@code packet} on interface {@code index} (0 or 1), then checks. */
    void receive(int index, byte[] packet, int off, int len) {
        adapters[index].script(packet, off, len);
        drivers[index].poll(clock.nanos(), 64);
        ip.poll(clock.nanos());
        List<byte[]> sent = check();
        if (!sent.isEmpty()) {
            checkForwarded(Arrays.copyOfRange(packet, off, off + len), sent);
        }
    }

    /**
     * What a step sends is the received packet forwarded (nothing else here sends): whole, or in
     * pieces that tile its data exactly, in order, each with the same identification, addresses
     * and protocol, the TTL one less, and More Fragments on all but the last piece unless the
     * packet had it (RFC 791 §3.2, RFC 1812 §5.2.6).
     */
    private static void checkForwarded(byte[] packet, List<byte[]> sent) {
        Ipv4Header in = new Ipv4Header().wrap(packet, 0, packet.length);
        assertNull(in.check(), "only a valid packet is forwarded");
        int headerLength = in.headerLength();
        int end = in.fragmentOffset() + in.payloadLength();
        int at = in.fragmentOffset();
        for (byte[] piece : sent) {
            Ipv4Header out = new Ipv4Header().wrap(piece, 0, piece.length);
            String what = "piece " + Hex.of(piece) + " of " + Hex.of(packet);
            assertEquals(at, out.fragmentOffset(), what);
            assertEquals(in.identification(), out.identification(), what);
            assertEquals(in.source(), out.source(), what);
            assertEquals(in.destination(), out.destination(), what);
            assertEquals(in.protocol(), out.protocol(), what);
            assertEquals(in.ttl() - 1, out.ttl(), what);
            assertEquals(in.dontFragment(), out.dontFragment(), what);
            int n = out.payloadLength();
            assertTrue((n > 0 || in.payloadLength() == 0) && at + n <= end, what);
            assertEquals(at + n < end || in.moreFragments(), out.moreFragments(), what);
            assertTrue(Arrays.equals(packet, headerLength + at - in.fragmentOffset(),
                    headerLength + at - in.fragmentOffset() + n, piece, out.headerLength(), piece.length), what);
            at += n;
        }
        assertEquals(end, at, "the pieces end where the packet did");
    }

    /** Moves time on and runs what fell due (reassembly timers), then checks. */
    void advance(long nanos) {
        clock.advance(nanos);
        timers.runDue(clock.nanos());
        ip.poll(clock.nanos());
        assertEquals(List.of(), check(), "nothing is sent as time passes");
    }

    /** Lets every reassembly time out; then nothing may be held. */
    void finish() {
        advance(REASSEMBLY.timeoutNanos());
        Reassembler r = ip.reassembler();
        assertEquals(0, r.slotsInUse(), "slots left after the timeout");
        assertEquals(0, r.bytesHeld(), "bytes left after the timeout");
        assertEquals(0, timers.size(), "timers left after the timeout");
    }

    int delivered() {
        return delivered;
    }

    Ipv4 ip() {
        return ip;
    }

    /** Checks the bounds and every packet sent since the last check; returns those packets. */
    private List<byte[]> check() {
        Reassembler r = ip.reassembler();
        assertTrue(r.bytesHeld() >= 0 && r.bytesHeld() <= REASSEMBLY.maxTotalBytes(), "bytes held " + r.bytesHeld());
        assertTrue(r.slotsInUse() <= REASSEMBLY.maxDatagrams());
        assertTrue(r.inProgress() <= r.slotsInUse());
        List<byte[]> all = new ArrayList<>();
        for (MockAdapter adapter : adapters) {
            for (byte[] sent : adapter.takeTransmitted()) {
                all.add(sent);
                assertTrue(sent.length <= adapter.mtu(), "sent " + sent.length + " bytes on " + adapter.name());
                Ipv4Header h = new Ipv4Header().wrap(sent, 0, sent.length);
                assertNull(h.check(), () -> "sent a bad packet on " + adapter.name() + ": " + Hex.of(sent));
                assertEquals(sent.length, h.totalLength(), () -> "sent with padding: " + Hex.of(sent));
            }
        }
        return all;
    }

    private void onDatagram(Ipv4Header h, PacketBuffer payload, IpInterface in, boolean broadcast, long now) {
        assertNotNull(in);
        assertFalse(h.isFragment(), "a fragment was delivered");
        assertEquals(0, InternetChecksum.of(h.data(), h.offset(), h.headerLength()), "header checksum");
        assertEquals(h.offset() + h.headerLength(), payload.offset(), "payload starts after the header");
        assertEquals(h.totalLength() - h.headerLength(), payload.length(), "payload length");
        assertTrue(h.totalLength() <= Math.max(REASSEMBLY.maxDatagramBytes(), MTUS[in.index()]), "datagram size");
        delivered++;
    }

    private void onIcmpError(int type, int code, int extra, byte[] original, int offset, int length, IpInterface in,
            boolean broadcast, long now) {
        assertNotNull(in, "an error about a received packet names its interface");
        assertTrue(offset >= 0 && length >= Ipv4Header.MIN_LENGTH && length <= original.length - offset,
                "quote " + offset + "+" + length + " of " + original.length);
        if (type == IcmpTypes.TIME_EXCEEDED && code == IcmpTypes.FRAGMENT_REASSEMBLY_TIME_EXCEEDED) {
            Ipv4Header q = quoted.wrap(original, offset, length);
            assertEquals(q.headerLength() + Reassembler.QUOTED_DATA_BYTES, length, "header and 8 data bytes");
            assertEquals(0, q.fragmentOffset(), "fragment zero");
            assertTrue(q.moreFragments(), "fragment zero of an incomplete datagram");
            assertEquals(0, InternetChecksum.of(original, offset, q.headerLength()), "quoted header as received");
        }
    }
}
