package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.driver.MacAddress;
import io.slipway.hal.framing.Framing;
import io.slipway.ip.Ipv4Address;
import io.slipway.stack.StackConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The defaults the link options fill in, and what they mean for routes. */
class LinkSettingsTest {
    private static LinkSettings slip(String ip, String peer, String gateway) {
        return LinkSettings.of("/dev/ttyUSB0", ip, peer, gateway, "slip", 115_200, null, null, null, true);
    }

    private static LinkSettings ethernet(String ip, String mac) {
        return LinkSettings.of("/dev/ttyUSB0", ip, null, null, "ethernet", 115_200, null, mac, null, true);
    }

    @Test
    void shouldGiveASlipAddressWithAPeerSlash32AndOtherwiseSlash24() {
        assertEquals("10.0.0.1/32", slip("10.0.0.1", "10.0.0.2", null).address().toString());
        assertEquals("10.0.0.1/24", slip("10.0.0.1", null, null).address().toString());
        assertEquals("10.0.0.1/24", ethernet("10.0.0.1", null).address().toString());
        assertEquals("10.0.0.1/30", slip("10.0.0.1/30", "10.0.0.2", null).address().toString());
    }

    @Test
    void shouldTakeCslipAsAPointToPointSlipLineThatCompressesHeaders() {
        LinkSettings s = LinkSettings.of("/dev/ttyUSB0", "10.0.0.2", "10.0.0.1", null, "cslip", 115_200, null, null,
                null, true);
        assertEquals("10.0.0.2/32", s.address().toString());
        assertEquals(1006, s.mtu());
        assertTrue(s.interfaceConfig().compressHeaders());
        assertFalse(slip("10.0.0.2", "10.0.0.1", null).interfaceConfig().compressHeaders());
        assertEquals("10.0.0.2/32 peer 10.0.0.1 on /dev/ttyUSB0 (cslip, 115200 baud, mtu 1006)", s.describe());
    }

    @Test
    void shouldDefaultTheMtuByFraming() {
        assertEquals(1006, slip("10.0.0.1", null, null).mtu());
        assertEquals(1500, ethernet("10.0.0.1", null).mtu());
    }

    @Test
    void shouldKeepTheMtuLimitEqualToTheStacks() {
        assertEquals(StackConfig.DEFAULT.ipv4().maxMtu(), LinkSettings.MAX_MTU);
    }

    @Test
    void shouldMakeALocallyAdministeredMacFromTheAddress() {
        LinkSettings s = ethernet("10.1.2.3/24", null);

        assertEquals("02:00:0a:01:02:03", MacAddress.format(s.mac()));
        assertFalse(MacAddress.isGroup(s.mac()));
        assertEquals("02:00:00:00:00:09", MacAddress.format(ethernet("10.0.0.1", "02:00:00:00:00:09").mac()));
        assertEquals(MacAddress.NONE, slip("10.0.0.1", null, null).mac());
    }

    @Test
    void shouldRouteToThePrefixThePeerOrAnywhereWithAGateway() {
        int outside = Ipv4Address.parse("192.168.1.1");
        LinkSettings pointToPoint = slip("10.0.0.1", "10.0.0.2", null);
        assertTrue(pointToPoint.routes(Ipv4Address.parse("10.0.0.2")));
        assertTrue(pointToPoint.routes(Ipv4Address.parse("10.0.0.1")));
        assertFalse(pointToPoint.routes(Ipv4Address.parse("10.0.0.3")));
        assertFalse(pointToPoint.routes(outside));

        assertTrue(slip("10.0.0.1/24", null, null).routes(Ipv4Address.parse("10.0.0.77")));
        assertTrue(slip("10.0.0.1", "10.0.0.2", "10.0.0.2").routes(outside));
    }

    @Test
    void shouldDescribeTheLinkInOneLine() {
        assertEquals("10.0.0.2/24 on /dev/ttyUSB0 (slip, 115200 baud, mtu 1006)",
                slip("10.0.0.2", null, null).describe());
        assertEquals("10.0.0.2/32 peer 10.0.0.1 on /dev/ttyUSB0 (slip, 115200 baud, mtu 1006)",
                slip("10.0.0.2", "10.0.0.1", null).describe());
        assertEquals("10.0.0.2/24 on /dev/ttyUSB0 (ethernet, 115200 baud, mtu 1500, mac 02:00:0a:00:00:02)",
                ethernet("10.0.0.2", null).describe());
    }

    @Test
    void shouldCarryTheRestThrough() {
        LinkSettings s = LinkSettings.of("/tmp/pty/A", "10.0.0.2/24", null, "10.0.0.1", "slip", 9600, 576, null,
                Path.of("/tmp/x.pcap"), false);

        assertEquals(Framing.SLIP, s.framing());
        assertEquals(9600, s.baud());
        assertEquals(576, s.mtu());
        assertEquals(Ipv4Address.parse("10.0.0.1"), s.gateway());
        assertEquals(Path.of("/tmp/x.pcap"), s.pcap());
        assertFalse(s.exclusiveLock());
    }
}
