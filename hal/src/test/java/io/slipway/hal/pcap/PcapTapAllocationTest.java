package io.slipway.hal.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;
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

    /** An adapter that allocates nothing: takes every frame, always has one 60-byte frame to give. */
    private static final class FixedAdapter implements LanAdapter {
        private final LinkCounters counters = new LinkCounters();

        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public Medium medium() {
            return Medium.ETHERNET;
        }

        @Override
        public int mtu() {
            return 1500;
        }

        @Override
        public boolean isLinkUp() {
            return true;
        }

        @Override
        public boolean canTransmit() {
            return true;
        }

        @Override
        public boolean transmit(byte[] frame, int off, int len) {
            counters.transmitted(len);
            return true;
        }

        @Override
        public int receive(byte[] into, int off, int maxLen) {
            counters.received(60);
            return 60;
        }

        @Override
        public long nextEventNanos() {
            return Clock.NEVER;
        }

        @Override
        public void setWakeup(Runnable wakeup) {
        }

        @Override
        public LinkCounters counters() {
            return counters;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void shouldNotAllocatePerFrame() throws IOException {
        ManualClock clock = new ManualClock();
        FixedAdapter inner = new FixedAdapter();
        PcapWriter writer = new PcapWriter(new BufferedOutputStream(OutputStream.nullOutputStream(), 65536),
                PcapLinkType.ETHERNET, 65535);
        PcapTap tap = new PcapTap(inner, writer, clock, 0);
        byte[] frame = new byte[1514];
        Runnable traffic = () -> {
            rounds++;
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
