package io.slipway.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ManualClockTest {
    @Test
    void shouldStartWhereTold() {
        assertEquals(0, new ManualClock().nanos());
        assertEquals(-5, new ManualClock(-5).nanos());
        assertEquals(1_000, new ManualClock(1_000).nanos());
    }

    @Test
    void shouldMoveOnlyWhenTold() {
        ManualClock clock = new ManualClock(10);
        assertEquals(10, clock.nanos());
        assertEquals(10, clock.nanos());
        clock.advance(5);
        assertEquals(15, clock.nanos());
        clock.advance(0);
        assertEquals(15, clock.nanos());
        clock.set(100);
        assertEquals(100, clock.nanos());
        clock.set(100);
        assertEquals(100, clock.nanos());
        clock.advanceMillis(3);
        assertEquals(3_000_100, clock.nanos());
    }

    @Test
    void shouldRefuseToGoBackwardsAndStayPut() {
        ManualClock clock = new ManualClock(100);
        assertThrows(IllegalArgumentException.class, () -> clock.advance(-1));
        assertThrows(IllegalArgumentException.class, () -> clock.set(99));
        assertThrows(IllegalArgumentException.class, () -> clock.advanceMillis(-1));
        assertEquals(100, clock.nanos());
    }

    /** "Time never goes backwards": an advance past Long.MAX_VALUE must not wrap to a negative time. */
    @Test
    void shouldRefuseAnAdvanceThatWouldWrapAround() {
        ManualClock clock = new ManualClock(10);
        assertThrows(ArithmeticException.class, () -> clock.advance(Long.MAX_VALUE));
        assertThrows(ArithmeticException.class, () -> clock.advanceMillis(Long.MAX_VALUE / 1_000));
        assertEquals(10, clock.nanos());
    }

    @Test
    void shouldReachNeverWhenSetThere() {
        ManualClock clock = new ManualClock();
        clock.set(Clock.NEVER);
        assertEquals(Clock.NEVER, clock.nanos());
    }
}
