package io.slipway.arp;

import static io.slipway.arp.ArpFrames.PEER_IP;
import static io.slipway.arp.ArpFrames.PEER_MAC;
import static io.slipway.arp.ArpFrames.assertBroadcastRequest;
import static io.slipway.arp.ArpFrames.assertIpv4;
import static io.slipway.arp.ArpFrames.assertUnicastRequest;
import static io.slipway.arp.ArpHarness.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.mock.TransmittedFrame;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cache validation (RFC 1122 §2.3.2.1): reachable, stale, unicast re-verification, removal. */
class ArpAgeingTest {
    private static final long REACHABLE = ArpConfig.DEFAULT.reachableNanos();
    private static final long STALE = ArpConfig.DEFAULT.staleNanos();

    private final ArpHarness h = new ArpHarness();

    ArpAgeingTest() {
        h.resolve(PEER_IP, PEER_MAC); // at t = 0
    }

    @AfterEach
    void shouldReturnEveryQueueBuffer() {
        assertEquals(0, h.arp.pool().inUse());
    }

    @Test
    void shouldStayReachableForTheReachableTime() {
        h.advance(REACHABLE - 1);
        assertEquals(NeighbourState.REACHABLE, h.state(PEER_IP));

        h.advance(1);
        assertEquals("10.0.0.2 lladdr 02:00:00:00:00:02 STALE", h.neighbour(PEER_IP));
        h.adapter.assertNothingTransmitted(); // going stale sends nothing
    }

    @Test
    void shouldKeepSendingToAStaleEntryAndReverifyItWithAUnicastRequest() {
        h.advance(REACHABLE);

        assertTrue(h.send(PEER_IP, 1));

        assertIpv4(h.adapter.takeNextTransmitted(), PEER_MAC, 1);
        assertUnicastRequest(h.adapter.takeNextTransmitted(), PEER_MAC, PEER_IP);
        assertEquals(NeighbourState.PROBE, h.state(PEER_IP));
        assertEquals(1, h.count(ArpEvent.PROBES_OUT));
    }

    @Test
    void shouldBecomeReachableAgainWhenTheUnicastRequestIsAnswered() {
        h.advance(REACHABLE);
        h.send(PEER_IP, 1);
        h.adapter.takeTransmitted();

        h.advanceMillis(5);
        h.receive(ArpFrames.replyToUs(PEER_MAC, PEER_IP));

        assertEquals(NeighbourState.REACHABLE, h.state(PEER_IP));
        h.advance(5 * SECOND);
        h.adapter.assertNothingTransmitted(); // no more probes
        h.send(PEER_IP, 2);
        assertIpv4(h.adapter.takeNextTransmitted(), PEER_MAC, 2);
        h.adapter.assertNothingTransmitted();
    }

    @Test
    void shouldSendOnlyOneProbeRoundHoweverManyPacketsGo() {
        h.advance(REACHABLE);
        h.send(PEER_IP, 1);
        h.send(PEER_IP, 2);
        h.send(PEER_IP, 3);

        assertEquals(1, h.count(ArpEvent.PROBES_OUT));
        assertEquals(3, h.count(ArpEvent.PACKETS_SENT)); // resolve()'s went from the queue
        h.adapter.takeTransmitted();
    }

    @Test
    void shouldRemoveAnEntryWhoseUnicastRequestsGoUnanswered() {
        h.advance(REACHABLE);
        long probeStart = h.now();
        h.send(PEER_IP, 1);
        h.adapter.takeNextTransmitted();

        h.advance(10 * SECOND);

        List<TransmittedFrame> probes = h.adapter.transmittedFrames();
        assertEquals(ArpConfig.DEFAULT.maxRequests(), probes.size());
        for (int i = 0; i < probes.size(); i++) {
            assertUnicastRequest(probes.get(i).bytes(), PEER_MAC, PEER_IP);
            assertEquals(probeStart + i * SECOND, probes.get(i).atNanos());
        }
        assertNull(h.neighbour(PEER_IP));
        assertEquals(1, h.count(ArpEvent.PROBE_FAILED));
        h.adapter.takeTransmitted();

        // The next packet starts over with a broadcast: the neighbour may have a new MAC address.
        h.send(PEER_IP, 2);
        assertBroadcastRequest(h.adapter.takeNextTransmitted(), PEER_IP);
        h.receive(ArpFrames.replyToUs(PEER_MAC, PEER_IP));
        h.adapter.takeTransmitted();
    }

    @Test
    void shouldRemoveAStaleEntryThatGoesUnusedForTheStaleTime() {
        h.advance(REACHABLE + STALE - 1);
        assertEquals(NeighbourState.STALE, h.state(PEER_IP));

        h.advance(1);

        assertNull(h.neighbour(PEER_IP));
        assertEquals(1, h.count(ArpEvent.EXPIRED));
        assertEquals(0, h.arp.size());
    }

    @Test
    void shouldTreatAReachableEntryPastItsTimeAsStaleBeforeItsTimerRuns() {
        // Time moves without the timers running: the send must not trust the old confirmation.
        h.clock.set(REACHABLE + SECOND);

        h.send(PEER_IP, 1);

        assertIpv4(h.adapter.takeNextTransmitted(), PEER_MAC, 1);
        assertUnicastRequest(h.adapter.takeNextTransmitted(), PEER_MAC, PEER_IP);
        assertEquals(NeighbourState.PROBE, h.state(PEER_IP));
        h.receive(ArpFrames.replyToUs(PEER_MAC, PEER_IP));
    }
}
