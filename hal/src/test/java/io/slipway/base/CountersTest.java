package io.slipway.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountersTest {
    private enum Event {
        FRAME_IN, BAD_CHECKSUM, TOO_LONG
    }

    @Test
    void shouldStartAtZero() {
        Counters<Event> c = new Counters<>(Event.class);
        for (Event e : Event.values()) {
            assertEquals(0, c.get(e));
        }
        assertEquals(0, c.total());
        assertEquals("{}", c.toString());
    }

    @Test
    void shouldCountEachNameApart() {
        Counters<Event> c = new Counters<>(Event.class);
        c.increment(Event.FRAME_IN);
        c.increment(Event.FRAME_IN);
        c.add(Event.TOO_LONG, 40);
        assertEquals(2, c.get(Event.FRAME_IN));
        assertEquals(0, c.get(Event.BAD_CHECKSUM));
        assertEquals(40, c.get(Event.TOO_LONG));
        assertEquals(42, c.total());
    }

    @Test
    void shouldHoldValuesBeyondIntRange() {
        Counters<Event> c = new Counters<>(Event.class);
        c.add(Event.FRAME_IN, 3L << 32);
        c.add(Event.FRAME_IN, 1);
        assertEquals((3L << 32) + 1, c.get(Event.FRAME_IN));
    }

    @Test
    void shouldListOnlyNonZeroCountersInLowerCaseInDeclarationOrder() {
        Counters<Event> c = new Counters<>(Event.class);
        c.add(Event.TOO_LONG, 3);
        c.increment(Event.FRAME_IN);
        assertEquals("{frame_in=1, too_long=3}", c.toString());
    }

    /** One writer thread, one reader: the reader must eventually see the final value (opaque writes). */
    @Test
    void shouldShowAnotherThreadsCountsAfterItFinishes() throws Exception {
        Counters<Event> c = new Counters<>(Event.class);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 1_000_000; i++) {
                c.increment(Event.FRAME_IN);
            }
        });
        writer.start();
        writer.join(30_000);
        assertEquals(1_000_000, c.get(Event.FRAME_IN));
    }
}
