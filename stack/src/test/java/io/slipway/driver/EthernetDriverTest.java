package io.slipway.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.base.PacketBuffer;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.Hex;
import io.slipway.hal.mock.MockAdapter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EthernetDriverTest {
    private static final long OUR_MAC = MacAddress.parse("02:00:00:00:00:01");
    private static final long PEER_MAC = MacAddress.parse("02:00:00:00:00:02");

    private final MockAdapter adapter = new MockAdapter("eth0", Medium.ETHERNET, 100, new ManualClock());
    private final LanDriver lan = new LanDriver(adapter, 1024);
    private final EthernetDriver ethernet = new EthernetDriver(lan, OUR_MAC);
    private final List<Received> received = new ArrayList<>();

    private record Received(int etherType, byte[] packet, boolean broadcast) {
    }

    EthernetDriverTest() {
        ethernet.setReceiver((link, type, packet, broadcast, now) ->
                received.add(new Received(type, Arrays.copyOfRange(packet.data(), packet.offset(), packet.end()),
                        broadcast)));
    }

    @Test
    void shouldWriteTheEthernetHeaderInFrontOfThePacket() {
        PacketBuffer b = packet(14, "45 00 00 14");

        assertTrue(ethernet.send(b, EtherType.IPV4, PEER_MAC));

        assertEquals(Hex.dump(Hex.bytes("02 00 00 00 00 02 02 00 00 00 00 01 08 00 45 00 00 14")),
                Hex.dump(adapter.takeNextTransmitted()));
        assertEquals(1, ethernet.events().get(LinkEvent.PACKETS_OUT));
    }

    @Test
    void shouldGiveTheCallerItsWindowBackAfterSending() {
        PacketBuffer b = packet(20, "00 01 08 00");

        ethernet.send(b, EtherType.ARP, MacAddress.BROADCAST);
        ethernet.send(b, EtherType.ARP, MacAddress.BROADCAST);

        assertEquals(20, b.offset());
        assertEquals(4, b.length());
        assertArrayEquals(adapter.takeNextTransmitted(), adapter.takeNextTransmitted());
    }

    @Test
    void shouldDropAPacketWithoutHeadroomForTheHeader() {
        assertFalse(ethernet.send(packet(13, "45"), EtherType.IPV4, PEER_MAC));

        assertEquals(1, ethernet.events().get(LinkEvent.DROP_NO_HEADROOM));
        adapter.assertNothingTransmitted();
    }

    @Test
    void shouldDropAPacketLargerThanTheMtu() {
        PacketBuffer b = PacketBuffer.standalone(14 + 101, 14);
        b.append(101);

        assertFalse(ethernet.send(b, EtherType.IPV4, PEER_MAC));

        assertEquals(1, ethernet.events().get(LinkEvent.DROP_TOO_BIG));
        adapter.assertNothingTransmitted();
    }

    @Test
    void shouldDeliverIpv4AndArpUpWithTheHeaderStripped() {
        receive("02 00 00 00 00 01 02 00 00 00 00 02 08 00 45 00");
        receive("02 00 00 00 00 01 02 00 00 00 00 02 08 06 00 01");

        assertEquals(2, received.size());
        assertEquals(EtherType.IPV4, received.get(0).etherType());
        assertEquals("45 00", Hex.dump(received.get(0).packet()));
        assertEquals(EtherType.ARP, received.get(1).etherType());
        assertEquals("00 01", Hex.dump(received.get(1).packet()));
        assertFalse(received.get(0).broadcast());
        assertEquals(2, ethernet.events().get(LinkEvent.PACKETS_IN));
    }

    @Test
    void shouldCountAndDropOtherEtherTypes() {
        receive("02 00 00 00 00 01 02 00 00 00 00 02 86 dd 60 00"); // IPv6
        receive("02 00 00 00 00 01 02 00 00 00 00 02 00 2e 60 00"); // an 802.3 length field

        assertTrue(received.isEmpty());
        assertEquals(2, ethernet.events().get(LinkEvent.DROP_UNKNOWN_TYPE));
    }

    @Test
    void shouldFlagBroadcastFrames() {
        receive("ff ff ff ff ff ff 02 00 00 00 00 02 08 06 00 01");

        assertEquals(1, received.size());
        assertTrue(received.get(0).broadcast());
    }

    @Test
    void shouldDropFramesForOtherStationsAndGroupsWeHaveNotJoined() {
        receive("02 00 00 00 00 03 02 00 00 00 00 02 08 00 45 00");
        receive("01 00 5e 00 00 01 02 00 00 00 00 02 08 00 45 00");

        assertTrue(received.isEmpty());
        assertEquals(2, ethernet.events().get(LinkEvent.DROP_NOT_FOR_US));
    }

    @Test
    void shouldDropFramesFromOurOwnOrAGroupSource() {
        receive("ff ff ff ff ff ff 02 00 00 00 00 01 08 06 00 01"); // our own broadcast, looped
        receive("02 00 00 00 00 01 ff ff ff ff ff ff 08 00 45 00");
        receive("02 00 00 00 00 01 01 00 5e 00 00 01 08 00 45 00");

        assertTrue(received.isEmpty());
        assertEquals(3, ethernet.events().get(LinkEvent.DROP_BAD_SOURCE));
    }

    @Test
    void shouldDropAFrameShorterThanTheHeader() {
        receive("02 00 00 00 00 01 02 00 00 00 00 02 08");

        assertTrue(received.isEmpty());
        assertEquals(1, ethernet.events().get(LinkEvent.DROP_TRUNCATED));
    }

    @Test
    void shouldCountAFrameThatFindsNoReceiver() {
        ethernet.setReceiver(null);

        receive("02 00 00 00 00 01 02 00 00 00 00 02 08 00 45 00");

        assertEquals(1, ethernet.events().get(LinkEvent.DROP_NO_RECEIVER));
    }

    @Test
    void shouldDeliverAHeaderOnlyFrameAsAnEmptyPacket() {
        receive("02 00 00 00 00 01 02 00 00 00 00 02 08 06");

        assertEquals(1, received.size());
        assertEquals(0, received.get(0).packet().length);
    }

    @Test
    void shouldRefuseANonEthernetAdapterOrAGroupMac() {
        LanDriver slipLan = new LanDriver(new MockAdapter(), 4096);
        assertThrows(IllegalArgumentException.class, () -> new EthernetDriver(slipLan, OUR_MAC));
        assertThrows(IllegalArgumentException.class, () -> new EthernetDriver(lan, MacAddress.BROADCAST));
        assertThrows(IllegalArgumentException.class, () -> new EthernetDriver(lan, MacAddress.NONE));
    }

    @Test
    void shouldReportTheLinkAsTheNetworkLayerSeesIt() {
        assertEquals(Medium.ETHERNET, ethernet.medium());
        assertEquals(100, ethernet.mtu());
        assertEquals(EthernetHeader.LENGTH, ethernet.headerLength());
        assertEquals(OUR_MAC, ethernet.macAddress());
        assertEquals("Ethernet eth0 02:00:00:00:00:01", ethernet.toString());
    }

    private void receive(String hex) {
        adapter.script(Hex.bytes(hex));
        lan.poll(0, 8);
    }

    private static PacketBuffer packet(int headroom, String hex) {
        byte[] bytes = Hex.bytes(hex);
        PacketBuffer b = PacketBuffer.standalone(headroom + bytes.length, headroom);
        b.append(bytes, 0, bytes.length);
        return b;
    }
}
