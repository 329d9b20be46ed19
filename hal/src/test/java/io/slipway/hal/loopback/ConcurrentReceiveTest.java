package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.SystemClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.Medium;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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
        long received = race(cable, false);
        assertEquals(FRAMES, received + drops(cable.b()), "every frame arrived or was counted as dropped");
        // The sender outruns a receiver that checks every byte, so many are dropped; enough must
        // arrive, and enough be dropped, that both the lock-free take and a full queue were met.
        assertTrue(received >= 1000 && drops(cable.b()) >= 1000, received + " arrived, " + drops(cable.b()) + " dropped");
        cable.close();
    }

    /**
     * Duplicated frames, copied before the original's array changes hands, on a cable with
     * segmentation offload (slots of 64 KiB): each copy arrives whole, right after its original.
     */
    @Test
    void shouldDeliverDuplicatesWholeWhileTheSenderRacesTheReceiver() throws Exception {
        LoopbackCable cable = LoopbackCable.builder(SystemClock.INSTANCE).unframed(Medium.IP).mtu(1500)
                .segmentOffload(65_535).impairments(Impairments.builder().duplication(0.05).build())
                .inFlightFrames(16).receiveQueueFrames(8).seed(3).build();
        long received = race(cable, false);
        long duplicated = cable.counters(CableDirection.A_TO_B).duplicated();
        assertTrue(duplicated > 1000, "duplicated: " + duplicated);
        assertEquals(FRAMES + duplicated, received + drops(cable.b()), "every copy arrived or was counted as dropped");
        cable.close();
    }

    /** A third thread unplugs and plugs the cable throughout: what was lost is counted, what arrives is whole. */
    @Test
    void shouldStayWholeAndAccountedWhileTheLinkFlaps() throws Exception {
        LoopbackCable cable = LoopbackCable.builder(SystemClock.INSTANCE).unframed(Medium.IP).mtu(1500)
                .inFlightFrames(16).receiveQueueFrames(8).build();
        long received = race(cable, true);
        long lostInFlight = cable.counters(CableDirection.A_TO_B).linkDownLost();
        long refusedDown = cable.a().counters().drops(DropReason.LINK_DOWN);
        assertTrue(lostInFlight + refusedDown > 0, "the link never went down under traffic");
        assertEquals(FRAMES, received + drops(cable.b()) + lostInFlight + refusedDown,
                "every frame arrived or was counted: dropped, lost in flight or refused while down");
        cable.close();
    }

    /**
     * Sends {@link #FRAMES} frames from one thread while this one receives and checks them (and,
     * with {@code flap}, a third toggles the link); returns the frames received.
     */
    private static long race(LoopbackCable cable, boolean flap) throws Exception {
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
        Thread flapper = new Thread(() -> {
            while (send.isAlive()) {
                cable.setLinkUp(false);
                Thread.onSpinWait();
                cable.setLinkUp(true);
                LockSupport.parkNanos(200_000);
            }
        }, "flapper");
        send.start();
        if (flap) {
            flapper.start();
        }
        long received = 0;
        long last = -1;
        byte[] buffer = new byte[receiver.maxFrameLength()];
        byte[] expected = new byte[buffer.length];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (send.isAlive() || flapper.isAlive() || cable.framesWaiting(CableDirection.A_TO_B) > 0
                || cable.framesInFlight(CableDirection.A_TO_B) > 0) {
            assertTrue(System.nanoTime() < deadline, "timed out after " + received + " frames");
            int n = receiver.receive(buffer, 0, buffer.length);
            if (n < 0) {
                Thread.onSpinWait();
                continue;
            }
            int index = (buffer[0] & 0xFF) << 24 | (buffer[1] & 0xFF) << 16 | (buffer[2] & 0xFF) << 8 | buffer[3] & 0xFF;
            assertTrue(index >= last, "frame " + index + " after " + last); // a duplicate follows its original
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
        flapper.join();
        assertEquals(received, receiver.counters().framesIn());
        return received;
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
