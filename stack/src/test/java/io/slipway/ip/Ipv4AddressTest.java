package io.slipway.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4AddressTest {
    @Test
    void shouldParseDottedQuadInNetworkOrder() {
        assertEquals(0xC000_0201, Ipv4Address.parse("192.0.2.1"));
        assertEquals(0, Ipv4Address.parse("0.0.0.0"));
        assertEquals(Ipv4Address.LIMITED_BROADCAST, Ipv4Address.parse("255.255.255.255"));
        assertEquals(0x0A00_0001, Ipv4Address.parse(" 10.0.0.1 "), "surrounding blanks are trimmed");
        assertEquals(0x0A00_0001, Ipv4Address.parse("010.000.000.001"), "leading zeros are decimal");
    }

    @Test
    void shouldFormatWhatItParses() {
        for (String text : new String[] {"0.0.0.0", "10.77.0.2", "192.0.2.255", "255.255.255.255", "128.0.0.1"}) {
            assertEquals(text, Ipv4Address.format(Ipv4Address.parse(text)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.", "256.0.0.1", "1.2.3.1000", "a.b.c.d",
        "1.2.3.-4", "+1.2.3.4", "1 .2.3.4", "0x1.2.3.4"})
    void shouldRejectWhatIsNotAnAddress(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4Address.parse(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void shouldMakeMasksFromPrefixLengths() {
        assertEquals(0, Ipv4Address.mask(0));
        assertEquals(0x8000_0000, Ipv4Address.mask(1));
        assertEquals(0xFFFF_FF00, Ipv4Address.mask(24));
        assertEquals(0xFFFF_FFFE, Ipv4Address.mask(31));
        assertEquals(0xFFFF_FFFF, Ipv4Address.mask(32));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Address.mask(-1));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Address.mask(33));
    }

    @Test
    void shouldCompareSubnets() {
        int a = Ipv4Address.parse("192.0.2.1");
        int b = Ipv4Address.parse("192.0.2.200");
        int c = Ipv4Address.parse("192.0.3.1");
        assertTrue(Ipv4Address.sameSubnet(a, b, 24));
        assertFalse(Ipv4Address.sameSubnet(a, c, 24));
        assertTrue(Ipv4Address.sameSubnet(a, c, 22));
        assertTrue(Ipv4Address.sameSubnet(a, c, 0));
        assertFalse(Ipv4Address.sameSubnet(a, b, 32));
    }

    @Test
    void shouldClassifyMulticastAndLoopback() {
        assertTrue(Ipv4Address.isMulticast(Ipv4Address.parse("224.0.0.1")));
        assertTrue(Ipv4Address.isMulticast(Ipv4Address.parse("239.255.255.255")));
        assertFalse(Ipv4Address.isMulticast(Ipv4Address.parse("223.255.255.255")));
        assertFalse(Ipv4Address.isMulticast(Ipv4Address.parse("240.0.0.1")));
        assertTrue(Ipv4Address.isLoopback(Ipv4Address.parse("127.0.0.1")));
        assertTrue(Ipv4Address.isLoopback(Ipv4Address.parse("127.255.0.9")));
        assertFalse(Ipv4Address.isLoopback(Ipv4Address.parse("128.0.0.1")));
    }
}
