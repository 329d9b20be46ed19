package io.slipway.hal.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.hal.Medium;
import org.junit.jupiter.api.Test;

class PcapLinkTypeTest {
    @Test
    void shouldCaptureIpFramesAsRawIp() {
        assertEquals(101, PcapLinkType.of(Medium.IP));
    }

    @Test
    void shouldCaptureEthernetFramesAsEthernet() {
        assertEquals(1, PcapLinkType.of(Medium.ETHERNET));
    }
}
