package io.slipway.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4PrefixTest {
    @Test
    void shouldParseAnAddressWithItsPrefixLength() {
        Ipv4Prefix p = Ipv4Prefix.parse("10.77.0.2/24", 32);

        assertEquals(Ipv4Address.parse("10.77.0.2"), p.address());
        assertEquals(24, p.prefixLength());
        assertEquals("10.77.0.2/24", p.toString());
    }

    @Test
    void shouldTakeTheDefaultLengthWhenNoneIsGiven() {
        assertEquals(new Ipv4Prefix(Ipv4Address.parse("10.0.0.1"), 32), Ipv4Prefix.parse("10.0.0.1", 32));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/", "10.0.0.1/33", "10.0.0.1/-1", "10.0.0.1/x", "10.0.0.1/123", "10.0.0.1/2 4"})
    void shouldRejectABadPrefix(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4Prefix.parse(text, 24));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void shouldRejectABadAddressBeforeTheSlash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4Prefix.parse("10.0.0/8", 24));
        assertTrue(e.getMessage().contains("10.0.0"), e.getMessage());
    }

    @Test
    void shouldRejectAPrefixLengthOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new Ipv4Prefix(0, 33));
        assertThrows(IllegalArgumentException.class, () -> new Ipv4Prefix(0, -1));
    }

    @Test
    void shouldGiveNetworkBroadcastAndMask() {
        Ipv4Prefix p = Ipv4Prefix.parse("192.0.2.77/26", 32);

        assertEquals(Ipv4Address.parse("255.255.255.192"), p.mask());
        assertEquals(Ipv4Address.parse("192.0.2.64"), p.network());
        assertEquals(Ipv4Address.parse("192.0.2.127"), p.broadcast());
    }

    @Test
    void shouldContainTheAddressesOfItsNetwork() {
        Ipv4Prefix p = Ipv4Prefix.parse("192.0.2.77/26", 32);

        assertTrue(p.contains(Ipv4Address.parse("192.0.2.64")));
        assertTrue(p.contains(Ipv4Address.parse("192.0.2.127")));
        assertFalse(p.contains(Ipv4Address.parse("192.0.2.128")));
        assertFalse(p.contains(Ipv4Address.parse("192.0.2.63")));
    }

    @Test
    void shouldHandleTheEdgeLengths() {
        Ipv4Prefix all = Ipv4Prefix.parse("0.0.0.0/0", 32);
        assertTrue(all.contains(Ipv4Address.parse("203.0.113.9")));
        assertEquals(Ipv4Address.LIMITED_BROADCAST, all.broadcast());

        Ipv4Prefix host = Ipv4Prefix.parse("203.0.113.9/32", 24);
        assertTrue(host.contains(Ipv4Address.parse("203.0.113.9")));
        assertFalse(host.contains(Ipv4Address.parse("203.0.113.8")));
        assertEquals(host.address(), host.network());
        assertEquals(host.address(), host.broadcast());
    }
}
