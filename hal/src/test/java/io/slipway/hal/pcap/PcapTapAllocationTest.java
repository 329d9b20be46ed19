package io.slipway.hal.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.ReplayAdapter;
import io.slipway.testing.SteadyState;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "Memory": a tap on the stack thread's path must not allocate per frame; a round of
 * traffic allocates exactly 0 bytes once warm ({@link SteadyState}).
 */
class PcapTapAllocationTest {
    /** Frames each way per round. */
    private static final int FRAMES = 100_000;

    /** Rounds run, warm-up and measured. */
    private int rounds;

    @Test
    void shouldNotAllocatePerFrame() throws IOException {
        ManualClock clock = new ManualClock();
        // takes every frame; has one 60-byte frame to give for each of the round's receives
        ReplayAdapter inner = new ReplayAdapter("fixed", Medium.ETHERNET, 1500);
        PcapWriter writer = new PcapWriter(new BufferedOutputStream(OutputStream.nullOutputStream(), 65536),
                PcapLinkType.ETHERNET, 65535);
        PcapTap tap = new PcapTap(inner, writer, clock, 0);
        byte[] frame = new byte[1514];
        Runnable traffic = () -> {
            rounds++;
            inner.replay(60, FRAMES);
            for (int i = 0; i < FRAMES; i++) {
                clock.advance(1_000);
                tap.transmit(frame, 0, 60 + i % 1400);
                tap.receive(frame, 0, frame.length);
            }
        };

        SteadyState.assertAllocatesNothing("capturing frames both ways", FRAMES, traffic);

        // every frame of every round, warm-up and measured, both ways, went into the capture
        assertEquals(2L * FRAMES * rounds, tap.captureCounters().get(PcapTap.Capture.FRAMES));
        assertEquals(0, tap.captureCounters().get(PcapTap.Capture.FRAMES_LOST));
    }
}
