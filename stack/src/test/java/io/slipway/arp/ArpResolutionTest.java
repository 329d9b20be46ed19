package io.slipway.arp;

import static io.slipway.arp.ArpFrames.OTHER_IP;
import static io.slipway.arp.ArpFrames.OUR_IP;
import static io.slipway.arp.ArpFrames.PEER_IP;
import static io.slipway.arp.ArpFrames.PEER_MAC;
import static io.slipway.arp.ArpFrames.assertBroadcastRequest;
import static io.slipway.arp.ArpFrames.assertIpv4;
import static io.slipway.arp.ArpHarness.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.driver.MacAddress;
import io.slipway.hal.mock.TransmittedFrame;
import io.slipway.ip.Ipv4Address;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resolution: RFC 826's request and reply, RFC 1122 §2.3.2.1–2.3.2.2's retries and queueing. */
class ArpResolutionTest {
    private final ArpHarness h = new ArpHarness();

    @AfterEach
    void shouldReturnEveryQueueBuffer() {
        assertEquals(0, h.arp.pool().inUse(), "wait-queue buffers still out: " + h.arp.events());
    }

    @Test
    void shouldBroadcastARequestOnTheFirstSendToAnUnknownAddress() {
        assertTrue(h.send(PEER_IP, 1), "a queued packet counts as sent");

        assertBroadcastRequest(h.adapter.takeNextTransmitted(), PEER_IP);
        h.adapter.assertNothingTransmitted();
        assertEquals("10.0.0.2 INCOMPLETE", h.neighbour(PEER_IP));
        assertEquals(1, h.count(ArpEvent.REQUESTS_OUT));
        assertEquals(1, h.count(ArpEvent.PACKETS_QUEUED));
        h.receive(ArpFrames.replyToUs(PEER_MAC, PEER_IP)); // let the queue go
        h.adapter.takeTransmitted();
    }

    @Test
    void shouldSendQueuedPacketsInOrderOnceTheReplyArrives() {
        h.send(PEER_IP, 1);
        h.send(PEER_IP, 2);
        h.send(PEER_IP, 3);
        assertBroadcastRequest(h.adapter.takeNextTransmitted(), PEER_IP);
        h.adapter.assertNothingTransmitted(); // one request only: the rest wait for it

        h.advanceMillis(300);
        h.receive(ArpFrames.replyToUs(PEER_MAC, PEER_IP));

        List<byte[]> out = h.adapter.takeTransmitted();
        assertEquals(3, out.size());
        assertIpv4(out.get(0), PEER_MAC, 1);
        assertIpv4(out.get(1), PEER_MAC, 2);
        assertIpv4(out.get(2), PEER_MAC, 3);
        assertEquals("10.0.0.2 lladdr 02:00:00:00:00:02 REACHABLE", h.neighbour(PEER_IP));
        assertEquals(3, h.count(ArpEvent.QUEUED_SENT));
        assertEquals(1, h.count(ArpEvent.RESOLVED));
    }

    @Test
    void shouldKeepTheWholeDatagramWhileItWaits() {
        h.send(PEER_IP, 7, 1500);
        h.adapter.takeNextTransmitted();
        h.receive(ArpFrames.replyToUs(PEER_MAC, PEER_IP));

        byte[] frame = h.adapter.takeNextTransmitted();
        assertEquals(14 + 1500, frame.length);
        assertIpv4(frame, PEER_MAC, 7);
        assertEquals(7, frame[frame.length - 1]);
    }

    @Test
    void shouldSendAtOnceToAResolvedAddress() {
        h.resolve(PEER_IP, PEER_MAC);

        assertTrue(h.send(PEER_IP, 5));

        assertIpv4(h.adapter.takeNextTransmitted(), PEER_MAC, 5);
        h.adapter.assertNothingTransmitted();
        assertEquals(2, h.count(ArpEvent.PACKETS_SENT) + h.count(ArpEvent.QUEUED_SENT));
    }

    @Test
    void shouldRetryAtTheIntervalAndGiveUpAfterTheConfiguredNumberOfRequests() {
        h.send(PEER_IP, 1);
        h.advanceMillis(500);
        h.send(PEER_IP, 2);

        h.advance(10 * SECOND);

        List<TransmittedFrame> requests = h.adapter.transmittedFrames();
        assertEquals(ArpConfig.DEFAULT.maxRequests(), requests.size(), "requests in all");
        for (int i = 0; i < requests.size(); i++) {
            assertBroadcastRequest(requests.get(i).bytes(), PEER_IP);
            assertEquals(i * SECOND, requests.get(i).atNanos(), "request " + i + " one retry interval after the last");
        }
        assertEquals(2, h.count(ArpEvent.DROP_UNRESOLVED), "the queued packets");
        assertEquals(1, h.count(ArpEvent.RESOLUTION_FAILED));
        assertEquals("10.0.0.2 FAILED", h.neighbour(PEER_IP));
        h.adapter.takeTransmitted();
    }

    @Test
    void shouldGiveUpOneRetryIntervalAfterTheLastRequest() {
        h.send(PEER_IP, 1);
        h.advance(3 * SECOND - 1);
        assertEquals(NeighbourState.INCOMPLETE, h.state(PEER_IP));

        h.advance(1);

        assertEquals(NeighbourState.FAILED, h.state(PEER_IP));
        assertEquals(1, h.count(ArpEvent.DROP_UNRESOLVED));
        h.adapter.takeTransmitted();
    }

