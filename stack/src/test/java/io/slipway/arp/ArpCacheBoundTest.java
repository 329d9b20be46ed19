package io.slipway.arp;

import static io.slipway.arp.ArpFrames.OUR_IP;
import static io.slipway.arp.ArpHarness.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.driver.MacAddress;
import io.slipway.ip.Ipv4Address;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DESIGN.md "Every table is bounded": the cache never grows past its size, whatever is sent or heard. */
class ArpCacheBoundTest {
    private static final int SIZE = 4;

    private final ArpHarness h = new ArpHarness(ArpConfig.DEFAULT.withCacheEntries(SIZE));

    @AfterEach
    void shouldReturnEveryQueueBuffer() {
        h.advance(300 * SECOND);
        assertEquals(0, h.arp.pool().inUse());
        assertEquals(0, h.arp.size(), "every entry ages out");
    }

    @Test
    void shouldNeverHoldMoreEntriesThanConfigured() {
        for (int i = 0; i < 50; i++) {
            h.send(ip(i), 1);
            h.receive(ArpFrames.replyToUs(mac(i), ip(i)));
            h.receive(ArpFrames.request(mac(100 + i), ip(100 + i), OUR_IP));
            assertTrue(h.arp.size() <= SIZE, "size " + h.arp.size());
        }
        assertEquals(SIZE, h.arp.entries().size());
        h.adapter.takeTransmitted();
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedResolvedEntry() {
        for (int i = 0; i < SIZE; i++) {
            h.advanceMillis(10);
            h.resolve(ip(i), mac(i));
        }
        h.advanceMillis(10);
        h.send(ip(0), 1); // ip(0) is used again: ip(1) is now the least recently used
        h.adapter.takeTransmitted();

        h.advanceMillis(10);
        h.resolve(ip(SIZE), mac(SIZE));

        assertNull(h.neighbour(ip(1)), "the least recently used was evicted");
        assertEquals(List.of(ip(0), ip(2), ip(3), ip(SIZE)), addresses());
        assertEquals(1, h.count(ArpEvent.EVICTED));
    }

    @Test
    void shouldEvictFailedThenStaleEntriesBeforeReachableOnes() {
        h.resolve(ip(0), mac(0));
        h.advance(31 * SECOND); // ip(0) is stale
        h.resolve(ip(1), mac(1));
        h.resolve(ip(2), mac(2));
        h.send(ip(3), 1);
        h.advance(3 * SECOND); // ip(3) failed
        h.adapter.takeTransmitted();
        assertEquals(NeighbourState.STALE, h.state(ip(0)));
        assertEquals(NeighbourState.FAILED, h.state(ip(3)));

        h.resolve(ip(4), mac(4));
        assertNull(h.neighbour(ip(3)), "the failed entry goes first");

        h.resolve(ip(5), mac(5));
        assertNull(h.neighbour(ip(0)), "then the stale one");
        assertEquals(List.of(ip(1), ip(2), ip(4), ip(5)), addresses());
    }

    @Test
    void shouldDropWhenEveryEntryIsStillResolving() {
        for (int i = 0; i < SIZE; i++) {
            assertTrue(h.send(ip(i), 1));
        }

        assertFalse(h.send(ip(SIZE), 1));

        assertEquals(1, h.count(ArpEvent.DROP_CACHE_FULL));
        assertEquals(SIZE, h.count(ArpEvent.REQUESTS_OUT), "no request for the dropped packet");
        h.adapter.takeTransmitted();
    }

    @Test
    void shouldNotEvictForANeighbourThatOnlyAskedForUs() {
        for (int i = 0; i < SIZE; i++) {
            h.resolve(ip(i), mac(i));
        }

        h.receive(ArpFrames.request(mac(9), ip(9), OUR_IP));

        ArpFrames.assertArp(h.adapter.takeNextTransmitted(), mac(9), ArpPacket.REPLY, mac(9), ip(9));
        assertNull(h.neighbour(ip(9)), "answered, not learned");
        assertEquals(List.of(ip(0), ip(1), ip(2), ip(3)), addresses());
    }

    @Test
    void shouldListTheCacheAsIpNeighPrintsIt() {
        h.resolve(ip(1), mac(1));
        h.send(ip(0), 1);
        h.adapter.takeTransmitted();

        assertEquals(List.of("10.0.1.0 INCOMPLETE", "10.0.1.1 lladdr 02:00:00:00:01:01 REACHABLE"),
                h.arp.entries().stream().map(Neighbour::toString).collect(Collectors.toList()));
    }

    private List<Integer> addresses() {
        return h.arp.entries().stream().map(Neighbour::address).collect(Collectors.toList());
    }

    private static int ip(int i) {
        return Ipv4Address.parse("10.0.1.0") + i;
    }

    private static long mac(int i) {
        return MacAddress.parse("02:00:00:00:01:00") + i;
    }
}
