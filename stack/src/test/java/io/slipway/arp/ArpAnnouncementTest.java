package io.slipway.arp;

import static io.slipway.arp.ArpFrames.OUR_IP;
import static io.slipway.arp.ArpHarness.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.driver.MacAddress;
import io.slipway.hal.mock.Hex;
import io.slipway.hal.mock.TransmittedFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gratuitous ARP when the link comes up: RFC 5227 §2.3's announcements, sent as requests (§3). */
class ArpAnnouncementTest {
    /** Broadcast request from us, sender and target IP both ours, target MAC zero. */
    private static final String ANNOUNCEMENT = "ff ff ff ff ff ff  02 00 00 00 00 01  08 06"
            + " 00 01 08 00 06 04 00 01"
            + " 02 00 00 00 00 01  0a 00 00 01"
            + " 00 00 00 00 00 00  0a 00 00 01";

    @Test
    void shouldAnnounceOurAddressTwiceTwoSecondsApartWhenTheLinkComesUp() {
        ArpHarness h = new ArpHarness(ArpConfig.DEFAULT, true); // its first poll sees the link up

        h.advance(10 * SECOND);

        List<TransmittedFrame> out = h.adapter.transmittedFrames();
        assertEquals(2, out.size());
        assertEquals(Hex.dump(Hex.bytes(ANNOUNCEMENT)), Hex.dump(out.get(0).bytes()));
        assertEquals(Hex.dump(Hex.bytes(ANNOUNCEMENT)), Hex.dump(out.get(1).bytes()));
        assertEquals(0, out.get(0).atNanos());
        assertEquals(2 * SECOND, out.get(1).atNanos());
        assertEquals(2, h.arp.events().get(ArpEvent.ANNOUNCEMENTS_OUT));
    }

    @Test
    void shouldAnnounceAgainAfterTheLinkFlaps() {
        ArpHarness h = new ArpHarness();
        h.forwardLinkState = true;

        h.adapter.setLinkUp(false);
        h.poll();
        h.advanceMillis(500);
        h.adapter.setLinkUp(true);
        h.poll();

        ArpFrames.assertArp(h.adapter.takeNextTransmitted(), MacAddress.BROADCAST, ArpPacket.REQUEST,
                MacAddress.NONE, OUR_IP);
        h.advance(10 * SECOND);
        assertEquals(1, h.adapter.takeTransmitted().size());
    }

    @Test
    void shouldStopAnnouncingWhenTheLinkGoesDown() {
        ArpHarness h = new ArpHarness(ArpConfig.DEFAULT, true);
        h.adapter.takeNextTransmitted();

        h.adapter.setLinkUp(false);
        h.poll();
        h.advance(10 * SECOND);

        h.adapter.assertNothingTransmitted();
        assertEquals(0, h.timers.size(), "no announcement left scheduled");
    }
}
