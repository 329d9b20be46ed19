package io.slipway.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Counters;
import io.slipway.driver.cslip.CslipEvent;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.CableDirection;
import io.slipway.hal.loopback.Impairments;
import org.junit.jupiter.api.Test;

/**
 * Two stacks with CSLIP at both ends (RFC 1144) over a 115200-baud loopback cable that loses and
 * corrupts frames: every byte arrives in order, because a lost frame's successors rebuild wrong,
 * fail the TCP checksum and are dropped, or are tossed, until TCP's retransmission goes
 * uncompressed and resynchronises the decompressor (§4.1). And on a clean line the headers
 * really shrink: the wire carries far fewer bytes than the same transfer over plain SLIP.
 */
class CslipTransferSimulationTest {
    private static final Impairments CLEAN = Impairments.builder().baud(115_200).build();

    @Test
    void shouldDeliverEveryByteInOrderOverALossyLineForManySeeds() throws Exception {
        long compressed = 0;
        long uncompressed = 0;
        long lost = 0;
        long retransmitted = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Impairments line = CLEAN.toBuilder().loss(0.02 + seed * 0.003).corruption(0.005)
                    .propagationDelayNanos(2_000_000).build();
            CslipPair pair = new CslipPair(Framing.CSLIP, line, seed);
            pair.connect();
            pair.transfer(100_000);
            assertEquals(100_000, pair.received, "seed " + seed);
            lost += pair.cable.counters(CableDirection.A_TO_B).lost();
            Counters<CslipEvent> b = CslipPair.cslip(pair.receiver);
            compressed += b.get(CslipEvent.COMPRESSED_IN);
            uncompressed += b.get(CslipEvent.UNCOMPRESSED_IN);
            retransmitted += pair.sender.tcp().events().get(io.slipway.tcp.TcpEvent.RETRANSMITTED_SEGMENTS);
        }
        assertTrue(lost > 30, "frames lost: " + lost);
        // Each loss costs a resynchronising retransmission, sent whole; the rest compress: beyond
        // the retransmissions, only each connection's first segments and its FIN go uncompressed.
        String counts = "compressed " + compressed + ", uncompressed " + uncompressed + ", retransmitted "
                + retransmitted + ", lost " + lost;
        assertTrue(uncompressed > 12, counts);
        assertTrue(uncompressed <= retransmitted + 12 * 3, counts);
        assertTrue(compressed > 5 * uncompressed, counts);
    }

    @Test
    void shouldPutFarFewerBytesOnTheWireThanPlainSlip() throws Exception {
        long bytes = 200_000;
        CslipPair slip = new CslipPair(Framing.SLIP, CLEAN, 7);
        slip.connect();
        slip.transfer(bytes);
        CslipPair cslip = new CslipPair(Framing.CSLIP, CLEAN, 7);
        cslip.connect();
        cslip.transfer(bytes);

        long segments = CslipPair.cslip(cslip.sender).get(CslipEvent.COMPRESSED_OUT);
        assertTrue(segments > bytes / 1000, "compressed segments: " + segments);
        long dataWay = slip.cable.counters(CableDirection.A_TO_B).wireBytes()
                - cslip.cable.counters(CableDirection.A_TO_B).wireBytes();
        // A full segment's 40 header bytes become 3 (type, checksum: SPECIAL_D) to 7.
        assertTrue(dataWay > segments * 30, "saved " + dataWay + " bytes over " + segments + " segments");
        long ackWay = cslip.cable.counters(CableDirection.B_TO_A).wireBytes();
        assertTrue(ackWay * 3 < slip.cable.counters(CableDirection.B_TO_A).wireBytes(),
                "ACKs: " + ackWay + " wire bytes with CSLIP, " + slip.cable.counters(CableDirection.B_TO_A).wireBytes()
                        + " without");
        assertTrue(cslip.clock.nanos() < slip.clock.nanos(), "the compressed transfer is done sooner");
    }
}
