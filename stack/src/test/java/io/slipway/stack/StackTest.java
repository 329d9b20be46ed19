package io.slipway.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slipway.base.Clock;
import io.slipway.base.Timer;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.ReplayAdapter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackTest {
    private final Stack stack = new Stack("h1", new StackConfig(1, 8, 4096));

    @Test
    void shouldHaveNothingToDoWhenEmpty() {
        stack.poll(0);
        assertEquals(Clock.NEVER, stack.nextDeadline());
    }

    @Test
    void shouldReportTheEarliestTimerAsNextDeadline() {
        stack.timers().schedule(new Timer(now -> { }), 5_000);
        stack.timers().schedule(new Timer(now -> { }), 2_000);
        assertEquals(2_000, stack.nextDeadline());
    }

    @Test
    void shouldRunOnlyTimersThatAreDue() {
        List<Long> fired = new ArrayList<>();
        stack.timers().schedule(new Timer(fired::add), 1_000);
        stack.timers().schedule(new Timer(fired::add), 3_000);

        stack.poll(999);
        assertEquals(List.of(), fired);
        stack.poll(2_000);
        assertEquals(List.of(2_000L), fired);
        assertEquals(3_000, stack.nextDeadline());
    }

    @Test
    void shouldRefuseMoreInterfacesThanConfigured() {
        Stack tiny = new Stack("h2", new StackConfig(1, 1, 4096));
        tiny.attach(noLink());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> tiny.attach(noLink()));
        assertEquals("h2: no room for another interface (max 1)", e.getMessage());
    }

    /** An adapter with no link at all, for tests about the stack's own bookkeeping. */
    private static ReplayAdapter noLink() {
        ReplayAdapter adapter = new ReplayAdapter("null", Medium.IP, 1006);
        adapter.setLinkUp(false);
        adapter.setCanTransmit(false);
        return adapter;
    }
}
