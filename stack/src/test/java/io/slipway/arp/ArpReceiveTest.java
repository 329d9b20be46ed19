package io.slipway.arp;

import static io.slipway.arp.ArpFrames.OTHER_IP;
import static io.slipway.arp.ArpFrames.OTHER_MAC;
import static io.slipway.arp.ArpFrames.OUR_IP;
import static io.slipway.arp.ArpFrames.OUR_MAC;
import static io.slipway.arp.ArpFrames.PEER_IP;
import static io.slipway.arp.ArpFrames.PEER_MAC;
import static io.slipway.arp.ArpFrames.assertIpv4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slipway.base.PacketBuffer;
import io.slipway.driver.EtherType;
import io.slipway.driver.MacAddress;
import io.slipway.hal.mock.Hex;
import io.slipway.ip.Ipv4Address;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 826 "Packet Reception": answering, the merge rule, and what is ignored. */
class ArpReceiveTest {
    private final ArpHarness h = new ArpHarness();

    @Test
    void shouldAnswerARequestForOurAddressWithAUnicastReply() {
        h.receive(ArpFrames.request(PEER_MAC, PEER_IP, OUR_IP));

        // Ethernet to the requester; sender us; target the requester.
        assertEquals(Hex.dump(Hex.bytes(
                "02 00 00 00 00 02  02 00 00 00 00 01  08 06"
                + " 00 01 08 00 06 04 00 02"
                + " 02 00 00 00 00 01  0a 00 00 01"
                + " 02 00 00 00 00 02  0a 00 00 02")), Hex.dump(h.adapter.takeNextTransmitted()));
        h.adapter.assertNothingTransmitted();
        assertEquals(1, h.count(ArpEvent.REQUESTS_IN));
        assertEquals(1, h.count(ArpEvent.REPLIES_OUT));
    }

    @Test
    void shouldNotAnswerRequestsForOtherAddresses() {
        h.receive(ArpFrames.request(PEER_MAC, PEER_IP, OTHER_IP));

        h.adapter.assertNothingTransmitted();
        assertEquals(1, h.count(ArpEvent.REQUESTS_IN));
        assertEquals(0, h.count(ArpEvent.REPLIES_OUT));
    }

    @Test
    void shouldLearnTheSenderOfARequestForUs() {
        h.receive(ArpFrames.request(PEER_MAC, PEER_IP, OUR_IP));
        h.adapter.takeNextTransmitted();

        assertEquals("10.0.0.2 lladdr 02:00:00:00:00:02 REACHABLE", h.neighbour(PEER_IP));
        h.send(PEER_IP, 1);
        assertIpv4(h.adapter.takeNextTransmitted(), PEER_MAC, 1);
        h.adapter.assertNothingTransmitted(); // no request needed
        assertEquals(1, h.count(ArpEvent.LEARNED));
    }

    @Test
    void shouldNotLearnTheSenderOfARequestForSomeoneElse() {
        h.receive(ArpFrames.request(PEER_MAC, PEER_IP, OTHER_IP));

        assertNull(h.neighbour(PEER_IP));
        assertEquals(0, h.arp.size());
    }

    @Test
    void shouldUpdateTheMacOfACachedSenderEvenWhenWeAreNotTheTarget() {
        h.resolve(PEER_IP, PEER_MAC);
        long newMac = MacAddress.parse("02:00:00:00:00:22");

        // The peer (new NIC) asks for someone else: RFC 826 merges before looking at the target.
        h.receive(ArpFrames.request(newMac, PEER_IP, OTHER_IP));

        assertEquals("10.0.0.2 lladdr 02:00:00:00:00:22 REACHABLE", h.neighbour(PEER_IP));
        assertEquals(1, h.count(ArpEvent.MAC_CHANGED));
        h.adapter.assertNothingTransmitted();
        h.send(PEER_IP, 1);
        assertIpv4(h.adapter.takeNextTransmitted(), newMac, 1);
    }

    @Test
    void shouldUpdateACachedSenderFromAGratuitousRequest() {
        h.resolve(PEER_IP, PEER_MAC);
        long newMac = MacAddress.parse("02:00:00:00:00:22");

        h.receive(ArpFrames.request(newMac, PEER_IP, PEER_IP));

        assertEquals("10.0.0.2 lladdr 02:00:00:00:00:22 REACHABLE", h.neighbour(PEER_IP));
        h.adapter.assertNothingTransmitted();
    }

    @Test
    void shouldIgnoreAReplyWeDidNotAskFor() {
        h.receive(ArpFrames.replyToUs(OTHER_MAC, OTHER_IP));

        assertNull(h.neighbour(OTHER_IP), "no entry for an unsolicited reply");
        assertEquals(1, h.count(ArpEvent.UNSOLICITED_REPLY));
        h.adapter.assertNothingTransmitted();
    }

    @Test
    void shouldTakeAReplyFromAKnownNeighbourAsAnUpdate() {
        h.resolve(PEER_IP, PEER_MAC);
        long newMac = MacAddress.parse("02:00:00:00:00:22");

        h.receive(ArpFrames.replyToUs(newMac, PEER_IP));

        assertEquals("10.0.0.2 lladdr 02:00:00:00:00:22 REACHABLE", h.neighbour(PEER_IP));
        assertEquals(0, h.count(ArpEvent.UNSOLICITED_REPLY));
    }

