package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.CableDirection;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.testing.SteadyState;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, Memory, as {@link TcpAllocationTest}, through loss: SACK recovery allocates nothing.
 */
class TcpSackAllocationTest {
    /** Full segments per measured round. */
    private static final int SEGMENTS = 2_000;
    private static final int MSS = 1006 - 40;

    private final ManualClock clock = new ManualClock();
    /** 2 % of the data segments lost: the sender recovers by SACK (RFC 6675) again and again. */
    private final TwoStackBulk pair = new TwoStackBulk(clock, LoopbackCable.builder(clock).framing(Framing.SLIP)
            .mtu(1006).seed(11).impairments(CableDirection.A_TO_B, Impairments.builder().loss(0.02).build()).build());

    /**
     * DESIGN.md, Memory, for the SACK sender: a bulk transfer through 2 % loss, so that the
     * scoreboard fills and RFC 6675 recovery (NextSeg, SetPipe, rescue) runs in every round,
     * allocates 0 bytes per segment once warm — sender and receiver together on this thread.
     */
    @Test
    void shouldRecoverBySackWithoutAllocating() throws Exception {
        pair.connect();
        assertTrue(pair.sender.tcp().connections().iterator().next().sackOk, "SACK agreed");
        long recoveriesBefore = pair.sender.tcp().events().get(TcpEvent.SACK_RECOVERIES);

        SteadyState.assertAllocatesNothingChecked("a lossy bulk TCP transfer with SACK (bytes per " + SEGMENTS
                + " segments)", SEGMENTS, () -> pair.transfer((long) SEGMENTS * MSS));

        long recoveries = pair.sender.tcp().events().get(TcpEvent.SACK_RECOVERIES) - recoveriesBefore;
        assertTrue(recoveries > 10, "SACK recoveries while measured: " + recoveries);
        assertEquals(pair.sent(), pair.received());
    }
}
