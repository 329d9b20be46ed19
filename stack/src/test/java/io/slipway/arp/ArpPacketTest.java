package io.slipway.arp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slipway.base.ManualClock;
import io.slipway.base.PacketBuffer;
import io.slipway.base.TimerQueue;
import io.slipway.driver.EtherType;
import io.slipway.driver.EthernetDriver;
import io.slipway.driver.LanDriver;
import io.slipway.driver.Link;
import io.slipway.driver.LinkReceiver;
import io.slipway.driver.MacAddress;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.Hex;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.Ipv4Address;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The ARP message against fixed bytes: an exchange between two Linux 6.18 hosts on a veth pair,
 * 10.0.0.10 (02:00:00:00:00:0a) asking for 10.0.0.11 (02:00:00:00:00:0b), captured with tcpdump.
 */
class ArpPacketTest {
    /** Ethernet header (14 bytes), then the 28-byte request. */
    private static final byte[] LINUX_REQUEST = Hex.bytes(
            "ff ff ff ff ff ff 02 00 00 00 00 0a 08 06"
            + " 00 01 08 00 06 04 00 01 02 00 00 00 00 0a 0a 00 00 0a"
            + " 00 00 00 00 00 00 0a 00 00 0b");
    private static final byte[] LINUX_REPLY = Hex.bytes(
            "02 00 00 00 00 0a 02 00 00 00 00 0b 08 06"
            + " 00 01 08 00 06 04 00 02 02 00 00 00 00 0b 0a 00 00 0b"
            + " 02 00 00 00 00 0a 0a 00 00 0a");
    private static final long MAC_A = MacAddress.parse("02:00:00:00:00:0a");
    private static final long MAC_B = MacAddress.parse("02:00:00:00:00:0b");
    private static final int IP_A = Ipv4Address.parse("10.0.0.10");
    private static final int IP_B = Ipv4Address.parse("10.0.0.11");

    private final ArpPacket p = new ArpPacket();

    @Test
    void shouldParseALinuxRequest() {
        p.wrap(LINUX_REQUEST, 14, LINUX_REQUEST.length - 14);

        assertNull(p.check());
        assertEquals(1, p.hardwareType());
        assertEquals(EtherType.IPV4, p.protocolType());
        assertEquals(6, p.hardwareLength());
        assertEquals(4, p.protocolLength());
        assertEquals(ArpPacket.REQUEST, p.operation());
        assertEquals(MAC_A, p.senderMac());
        assertEquals(IP_A, p.senderIp());
        assertEquals(MacAddress.NONE, p.targetMac());
        assertEquals(IP_B, p.targetIp());
    }

    @Test
    void shouldParseALinuxReply() {
        p.wrap(LINUX_REPLY, 14, 28);

        assertNull(p.check());
        assertEquals(ArpPacket.REPLY, p.operation());
        assertEquals(MAC_B, p.senderMac());
        assertEquals(IP_B, p.senderIp());
        assertEquals(MAC_A, p.targetMac());
        assertEquals(IP_A, p.targetIp());
    }

    @Test
    void shouldEmitTheBytesLinuxSends() {
        byte[] request = new byte[ArpPacket.LENGTH];
        byte[] reply = new byte[ArpPacket.LENGTH + 3];

        p.wrap(request, 0, request.length).write(ArpPacket.REQUEST, MAC_A, IP_A, MacAddress.NONE, IP_B);
        p.wrap(reply, 3, ArpPacket.LENGTH).write(ArpPacket.REPLY, MAC_B, IP_B, MAC_A, IP_A);

        assertEquals(Hex.dump(Arrays.copyOfRange(LINUX_REQUEST, 14, 42)), Hex.dump(request));
        assertEquals(Hex.dump(Arrays.copyOfRange(LINUX_REPLY, 14, 42)), Hex.dump(Arrays.copyOfRange(reply, 3, 31)));
    }

    @Test
    void shouldRoundTripEveryField() {
        byte[] b = new byte[ArpPacket.LENGTH];
        long sha = MacAddress.parse("fe:dc:ba:98:76:54");
        int spa = Ipv4Address.parse("192.168.255.254");
        long tha = MacAddress.parse("a0:b1:c2:d3:e4:f5");
        int tpa = Ipv4Address.parse("255.0.128.1");

        p.wrap(b, 0, b.length).write(ArpPacket.REPLY, sha, spa, tha, tpa);
        ArpPacket q = new ArpPacket().wrap(b, 0, b.length);

        assertNull(q.check());
        assertEquals(sha, q.senderMac());
        assertEquals(spa, q.senderIp());
        assertEquals(tha, q.targetMac());
        assertEquals(tpa, q.targetIp());
    }

    @Test
    void shouldRefuseTruncatedMessagesAndAcceptPadding() {
        assertEquals(ArpEvent.DROP_TRUNCATED, p.wrap(LINUX_REQUEST, 14, 27).check());
        assertEquals(ArpEvent.DROP_TRUNCATED, p.wrap(new byte[0], 0, 0).check());
        byte[] padded = Arrays.copyOf(LINUX_REQUEST, 60);
        assertNull(p.wrap(padded, 14, 46).check());
    }

    @Test
    void shouldNameWhatIsWrongWithABadMessage() {
        assertEquals(ArpEvent.DROP_BAD_HARDWARE_TYPE, check(0, 0x00, 0x06));
        assertEquals(ArpEvent.DROP_BAD_PROTOCOL_TYPE, check(2, 0x86, 0xdd));
        assertEquals(ArpEvent.DROP_BAD_ADDRESS_LENGTH, check(4, 0x08, 0x04));
        assertEquals(ArpEvent.DROP_BAD_ADDRESS_LENGTH, check(4, 0x06, 0x10));
        assertEquals(ArpEvent.DROP_BAD_OPERATION, check(6, 0x00, 0x00));
        assertEquals(ArpEvent.DROP_BAD_OPERATION, check(6, 0x00, 0x03));
        assertEquals(ArpEvent.DROP_BAD_OPERATION, check(6, 0x01, 0x01));
    }

    @Test
    void shouldAnswerTheLinuxRequestWithTheBytesLinuxRepliesWith() {
        ManualClock clock = new ManualClock();
        MockAdapter adapter = new MockAdapter("veth", Medium.ETHERNET, 1500, clock);
        LanDriver lan = new LanDriver(adapter, 4096);
        EthernetDriver ethernet = new EthernetDriver(lan, MAC_B);
        Arp arp = new Arp(ethernet, IP_B, ArpConfig.DEFAULT, new TimerQueue(100));
        ethernet.setReceiver(new LinkReceiver() {
            @Override
            public void onPacket(Link link, int type, PacketBuffer packet, boolean broadcast, long now) {
                arp.onLinkPacket(type, packet, broadcast, now);
            }
            // link changes are not passed on: no announcement before the reply
        });

        adapter.script(LINUX_REQUEST);
        lan.poll(0, 8);

        assertEquals(Hex.dump(LINUX_REPLY), Hex.dump(adapter.takeNextTransmitted()));
        assertEquals("10.0.0.10 lladdr 02:00:00:00:00:0a REACHABLE", arp.entries().get(0).toString());
    }

    private ArpEvent check(int field, int b0, int b1) {
        byte[] m = Arrays.copyOfRange(LINUX_REQUEST, 14, 42);
        m[field] = (byte) b0;
        m[field + 1] = (byte) b1;
        return p.wrap(m, 0, m.length).check();
    }
}