    @Test
    void shouldIgnoreAndCountAMessageClaimingOurAddress() {
        h.receive(ArpFrames.request(PEER_MAC, OUR_IP, OUR_IP));
        h.receive(ArpFrames.replyToUs(PEER_MAC, OUR_IP));

        assertEquals(2, h.count(ArpEvent.ADDRESS_CONFLICT));
        h.adapter.assertNothingTransmitted();
        assertEquals(0, h.arp.size());
    }

    @Test
    void shouldDropAMessageWhoseSenderMacIsAGroupOrZeroAddress() {
        h.resolve(PEER_IP, PEER_MAC);

        // The Ethernet source is fine; the ARP sender field is what would poison the cache.
        h.receive(ArpFrames.arp(MacAddress.BROADCAST, PEER_MAC, ArpPacket.REQUEST, MacAddress.BROADCAST, PEER_IP,
                0, OUR_IP));
        h.receive(ArpFrames.arp(MacAddress.BROADCAST, PEER_MAC, ArpPacket.REQUEST,
                MacAddress.parse("01:00:5e:00:00:01"), PEER_IP, 0, OUR_IP));
        h.receive(ArpFrames.arp(MacAddress.BROADCAST, PEER_MAC, ArpPacket.REQUEST, MacAddress.NONE, PEER_IP, 0,
                OUR_IP));

        assertEquals(3, h.count(ArpEvent.DROP_BAD_SENDER_MAC));
        assertEquals("10.0.0.2 lladdr 02:00:00:00:00:02 REACHABLE", h.neighbour(PEER_IP));
        h.adapter.assertNothingTransmitted();
    }

    @Test
    void shouldDropAMessageWhoseSenderIpNoNeighbourCanHave() {
        for (String ip : new String[] {"224.0.0.1", "127.0.0.1", "255.255.255.255", "240.0.0.1"}) {
            h.receive(ArpFrames.request(PEER_MAC, Ipv4Address.parse(ip), OUR_IP));
        }
        h.receive(ArpFrames.replyToUs(PEER_MAC, Ipv4Address.ANY));

        assertEquals(5, h.count(ArpEvent.DROP_BAD_SENDER_IP));
        h.adapter.assertNothingTransmitted();
        assertEquals(0, h.arp.size());
    }

    @Test
    void shouldAnswerAnArpProbeWithoutLearningFromIt() {
        // RFC 5227 §2.1.1: a probe asks with sender IP 0.0.0.0 whether anyone holds the address.
        h.receive(ArpFrames.request(PEER_MAC, Ipv4Address.ANY, OUR_IP));

        ArpFrames.assertArp(h.adapter.takeNextTransmitted(), PEER_MAC, ArpPacket.REPLY, PEER_MAC, Ipv4Address.ANY);
        assertEquals(0, h.arp.size());
    }

    @Test
    void shouldAcceptAMessagePaddedToTheEthernetMinimum() {
        byte[] padded = Arrays.copyOf(ArpFrames.request(PEER_MAC, PEER_IP, OUR_IP), 60);

        h.receive(padded);

        ArpFrames.assertArp(h.adapter.takeNextTransmitted(), PEER_MAC, ArpPacket.REPLY, PEER_MAC, PEER_IP);
    }

    @Test
    void shouldDropAndCountMalformedMessages() {
        byte[] good = ArpFrames.request(PEER_MAC, PEER_IP, OUR_IP);
        h.receive(Arrays.copyOf(good, good.length - 1));
        h.receive(with(good, 14, 0x00, 0x06)); // hardware type: IEEE 802 (6), not Ethernet
        h.receive(with(good, 16, 0x86, 0xdd)); // protocol type: IPv6
        h.receive(with(good, 18, 0x06, 0x10)); // protocol length 16
        h.receive(with(good, 20, 0x00, 0x03)); // RARP request

        assertEquals(1, h.count(ArpEvent.DROP_TRUNCATED));
        assertEquals(1, h.count(ArpEvent.DROP_BAD_HARDWARE_TYPE));
        assertEquals(1, h.count(ArpEvent.DROP_BAD_PROTOCOL_TYPE));
        assertEquals(1, h.count(ArpEvent.DROP_BAD_ADDRESS_LENGTH));
        assertEquals(1, h.count(ArpEvent.DROP_BAD_OPERATION));
        assertEquals(0, h.count(ArpEvent.REQUESTS_IN));
        h.adapter.assertNothingTransmitted();
    }

    @Test
    void shouldCountAnythingButArpHandedToIt() {
        PacketBuffer b = PacketBuffer.standalone(64, 0);
        b.append(28);
        h.arp.onLinkPacket(EtherType.IPV4, b, false, 0);

        assertEquals(1, h.count(ArpEvent.DROP_NOT_ARP));
    }

    @Test
    void shouldConfirmAnEntryWhenTheNeighbourSpeaksAgain() {
        h.resolve(PEER_IP, PEER_MAC);
        h.advance(20 * ArpHarness.SECOND);

        h.receive(ArpFrames.request(PEER_MAC, PEER_IP, OTHER_IP));
        h.advance(20 * ArpHarness.SECOND);

        assertEquals(NeighbourState.REACHABLE, h.state(PEER_IP), "confirmed 20 s ago, reachable for 30 s");
    }

    private static byte[] with(byte[] frame, int at, int b0, int b1) {
        byte[] copy = frame.clone();
        copy[at] = (byte) b0;
        copy[at + 1] = (byte) b1;
        return copy;
    }
}
