package io.slipway.arp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.TimerQueue;
import io.slipway.driver.LanDriver;
import io.slipway.driver.SlipDriver;
import io.slipway.hal.mock.MockAdapter;
import org.junit.jupiter.api.Test;

class ArpConfigTest {
    @Test
    void shouldHaveTheDocumentedDefaults() {
        ArpConfig c = ArpConfig.DEFAULT;
        assertEquals(64, c.cacheEntries());
        assertEquals(30_000_000_000L, c.reachableNanos());
        assertEquals(3, c.maxRequests());
        assertEquals(1_000_000_000L, c.retryNanos());
        assertEquals(4, c.queuePerAddress());
        assertEquals(65, c.timersNeeded());
    }

    @Test
    void shouldRefuseBoundsThatCannotWork() {
        assertMessage("at least one entry", () -> ArpConfig.DEFAULT.withCacheEntries(0));
        assertMessage("queuePerAddress <= queuedPackets", () -> ArpConfig.DEFAULT.withQueues(5, 4));
        assertMessage("queuePerAddress <= queuedPackets", () -> ArpConfig.DEFAULT.withQueues(0, 4));
        assertMessage("times must be positive", () -> new ArpConfig(64, 0, 1, 3, 1, 4, 16, 1));
        assertMessage("at least one request", () -> new ArpConfig(64, 1, 1, 0, 1, 4, 16, 1));
    }

    @Test
    void shouldRefuseALinkWithoutMacAddresses() {
        SlipDriver slip = new SlipDriver(new LanDriver(new MockAdapter(), 4096));
        assertMessage("needs a link with MAC addresses",
                () -> new Arp(slip, ArpFrames.OUR_IP, ArpConfig.DEFAULT, new TimerQueue(100)));
    }

    @Test
    void shouldRefuseAnAddressThatIsNotUnicast() {
        ArpHarness h = new ArpHarness();
        assertMessage("not a unicast address for ARP: 0.0.0.0",
                () -> new Arp(h.ethernet, 0, ArpConfig.DEFAULT, h.timers));
        assertMessage("not a unicast address for ARP: 224.0.0.1",
                () -> new Arp(h.ethernet, 0xE000_0001, ArpConfig.DEFAULT, h.timers));
    }

    private static void assertMessage(String part, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
