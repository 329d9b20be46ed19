package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.framing.Framing;
import org.junit.jupiter.api.Test;

/**
 * Baud-rate pacing: 10 bit-times per wire byte (8N1), the framing's bytes included, each frame
 * starting when the line is free and arriving when its last bit has crossed plus the propagation
 * delay. Durations are rounded up to whole nanoseconds.
 */
class PacingTest {
    private static final int BAUD = 115_200;
    /** 102 wire bytes = 1020 bit-times = 8 854 166.7 ns at 115200 baud, rounded up. */
    private static final long SLIP_100_PLAIN_NANOS = 8_854_167;

    private final ManualClock clock = new ManualClock();
    private final byte[] buffer = new byte[2000];

    private LoopbackCable cable(Framing framing, Impairments impairments) {
        LoopbackCable.Builder builder = LoopbackCable.builder(clock).impairments(impairments);
        if (framing != null) {
            builder.framing(framing);
        }
        return builder.build();
    }

    private static Impairments baud(int baud) {
        return Impairments.builder().baud(baud).build();
    }

    @Test
    void shouldDeliverA100ByteSlipFrameWhenItsLastBitHasCrossed() {
        LoopbackCable cable = cable(Framing.SLIP, baud(BAUD));
        byte[] frame = TestFrames.plain(100);
        assertEquals(102, Framing.SLIP.newEncoder().wireLength(frame, 0, 100), "END + 100 bytes + END");

        cable.a().transmit(frame, 0, frame.length);

        assertEquals(SLIP_100_PLAIN_NANOS, cable.b().nextEventNanos());
        clock.set(SLIP_100_PLAIN_NANOS - 1);
        assertEquals(-1, cable.b().receive(buffer, 0, buffer.length), "one nanosecond early");
        clock.set(SLIP_100_PLAIN_NANOS);
        assertEquals(100, cable.b().receive(buffer, 0, buffer.length));
        assertArrayEquals(frame, java.util.Arrays.copyOf(buffer, 100));
        assertEquals(Clock.NEVER, cable.b().nextEventNanos());
        assertEquals(Clock.NEVER, cable.a().nextEventNanos());
    }

    @Test
    void shouldCountTheWireBytesOfEachDirectionEscapesAndLostFramesIncluded() {
        LoopbackCable cable = cable(Framing.SLIP, Impairments.builder().baud(BAUD).loss(1.0).build());
        byte[] frame = TestFrames.plain(100);
        frame[10] = (byte) 0xC0; // END and ESC inside the frame cost a byte more each
        frame[20] = (byte) 0xDB;

        cable.a().transmit(frame, 0, frame.length);
        cable.a().transmit(frame, 0, frame.length);

        assertEquals(2 * (2 + 100 + 2), cable.counters(CableDirection.A_TO_B).wireBytes(),
                "two lost frames still took their time on the line");
        assertEquals(0, cable.counters(CableDirection.B_TO_A).wireBytes());
    }

    @Test
    void shouldQueueBackToBackFramesBehindEachOther() {
        LoopbackCable cable = cable(Framing.SLIP, baud(BAUD));
        byte[] frame = TestFrames.plain(100);
        cable.a().transmit(frame, 0, frame.length);
        cable.a().transmit(frame, 0, frame.length);
        cable.a().transmit(frame, 0, frame.length);

        // 1020, 2040 and 3060 bit-times, each rounded up once: no rounding error accumulates.
        assertArrivals(cable.b(), SLIP_100_PLAIN_NANOS, 17_708_334, 26_562_500);
    }

    @Test
    void shouldAddThePropagationDelay() {
        long delay = 1_000_000;
        LoopbackCable cable = cable(Framing.SLIP,
                Impairments.builder().baud(BAUD).propagationDelayNanos(delay).build());
        byte[] frame = TestFrames.plain(100);
        cable.a().transmit(frame, 0, frame.length);
        cable.a().transmit(frame, 0, frame.length);

        // The delay adds to each arrival but does not hold the line: the second frame still
        // follows the first one frame-time later.
        assertArrivals(cable.b(), SLIP_100_PLAIN_NANOS + delay, 17_708_334 + delay);
    }

