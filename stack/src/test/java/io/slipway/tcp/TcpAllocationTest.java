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
}
