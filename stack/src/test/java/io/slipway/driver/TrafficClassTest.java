package io.slipway.driver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.Medium;
import org.junit.jupiter.api.Test;

/** Which frames leave first: IPv4 marked "minimize delay" (RFC 1349), and on Ethernet ARP. */
class TrafficClassTest {
    @Test
    void shouldTakeAnIpv4DatagramMarkedLowDelayOnSlip() {
        assertTrue(TrafficClass.isLowDelay(Medium.IP, new byte[] {0x45, 0x10, 0, 40}, 0, 4));
        assertFalse(TrafficClass.isLowDelay(Medium.IP, new byte[] {0x45, 0x00, 0, 40}, 0, 4));
        assertFalse(TrafficClass.isLowDelay(Medium.IP, new byte[] {0x45, 0x08, 0, 40}, 0, 4), "max throughput");
    }

    @Test
    void shouldNotTakeWhatIsNoIpv4Datagram() {
        assertFalse(TrafficClass.isLowDelay(Medium.IP, new byte[] {0x60, 0x10, 0, 0}, 0, 4), "IPv6");
        assertFalse(TrafficClass.isLowDelay(Medium.IP, new byte[] {0x45}, 0, 1), "too short to tell");
    }

    @Test
    void shouldLookPastTheEthernetHeaderAndTakeArp() {
        byte[] ip = new byte[16];
        ip[12] = 0x08;
        ip[14] = 0x45;
        ip[15] = 0x10;
        assertTrue(TrafficClass.isLowDelay(Medium.ETHERNET, ip, 0, 16));
        ip[15] = 0;
        assertFalse(TrafficClass.isLowDelay(Medium.ETHERNET, ip, 0, 16));
        byte[] arp = new byte[42];
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertTrue(TrafficClass.isLowDelay(Medium.ETHERNET, arp, 0, 42));
    }

    @Test
    void shouldReadTheFrameAtItsOffset() {
        byte[] b = {9, 9, 0x45, 0x10};
        assertTrue(TrafficClass.isLowDelay(Medium.IP, b, 2, 2));
    }
}
