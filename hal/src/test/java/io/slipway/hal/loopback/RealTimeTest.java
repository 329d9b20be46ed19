package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.base.SystemClock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.framing.Framing;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Real time: two stacks, each on its own thread, poll their end and then sleep until its next
 * event or a wake-up, as the runtime's stack thread does. The cable has no thread: it wakes the
 * receiver when it puts a frame in flight, and the sleepers rely on nextEventNanos() for the rest.
 */
class RealTimeTest {
    private static final int FRAMES = 300;
    /** Longer than the whole run: a missed wake-up or a wrong next event shows as a timeout. */
    private static final long LONGEST_SLEEP = TimeUnit.SECONDS.toNanos(30);

    @Test
    void shouldWakeTheReceiverWhenAFrameIsPutInFlight() {
        LoopbackCable cable = LoopbackCable.builder(new ManualClock())
                .impairments(Impairments.builder().loss(1.0).build(), Impairments.PERFECT).build();
        Runnable wakeA = mock(Runnable.class);
        Runnable wakeB = mock(Runnable.class);
        cable.a().setWakeup(wakeA);
        cable.b().setWakeup(wakeB);

        cable.b().transmit(new byte[20], 0, 20);
        verify(wakeA).run();
        cable.a().transmit(new byte[20], 0, 20);
        verify(wakeB, never()).run();
    }

    @Test
    void shouldExchangeFramesBetweenTwoThreadsOnAPacedLine() throws Exception {
        LoopbackCable cable = LoopbackCable.builder(SystemClock.INSTANCE).framing(Framing.SLIP).mtu(256)
                .transmitQueueFrames(4)
                .impairments(Impairments.builder().baud(2_000_000).propagationDelayNanos(200_000).build())
                .build();
        byte[][] frames = TestFrames.mixed(FRAMES, 20, 256, 13);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread a = stack(cable.a(), frames, failure);
        Thread b = stack(cable.b(), frames, failure);
        a.join(TimeUnit.SECONDS.toMillis(20));
        b.join(TimeUnit.SECONDS.toMillis(20));
        boolean timedOut = a.isAlive() || b.isAlive();
        cable.close();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertTrue(!timedOut, "timed out: " + cable);
        assertEquals(FRAMES, cable.a().counters().framesIn());
        assertEquals(FRAMES, cable.b().counters().framesIn());
    }

    /** A stack thread: sends every frame, checks every frame received, sleeps between events. */
    private static Thread stack(LanAdapter end, byte[][] frames, AtomicReference<Throwable> failure) {
        Thread t = new Thread(() -> {
            try {
                Thread self = Thread.currentThread();
                end.setWakeup(() -> LockSupport.unpark(self));
                byte[] buffer = new byte[end.maxFrameLength()];
                int sent = 0;
                int received = 0;
                while ((sent < frames.length || received < frames.length) && failure.get() == null) {
                    while (sent < frames.length && end.transmit(frames[sent], 0, frames[sent].length)) {
                        sent++;
                    }
                    for (int n = end.receive(buffer, 0, buffer.length); n >= 0;
                            n = end.receive(buffer, 0, buffer.length)) {
                        assertArrayEquals(frames[received], Arrays.copyOf(buffer, n), end.name() + " frame " + received);
                        received++;
                    }
                    long next = end.nextEventNanos();
                    long sleep = next == Clock.NEVER ? LONGEST_SLEEP : next - System.nanoTime();
                    if (sleep > 0 && (received < frames.length || sent < frames.length)) {
                        LockSupport.parkNanos(Math.min(sleep, LONGEST_SLEEP));
                    }
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, end.name());
        t.setDaemon(true);
        t.start();
        return t;
    }
}
