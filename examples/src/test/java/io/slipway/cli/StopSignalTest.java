package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StopSignalTest {
    @Test
    void shouldRunEachListenerOnceWhenRaisedAndLateOnesAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (StopSignal stop = StopSignal.manual()) {
            stop.onRaise(calls::incrementAndGet);
            assertFalse(stop.isRaised());
            assertFalse(stop.await(1_000_000));

            stop.raise();
            stop.raise();
            assertEquals(1, calls.get());
            assertTrue(stop.isRaised());
            assertTrue(stop.await(0));

            stop.onRaise(calls::incrementAndGet);
            assertEquals(2, calls.get());
        }
    }

    @Test
    void shouldRemoveItsShutdownHookWhenClosed() {
        StopSignal stop = StopSignal.onShutdown();
        stop.finish(Slipway.EXIT_OK);
        stop.close();
        stop.close(); // idempotent: removing a removed hook is harmless
        assertFalse(stop.isRaised());
    }
}