    @Test
    void shouldDropPacketsForAFailedAddressWithoutAskingAgainUntilItTimesOut() {
        h.send(PEER_IP, 1);
        h.advance(3 * SECOND);
        h.adapter.takeTransmitted();

        assertFalse(h.send(PEER_IP, 2));
        h.adapter.assertNothingTransmitted();
        assertEquals(1, h.count(ArpEvent.DROP_HOST_UNREACHABLE));

        h.advance(ArpConfig.DEFAULT.failedNanos());
        assertNull(h.neighbour(PEER_IP), "a FAILED entry is removed after the failed time");

        assertTrue(h.send(PEER_IP, 3));
        assertBroadcastRequest(h.adapter.takeNextTransmitted(), PEER_IP);
        h.advance(10 * SECOND);
        h.adapter.takeTransmitted();
    }

    @Test
    void shouldReviveAFailedEntryWhenTheNeighbourSpeaks() {
        h.send(PEER_IP, 1);
        h.advance(3 * SECOND);
        h.adapter.takeTransmitted();

        // RFC 826's merge rule: the address is in the cache, so its MAC is updated. Here by the
        // neighbour's gratuitous request when it comes back.
        h.receive(ArpFrames.request(PEER_MAC, PEER_IP, PEER_IP));

        assertEquals("10.0.0.2 lladdr 02:00:00:00:00:02 REACHABLE", h.neighbour(PEER_IP));
        assertTrue(h.send(PEER_IP, 2));
        assertIpv4(h.adapter.takeNextTransmitted(), PEER_MAC, 2);
    }

    @Test
    void shouldKeepTheLatestPacketsAndCountTheOverflowWhenTheQueueIsFull() {
        int perAddress = ArpConfig.DEFAULT.queuePerAddress();
        for (int tag = 1; tag <= perAddress + 2; tag++) {
            assertTrue(h.send(PEER_IP, tag));
        }
        assertEquals(2, h.count(ArpEvent.DROP_QUEUE_FULL));
        assertEquals(perAddress, h.arp.queuedPackets());
        h.adapter.takeNextTransmitted();

        h.receive(ArpFrames.replyToUs(PEER_MAC, PEER_IP));

        // RFC 1122 §2.3.2.2: save the latest; the two oldest made room.
        List<byte[]> out = h.adapter.takeTransmitted();
        assertEquals(perAddress, out.size());
        for (int i = 0; i < perAddress; i++) {
            assertIpv4(out.get(i), PEER_MAC, i + 3);
        }
    }

    @Test
    void shouldBoundQueuedPacketsAcrossAddressesByTheSharedPool() {
        ArpHarness small = new ArpHarness(ArpConfig.DEFAULT.withQueues(2, 3));
        assertTrue(small.send(PEER_IP, 1));
        assertTrue(small.send(PEER_IP, 2));
        assertTrue(small.send(OTHER_IP, 3));
        int third = Ipv4Address.parse("10.0.0.4");

        assertFalse(small.send(third, 4), "no buffer left, and none of this address's to reuse");
        assertTrue(small.send(OTHER_IP, 5), "reuses its own oldest buffer");

        assertEquals(2, small.count(ArpEvent.DROP_NO_BUFFER));
        assertEquals(3, small.arp.queuedPackets());
        small.advance(30 * SECOND);
        assertEquals(0, small.arp.pool().inUse());
        assertEquals(3, small.count(ArpEvent.DROP_UNRESOLVED));
    }

    @Test
    void shouldDropAPacketLargerThanTheLinkMtuInsteadOfQueueingIt() {
        assertFalse(h.send(PEER_IP, 1, 1501));
        assertEquals(1, h.count(ArpEvent.DROP_TOO_BIG));
        h.advance(30 * SECOND);
        h.adapter.takeTransmitted();
    }

    @Test
    void shouldRefuseToResolveTheUnspecifiedAddressOrOurOwn() {
        assertFalse(h.send(Ipv4Address.ANY, 1));
        assertFalse(h.send(OUR_IP, 1));

        assertEquals(2, h.count(ArpEvent.DROP_BAD_NEXT_HOP));
        h.adapter.assertNothingTransmitted();
        assertEquals(0, h.arp.size());
    }

    @Test
    void shouldSendBroadcastAndMulticastWithoutResolving() {
        assertTrue(h.send(Ipv4Address.LIMITED_BROADCAST, 1));
        assertTrue(h.send(Ipv4Address.parse("224.0.0.251"), 2));

        assertIpv4(h.adapter.takeNextTransmitted(), MacAddress.BROADCAST, 1);
        // RFC 1112 §6.4: 01:00:5e and the group's low 23 bits.
        assertIpv4(h.adapter.takeNextTransmitted(), MacAddress.parse("01:00:5e:00:00:fb"), 2);
        assertEquals(0, h.arp.size());
    }

    @Test
    void shouldResolveFromARequestTheNeighbourSendsWhileWeWait() {
        h.send(PEER_IP, 1);
        h.adapter.takeNextTransmitted();

        // Its own request for us carries its MAC address: merge, then answer.
        h.receive(ArpFrames.request(PEER_MAC, PEER_IP, OUR_IP));

        List<byte[]> out = h.adapter.takeTransmitted();
        assertEquals(2, out.size());
        assertIpv4(out.get(0), PEER_MAC, 1);
        ArpFrames.assertArp(out.get(1), PEER_MAC, ArpPacket.REPLY, PEER_MAC, PEER_IP);
        assertEquals(NeighbourState.REACHABLE, h.state(PEER_IP));
    }
}
