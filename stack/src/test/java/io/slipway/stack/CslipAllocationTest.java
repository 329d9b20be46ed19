package io.slipway.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.driver.cslip.CslipEvent;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.testing.SteadyState;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, Memory: a bulk TCP transfer over CSLIP allocates 0 bytes per segment once warm —
 * compressing every data segment and ACK on the way out, rebuilding each on the way in — on the
 * thread that polls both stacks (an unpaced cable in virtual time).
 */
class CslipAllocationTest {
    private static final int SEGMENTS = 2_000;
    private static final int MSS = 1006 - 40;

    @Test
    void shouldTransferCompressedWithoutAllocating() throws Exception {
        CslipPair pair = new CslipPair(Framing.CSLIP, Impairments.PERFECT, 3);
        pair.connect();
        long before = CslipPair.cslip(pair.receiver).get(CslipEvent.COMPRESSED_IN);

        SteadyState.assertAllocatesNothingChecked("a CSLIP bulk transfer (bytes per " + SEGMENTS + " segments)",
                SEGMENTS, () -> pair.transfer((long) SEGMENTS * MSS));

        assertTrue(CslipPair.cslip(pair.receiver).get(CslipEvent.COMPRESSED_IN) - before >= SEGMENTS);
        assertEquals(pair.sent, pair.received);
        assertEquals(0, pair.cable.a().counters().totalDrops() + pair.cable.b().counters().totalDrops());
    }
}
