package io.slipway.arp;

import static io.slipway.arp.ArpFrames.OUR_IP;
import static io.slipway.arp.ArpFrames.OUR_MAC;
import static io.slipway.arp.ArpFrames.PEER_IP;
import static io.slipway.arp.ArpFrames.PEER_MAC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.base.ManualClock;
import io.slipway.base.PacketBuffer;
import io.slipway.base.TimerQueue;
import io.slipway.driver.EthernetDriver;
import io.slipway.driver.LanDriver;
import io.slipway.driver.MacAddress;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.Ipv4;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Config;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.ip.SendResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ARP as IP uses it: the interface's resolver, fed ARP messages by the interface. */
class ArpWithIpv4Test {
    private final ManualClock clock = new ManualClock();
    private final MockAdapter adapter = new MockAdapter("eth0", Medium.ETHERNET, 1500, clock);
    private final LanDriver lan = new LanDriver(adapter, 1 << 16);
    private final EthernetDriver ethernet = new EthernetDriver(lan, OUR_MAC);
    private final TimerQueue timers = new TimerQueue(256);
    private final Ipv4 ip = new Ipv4(Ipv4Config.DEFAULT, timers, 0x1234);
    private final Arp arp = new Arp(ethernet, OUR_IP, ArpConfig.DEFAULT, timers);

    ArpWithIpv4Test() {
        ip.addInterface(ethernet, new Ipv4Prefix(OUR_IP, 24), Ipv4Address.ANY, arp);
    }

    @Test
    void shouldAnnounceThenResolveTheNextHopOfADatagram() {
        lan.poll(0, 8); // the link comes up: the interface tells ARP
        ArpFrames.assertArp(adapter.takeNextTransmitted(), MacAddress.BROADCAST, ArpPacket.REQUEST, MacAddress.NONE,
                OUR_IP);

        PacketBuffer payload = PacketBuffer.standalone(Ipv4.HEADROOM + 8, Ipv4.HEADROOM);
        payload.append(8);
        assertEquals(SendResult.SENT, ip.send(payload, Ipv4Address.ANY, PEER_IP, 17, 0, false, 0));
        ArpFrames.assertBroadcastRequest(adapter.takeNextTransmitted(), PEER_IP);
        adapter.assertNothingTransmitted();

        adapter.script(ArpFrames.replyToUs(PEER_MAC, PEER_IP));
        lan.poll(0, 8);

        List<byte[]> out = adapter.takeTransmitted();
        assertEquals(1, out.size());
        byte[] frame = out.get(0);
        assertEquals(PEER_MAC, MacAddress.read(frame, 0));
        assertEquals(14 + 20 + 8, frame.length);
        assertEquals(0x45, frame[14] & 0xFF);
        assertEquals(0, arp.pool().inUse());
    }

    @Test
    void shouldAnswerARequestThatArrivesThroughTheInterface() {
        adapter.script(ArpFrames.request(PEER_MAC, PEER_IP, OUR_IP));
        lan.poll(0, 8);
        adapter.takeNextTransmitted(); // the announcement

        ArpFrames.assertArp(adapter.takeNextTransmitted(), PEER_MAC, ArpPacket.REPLY, PEER_MAC, PEER_IP);
    }
}
