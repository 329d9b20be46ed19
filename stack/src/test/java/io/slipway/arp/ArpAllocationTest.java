package io.slipway.arp;

import static io.slipway.arp.ArpFrames.OUR_IP;
import static io.slipway.arp.ArpFrames.OUR_MAC;
import static io.slipway.arp.ArpFrames.PEER_IP;
import static io.slipway.arp.ArpFrames.PEER_MAC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.base.Clock;
import io.slipway.base.PacketBuffer;
import io.slipway.base.TimerQueue;
import io.slipway.driver.EtherType;
import io.slipway.driver.EthernetDriver;
import io.slipway.driver.EthernetHeader;
import io.slipway.driver.LanDriver;
import io.slipway.driver.Link;
import io.slipway.driver.LinkReceiver;
import io.slipway.driver.MacAddress;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.ReplayAdapter;
import io.slipway.ip.Ipv4;
import io.slipway.testing.SteadyState;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Memory": after warm-up ARP allocates 0 bytes per packet on the stack thread, for
 * resolved sends, for answering requests, and for whole resolutions (entry taken or evicted,
 * request, packet queued in the pool, reply, queue flushed, timers scheduled and fired): a
 * steady-state round of 10 000 allocates exactly 0 bytes ({@link SteadyState}).
 */
class ArpAllocationTest {
    private static final int ITERATIONS = 10_000;

    private final ReplayAdapter adapter = new ReplayAdapter("replay0", Medium.ETHERNET, 1500);
    private final LanDriver lan = new LanDriver(adapter, 1 << 16);
    private final EthernetDriver ethernet = new EthernetDriver(lan, OUR_MAC);
    private final TimerQueue timers = new TimerQueue(256);
    private final Arp arp = new Arp(ethernet, OUR_IP, ArpConfig.DEFAULT, timers);
    private final PacketBuffer datagram = PacketBuffer.standalone(Ipv4.LINK_HEADROOM + 100, Ipv4.LINK_HEADROOM);
    private final ArpPacket writer = new ArpPacket();
    private long now;
    private int round;

    ArpAllocationTest() {
        ethernet.setReceiver(new LinkReceiver() {
            @Override
            public void onPacket(Link link, int etherType, PacketBuffer packet, boolean broadcast, long nowNanos) {
                arp.onLinkPacket(etherType, packet, broadcast, nowNanos);
            }
        });
        datagram.append(100);
        new EthernetHeader().wrap(adapter.rxFrame(), 0).write(MacAddress.BROADCAST, PEER_MAC, EtherType.ARP);
        lan.poll(now, 1); // the link-up report, before measuring
    }

    @Test
    void shouldSendToAResolvedAddressWithoutAllocating() {
        arp.send(datagram, PEER_IP, now);
        receive(ArpPacket.REPLY, PEER_MAC, PEER_IP, OUR_MAC, OUR_IP, 1);
        long before = adapter.counters().framesOut();

        SteadyState.assertAllocatesNothing("resolved sends", ITERATIONS, this::sendResolved);

        assertEquals(0, (adapter.counters().framesOut() - before) % ITERATIONS);
        assertEquals(MacAddress.format(PEER_MAC), MacAddress.format(MacAddress.read(adapter.lastTransmitted(), 0)));
        assertEquals(0, arp.events().get(ArpEvent.PROBES_OUT), "the entry stayed reachable");
    }

    @Test
    void shouldAnswerRequestsWithoutAllocating() {
        SteadyState.assertAllocatesNothing("answering requests", ITERATIONS, this::answerRequests);

        assertEquals(arp.events().get(ArpEvent.REQUESTS_IN), arp.events().get(ArpEvent.REPLIES_OUT));
        assertEquals(0, arp.events().get(ArpEvent.REQUESTS_IN) % ITERATIONS);
        assertEquals(ArpPacket.REPLY, new ArpPacket().wrap(adapter.lastTransmitted(), 14, 28).operation());
    }

    @Test
    void shouldResolveAndAgeOutWithoutAllocating() {
        SteadyState.assertAllocatesNothing("resolutions", ITERATIONS, () -> resolveMany(round++));

        assertEquals(arp.events().get(ArpEvent.PACKETS_QUEUED), arp.events().get(ArpEvent.QUEUED_SENT));
        assertEquals(0, arp.events().get(ArpEvent.QUEUED_SENT) % ITERATIONS);
        assertEquals(0, arp.size(), "every entry aged out: " + arp.events());
        assertEquals(0, arp.pool().inUse());
    }

    private void sendResolved() {
        for (int i = 0; i < ITERATIONS; i++) {
            arp.send(datagram, PEER_IP, now);
        }
    }

    private void answerRequests() {
        receive(ArpPacket.REQUEST, PEER_MAC, PEER_IP, MacAddress.NONE, OUR_IP, ITERATIONS);
    }

    /**
     * Resolves {@link #ITERATIONS} distinct addresses, so the 64-entry cache evicts all along,
     * moving time on so that entries go stale and timers fire.
     */
    private void resolveMany(int round) {
        int base = 0x0A01_0000 + round * ITERATIONS;
        for (int i = 0; i < ITERATIONS; i++) {
            int ip = base + i;
            long mac = 0x0200_0000_0000L + ip;
            arp.send(datagram, ip, now);
            receive(ArpPacket.REPLY, mac, ip, OUR_MAC, OUR_IP, 1);
            now += 10_000_000L; // 10 ms: entries go stale and expire as the cache turns over
            timers.runDue(now);
        }
        while (timers.nextDeadline() != Clock.NEVER) {
            now = timers.nextDeadline();
            timers.runDue(now);
        }
    }

    /** Writes an ARP message into the adapter's receive frame in place and polls it in {@code times}. */
    private void receive(int operation, long senderMac, int senderIp, long targetMac, int targetIp, int times) {
        writer.wrap(adapter.rxFrame(), EthernetHeader.LENGTH, ArpPacket.LENGTH)
                .write(operation, senderMac, senderIp, targetMac, targetIp);
        adapter.replay(EthernetHeader.LENGTH + ArpPacket.LENGTH, times);
        while (lan.poll(now, 64) > 0) {
            // deliver them all
        }
    }
}
