package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.framing.Framing;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The unframed cable's segmentation offload: packets up to the offload's size cross whole, as on
 * Linux's loopback device with TSO/GSO on; without it the MTU bounds every frame. And checksum
 * offload, only where nothing on the cable can change a bit.
 */
class SegmentOffloadTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void shouldCarryAPacketAboveTheMtuWholeWithOffload() {
        LoopbackCable cable = LoopbackCable.builder(clock).mtu(1500).segmentOffload(65_535)
                .inFlightFrames(16).receiveQueueFrames(16).build();
        assertEquals(1500, cable.a().mtu());
        assertEquals(65_535, cable.a().segmentOffloadLength());
        assertEquals(65_535, cable.b().maxFrameLength());
        byte[] big = TestFrames.numbered(7, 65_535);
        assertTrue(cable.a().transmit(big, 0, big.length));
        byte[] into = new byte[cable.b().maxFrameLength()];
        int n = cable.b().receive(into, 0, into.length);
        assertEquals(big.length, n);
        assertArrayEquals(big, Arrays.copyOf(into, n));
        assertEquals(0, cable.a().counters().totalDrops() + cable.b().counters().totalDrops());
    }

    @Test
    void shouldDropAPacketAboveTheMtuWithoutOffload() {
        LoopbackCable cable = LoopbackCable.builder(clock).mtu(1500).build();
        assertEquals(1500, cable.a().segmentOffloadLength());
        byte[] big = TestFrames.numbered(7, 1501);
        assertTrue(cable.a().transmit(big, 0, big.length)); // taken, and dropped as too long
        assertEquals(1, cable.a().counters().drops(DropReason.TX_TOO_LONG));
        assertEquals(-1, cable.b().receive(new byte[2000], 0, 2000));
    }

    @Test
    void shouldOfferChecksumOffloadOnlyWhenAsked() {
        assertTrue(LoopbackCable.builder(clock).checksumOffload().build().b().checksumOffload());
        assertFalse(LoopbackCable.builder(clock).build().a().checksumOffload());
    }

    @Test
    void shouldRefuseChecksumOffloadOnAFramedOrCorruptingCable() {
        assertThrows(IllegalArgumentException.class,
                () -> LoopbackCable.builder(clock).framing(Framing.SLIP).checksumOffload().build());
        assertThrows(IllegalArgumentException.class, () -> LoopbackCable.builder(clock).checksumOffload()
                .impairments(Impairments.builder().corruption(0.01).build()).build());
    }

    @Test
    void shouldRefuseOffloadOnAFramedLineOrOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> LoopbackCable.builder(clock).framing(Framing.SLIP).segmentOffload(65_535).build());
        assertThrows(IllegalArgumentException.class, () -> LoopbackCable.builder(clock).segmentOffload(65_536));
        assertThrows(IllegalArgumentException.class, () -> LoopbackCable.builder(clock).segmentOffload(0));
        assertThrows(IllegalArgumentException.class,
                () -> LoopbackCable.builder(clock).mtu(1500).segmentOffload(1000).build());
    }
}
