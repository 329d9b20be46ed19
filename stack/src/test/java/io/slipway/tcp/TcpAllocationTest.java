package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.testing.SteadyState;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, Memory: after warm-up a steady bulk transfer allocates 0 bytes per segment on the
 * stack thread — here the test thread, which polls both stacks (sender and receiver, on an
 * unpaced SLIP loopback cable in virtual time) and calls their non-blocking sockets.
 */
class TcpAllocationTest {
    /** Full segments per measured round. */
    private static final int SEGMENTS = 2_000;
    private static final int MSS = 1006 - 40;

    private final ManualClock clock = new ManualClock();
    private final TwoStackBulk pair = new TwoStackBulk(clock,
            LoopbackCable.builder(clock).framing(Framing.SLIP).mtu(1006).build());

    @Test
    void shouldTransferInBulkWithoutAllocating() throws Exception {
        pair.connect();
        long segmentsBefore = pair.sender.tcp().events().get(TcpEvent.SEGMENTS_OUT);

        SteadyState.assertAllocatesNothingChecked("a bulk TCP transfer (bytes per " + SEGMENTS + " segments)",
                SEGMENTS, () -> pair.transfer((long) SEGMENTS * MSS));

        long segments = pair.sender.tcp().events().get(TcpEvent.SEGMENTS_OUT) - segmentsBefore;
        assertTrue(segments >= SEGMENTS, "segments sent: " + segments);
        assertEquals(pair.sent(), pair.received());
        assertEquals(0, pair.cable.a().counters().totalDrops() + pair.cable.b().counters().totalDrops());
    }

    /** The unframed cable with segmentation offload (benchmark 3's): segments of many SMSS, none allocated. */
    @Test
    void shouldTransferInLargeSegmentsWithSegmentOffloadWithoutAllocating() throws Exception {
        TwoStackBulk offloaded = new TwoStackBulk(clock, LoopbackCable.builder(clock).mtu(1500)
                .segmentOffload(65_535).exchangeArrays().inFlightFrames(16).receiveQueueFrames(16).build());
        offloaded.connect();
        long segmentsBefore = offloaded.sender.tcp().events().get(TcpEvent.SEGMENTS_OUT);
        long receivedBefore = offloaded.received();
        long bytes = (long) SEGMENTS * 1460;

        SteadyState.assertAllocatesNothingChecked("a bulk TCP transfer with segmentation offload (bytes per "
                + SEGMENTS + " SMSS of data)", SEGMENTS, () -> offloaded.transfer(bytes));

        // The sender sends only data, written 8 KiB at a time: its segments carry over four SMSS
        // on average (one each without offload).
        long segments = offloaded.sender.tcp().events().get(TcpEvent.SEGMENTS_OUT) - segmentsBefore;
        long moved = offloaded.received() - receivedBefore;
        assertTrue(segments * 4 * 1460 < moved, segments + " segments for " + moved + " bytes");
        assertEquals(offloaded.sent(), offloaded.received());
        assertEquals(0, offloaded.cable.a().counters().totalDrops() + offloaded.cable.b().counters().totalDrops());
    }
}
