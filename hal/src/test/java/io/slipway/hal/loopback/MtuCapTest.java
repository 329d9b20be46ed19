package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import org.junit.jupiter.api.Test;

/**
 * The MTU cap: a wire narrower than the ends' MTU, as a path with a smaller MTU is. Frames whose
 * payload exceeds it vanish silently, counted on the cable and not by either adapter.
 */
class MtuCapTest {
    private final ManualClock clock = new ManualClock();
    private final byte[] buffer = new byte[2000];

    @Test
    void shouldCarryAFrameUpToTheCapAndLoseOneByteMore() {
        LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP)
                .impairments(Impairments.builder().mtuCap(576).build()).build();
        cable.a().transmit(TestFrames.numbered(1, 577), 0, 577);
        cable.a().transmit(TestFrames.numbered(2, 576), 0, 576);

        assertEquals(576, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(-1, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(1, cable.counters(CableDirection.A_TO_B).mtuCapped());
        assertEquals(2, cable.a().counters().framesOut(), "the sender sent both");
        assertEquals(0, cable.a().counters().totalDrops());
        assertEquals(0, cable.b().counters().totalDrops(), "silently: no adapter saw it");
    }

    @Test
    void shouldCapThePayloadNotTheEthernetHeader() {
        LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.ETHERNET)
                .impairments(Impairments.builder().mtuCap(576).build()).build();
        cable.a().transmit(TestFrames.numbered(1, 14 + 577), 0, 14 + 577);
        cable.a().transmit(TestFrames.numbered(2, 14 + 576), 0, 14 + 576);

        assertEquals(14 + 576, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(-1, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(1, cable.counters(CableDirection.A_TO_B).mtuCapped());
    }

    @Test
    void shouldStillSpendTheLineTimeOfACappedFrame() {
        LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP)
                .impairments(Impairments.builder().baud(115_200).mtuCap(50).build()).build();
        cable.a().transmit(TestFrames.plain(100), 0, 100);
        cable.a().transmit(TestFrames.plain(40), 0, 40);

        // The 100-byte frame crossed the sender's line (102 bytes) before vanishing; the 40-byte
        // one (42 bytes) follows it: 1440 bit-times = 12 500 000 ns.
        assertEquals(12_500_000, cable.b().nextEventNanos());
        clock.set(12_500_000);
        assertEquals(40, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(Clock.NEVER, cable.b().nextEventNanos());
    }

    @Test
    void shouldCapEachDirectionOnItsOwn() {
        LoopbackCable cable = LoopbackCable.builder(clock)
                .impairments(CableDirection.B_TO_A, Impairments.builder().mtuCap(100).build()).build();
        cable.a().transmit(TestFrames.numbered(1, 1500), 0, 1500);
        cable.b().transmit(TestFrames.numbered(2, 1500), 0, 1500);

        assertEquals(1500, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(-1, cable.a().receive(buffer, 0, buffer.length));
        assertEquals(0, cable.counters(CableDirection.A_TO_B).mtuCapped());
        assertEquals(1, cable.counters(CableDirection.B_TO_A).mtuCapped());
    }
}
