package io.slipway.arp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.base.Bytes;
import io.slipway.driver.EtherType;
import io.slipway.driver.EthernetHeader;
import io.slipway.driver.MacAddress;
import io.slipway.hal.mock.Hex;
import io.slipway.ip.Ipv4Address;

/** Builds Ethernet frames carrying ARP or test datagrams, and checks the ones ARP sends. */
final class ArpFrames {
    static final long OUR_MAC = MacAddress.parse("02:00:00:00:00:01");
    static final int OUR_IP = Ipv4Address.parse("10.0.0.1");
    static final long PEER_MAC = MacAddress.parse("02:00:00:00:00:02");
    static final int PEER_IP = Ipv4Address.parse("10.0.0.2");
    static final long OTHER_MAC = MacAddress.parse("02:00:00:00:00:03");
    static final int OTHER_IP = Ipv4Address.parse("10.0.0.3");

    private ArpFrames() {
    }

    /** An Ethernet frame holding an ARP message with the given fields. */
    static byte[] arp(long destination, long source, int operation, long senderMac, int senderIp, long targetMac,
            int targetIp) {
        byte[] f = new byte[EthernetHeader.LENGTH + ArpPacket.LENGTH];
        new EthernetHeader().wrap(f, 0).write(destination, source, EtherType.ARP);
        new ArpPacket().wrap(f, EthernetHeader.LENGTH, ArpPacket.LENGTH)
                .write(operation, senderMac, senderIp, targetMac, targetIp);
        return f;
    }

    /** A broadcast request from {@code senderMac}/{@code senderIp}: who has {@code targetIp}? */
    static byte[] request(long senderMac, int senderIp, int targetIp) {
        return arp(MacAddress.BROADCAST, senderMac, ArpPacket.REQUEST, senderMac, senderIp, MacAddress.NONE,
                targetIp);
    }

    /** A reply from {@code senderMac}/{@code senderIp} to us. */
    static byte[] replyToUs(long senderMac, int senderIp) {
        return arp(OUR_MAC, senderMac, ArpPacket.REPLY, senderMac, senderIp, OUR_MAC, OUR_IP);
    }

    /** Asserts {@code frame} is an ARP message from us with exactly these fields. */
    static void assertArp(byte[] frame, long destination, int operation, long targetMac, int targetIp) {
        byte[] expected = arp(destination, OUR_MAC, operation, OUR_MAC, OUR_IP, targetMac, targetIp);
        assertEquals(Hex.dump(expected), Hex.dump(frame), "ARP frame");
    }

    /** Asserts {@code frame} is the broadcast request for {@code targetIp} that resolution sends. */
    static void assertBroadcastRequest(byte[] frame, int targetIp) {
        assertArp(frame, MacAddress.BROADCAST, ArpPacket.REQUEST, MacAddress.NONE, targetIp);
    }

    /** Asserts {@code frame} is a unicast request to {@code mac} re-verifying {@code targetIp}. */
    static void assertUnicastRequest(byte[] frame, long mac, int targetIp) {
        assertArp(frame, mac, ArpPacket.REQUEST, MacAddress.NONE, targetIp);
    }

    /** Asserts {@code frame} is the test datagram {@code tag} sent to {@code destination}. */
    static void assertIpv4(byte[] frame, long destination, int tag) {
        assertEquals(MacAddress.format(destination), MacAddress.format(MacAddress.read(frame, 0)), "destination");
        assertEquals(MacAddress.format(OUR_MAC), MacAddress.format(MacAddress.read(frame, 6)), "source");
        assertEquals(EtherType.IPV4, Bytes.u16(frame, 12), "EtherType");
        assertEquals(tag, frame[EthernetHeader.LENGTH] & 0xFF, "datagram tag: " + Hex.of(frame));
    }
}