    @Test
    void shouldStartAFrameWhenItIsSentIfTheLineIsIdle() {
        LoopbackCable cable = cable(Framing.SLIP, baud(BAUD));
        byte[] frame = TestFrames.plain(100);
        cable.a().transmit(frame, 0, frame.length);
        clock.set(20_000_000);
        assertEquals(100, cable.b().receive(buffer, 0, buffer.length));

        cable.a().transmit(frame, 0, frame.length);

        assertArrivals(cable.b(), 20_000_000 + SLIP_100_PLAIN_NANOS);
    }

    @Test
    void shouldCountSlipEscapesOnTheWire() {
        LoopbackCable cable = cable(Framing.SLIP, baud(BAUD));
        byte[] frame = TestFrames.plain(100);
        frame[10] = (byte) 0xC0;
        frame[20] = (byte) 0xDB;
        assertEquals(104, Framing.SLIP.newEncoder().wireLength(frame, 0, 100));

        cable.a().transmit(frame, 0, frame.length);

        // 1040 bit-times: 9 027 777.8 ns, rounded up.
        assertArrivals(cable.b(), 9_027_778);
    }

    @Test
    void shouldCountTheEthernetFrameCheckSequenceOnTheWire() {
        LoopbackCable cable = cable(Framing.ETHERNET, baud(BAUD));
        byte[] frame = TestFrames.plain(100);
        int wire = Framing.ETHERNET.newEncoder().wireLength(frame, 0, 100);
        assertEquals(106, wire, "END + 100 bytes + 4 FCS bytes (none escaped for this frame) + END");

        cable.a().transmit(frame, 0, frame.length);

        // 1060 bit-times: 9 201 388.9 ns, rounded up.
        assertArrivals(cable.b(), 9_201_389);
    }

    @Test
    void shouldPaceAnUnframedFrameByItsOwnLength() {
        LoopbackCable cable = cable(null, baud(BAUD));
        byte[] frame = TestFrames.plain(100);

        cable.a().transmit(frame, 0, frame.length);

        // 1000 bit-times: 8 680 555.6 ns, rounded up.
        assertArrivals(cable.b(), 8_680_556);
    }

    @Test
    void shouldDeliverAtOnceWhenUnpaced() {
        LoopbackCable cable = cable(Framing.SLIP, Impairments.PERFECT);
        clock.set(5_000);
        byte[] frame = TestFrames.plain(1500);

        cable.a().transmit(frame, 0, frame.length);

        assertEquals(5_000, cable.b().nextEventNanos());
        assertEquals(1500, cable.b().receive(buffer, 0, buffer.length));
    }

    @Test
    void shouldPaceEachDirectionOnItsOwnLine() {
        LoopbackCable cable = cable(Framing.SLIP, baud(BAUD));
        byte[] frame = TestFrames.plain(100);
        cable.a().transmit(frame, 0, frame.length);
        cable.b().transmit(frame, 0, frame.length);

        // Full duplex: neither direction waits for the other.
        clock.set(SLIP_100_PLAIN_NANOS - 1);
        assertEquals(-1, cable.a().receive(buffer, 0, buffer.length));
        assertEquals(-1, cable.b().receive(buffer, 0, buffer.length));
        clock.set(SLIP_100_PLAIN_NANOS);
        assertEquals(100, cable.a().receive(buffer, 0, buffer.length));
        assertEquals(100, cable.b().receive(buffer, 0, buffer.length));
    }

    @Test
    void shouldPaceEachDirectionAtItsOwnRate() {
        LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP)
                .impairments(baud(BAUD), baud(9600)).build();
        byte[] frame = TestFrames.plain(100);
        cable.a().transmit(frame, 0, frame.length);
        cable.b().transmit(frame, 0, frame.length);

        assertArrivals(cable.b(), SLIP_100_PLAIN_NANOS);
        // b->a at 9600 baud: 1020 bit-times take 106.25 ms.
        assertArrivals(cable.a(), 106_250_000);
    }

    /** Checks that frames reach {@code end} exactly at {@code times}, not a nanosecond earlier. */
    private void assertArrivals(LanAdapter end, long... times) {
        for (long t : times) {
            assertEquals(t, end.nextEventNanos(), "next arrival");
            clock.set(t - 1);
            assertEquals(-1, end.receive(buffer, 0, buffer.length), "nothing before " + t);
            clock.set(t);
            assertEquals(true, end.receive(buffer, 0, buffer.length) >= 0, "a frame at " + t);
        }
    }
}
