package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Clock;
import org.junit.jupiter.api.Test;

/** The paced line under the transmit queue: timing, rounding and the queue bound. */
class TransmitLineTest {
    @Test
    void shouldFinishAFrameTenBitTimesPerByteLaterRoundedUp() {
        TransmitLine line = new TransmitLine(115_200, 4);
        assertEquals(8_854_167, line.send(0, 102), "1020 bit-times = 8 854 166.7 ns");
    }

    @Test
    void shouldKeepExactTimesExact() {
        TransmitLine line = new TransmitLine(10_000, 4);
        assertEquals(1_000_000, line.send(0, 1));
        assertEquals(2_000_000, line.send(0, 1));
    }

    @Test
    void shouldNotAccumulateRoundingOverALongBusyStretch() {
        TransmitLine line = new TransmitLine(115_200, 1 << 16);
        long end = 0;
        for (int i = 0; i < 11_520; i++) {
            end = line.send(0, 10);
        }
        // 11 520 frames of 100 bit-times: exactly 10 seconds of line.
        assertEquals(10_000_000_000L, end);
    }

    @Test
    void shouldStartAFrameOnAnIdleLineWhenItIsSent() {
        TransmitLine line = new TransmitLine(115_200, 4);
        line.send(0, 102);
        assertEquals(1_000_000_000 + 8_854_167, line.send(1_000_000_000, 102));
    }

    @Test
    void shouldFollowTheClockOnAnyOrigin() {
        TransmitLine line = new TransmitLine(115_200, 4);
        // System.nanoTime() may be negative.
        assertEquals(-1_000_000_000_000L + 8_854_167, line.send(-1_000_000_000_000L, 102));
    }

    @Test
    void shouldHoldAFrameInTheQueueUntilItsLastByteHasLeft() {
        TransmitLine line = new TransmitLine(115_200, 2);
        long first = line.send(0, 102);
        long second = line.send(0, 102);

        line.retire(0);
        assertTrue(line.isFull());
        assertEquals(first, line.oldestDepartureNanos());
        line.retire(first - 1);
        assertTrue(line.isFull());
        line.retire(first);
        assertFalse(line.isFull());
        assertEquals(second, line.oldestDepartureNanos());
        line.retire(second);
        assertEquals(Clock.NEVER, line.oldestDepartureNanos());
    }

    @Test
    void shouldSendAtOnceAndQueueNothingWhenUnpaced() {
        TransmitLine line = new TransmitLine(0, 1);
        assertEquals(42, line.send(42, 1500));
        assertEquals(42, line.send(42, 1500));
        assertFalse(line.isFull());
        assertEquals(Clock.NEVER, line.oldestDepartureNanos());
    }

    @Test
    void shouldFreeTheLineWhenCleared() {
        TransmitLine line = new TransmitLine(115_200, 2);
        line.send(0, 102);
        line.send(0, 102);
        line.clear();
        assertEquals(Clock.NEVER, line.oldestDepartureNanos());
        assertEquals(1_000 + 8_854_167, line.send(1_000, 102));
    }
}
