package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.SystemClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.Medium;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The receiver takes queued frames without the lane's lock while the sender keeps adding them
 * (and, with the slot pool exhausted, moves arrivals into the queue itself): over an unpaced,
 * unframed cable with a small queue and pool, where both happen thousands of times, every frame
 * that arrives must be whole and in order, and every frame sent either arrives or is counted as
 * dropped.
 */
class ConcurrentReceiveTest {
    private static final int FRAMES = 200_000;

    @Test
    void shouldDeliverWholeFramesInOrderWhileTheSenderRacesTheReceiver() throws Exception {
        LoopbackCable cable = LoopbackCable.builder(SystemClock.INSTANCE).unframed(Medium.IP).mtu(1500)
                .inFlightFrames(16).receiveQueueFrames(8).build();
        LanAdapter sender = cable.a();
        LanAdapter receiver = cable.b();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread send = new Thread(() -> {
            byte[] frame = new byte[sender.maxFrameLength()];
            for (int i = 0; i < FRAMES && failure.get() == null; ) {
                int len = fill(frame, i);
                if (sender.transmit(frame, 0, len)) {
                    i++;
                } else {
                    Thread.onSpinWait();
                }
            }
        }, "sender");
        send.start();
        long received = 0;
        long last = -1;
        byte[] buffer = new byte[receiver.maxFrameLength()];
        byte[] expected = new byte[buffer.length];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (send.isAlive() || received + drops(receiver) < FRAMES) {
            assertTrue(System.nanoTime() < deadline, "timed out after " + received + " frames");
            int n = receiver.receive(buffer, 0, buffer.length);
            if (n < 0) {
                Thread.onSpinWait();
                continue;
            }
            int index = (buffer[0] & 0xFF) << 24 | (buffer[1] & 0xFF) << 16 | (buffer[2] & 0xFF) << 8 | buffer[3] & 0xFF;
            assertTrue(index > last, "frame " + index + " after " + last);
            int len = fill(expected, index);
            assertEquals(len, n, "length of frame " + index);
            for (int k = 0; k < n; k++) {
                if (expected[k] != buffer[k]) {
                    throw new AssertionError("frame " + index + " differs at byte " + k);
                }
            }
            last = index;
            received++;
        }
        send.join();
        assertEquals(FRAMES, received + drops(receiver), "every frame arrived or was counted as dropped");
        assertEquals(received, receiver.counters().framesIn());
        // The sender outruns a receiver that checks every byte, so many are dropped; enough must
        // arrive, and enough be dropped, that both the lock-free take and a full queue were met.
        assertTrue(received >= 1000 && drops(receiver) >= 1000, received + " arrived, " + drops(receiver) + " dropped");
        cable.close();
    }

    private static long drops(LanAdapter end) {
        return end.counters().drops(DropReason.RX_QUEUE_FULL);
    }

    /** Frame {@code i}: its index, then bytes that depend on it, 20..1500 bytes long. */
    private static int fill(byte[] frame, int i) {
        int len = 20 + (int) (((i * 2654435761L) >>> 7) % 1481);
        frame[0] = (byte) (i >>> 24);
        frame[1] = (byte) (i >>> 16);
        frame[2] = (byte) (i >>> 8);
        frame[3] = (byte) i;
        for (int k = 4; k < len; k++) {
            frame[k] = (byte) (i * 31 + k);
        }
        return len;
    }
}
