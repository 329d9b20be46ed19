package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.PacketBuffer;
import io.slipway.base.SystemClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.Medium;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The receiver takes queued frames without the lane's lock while the sender keeps adding them
 * (and, with the slot pool exhausted, moves arrivals into the queue itself): over an unpaced,
 * unframed cable with a small queue and pool, where both happen thousands of times, every frame
 * that arrives must be whole and in order, and every frame sent either arrives or is counted as
 * dropped.
 */
class ConcurrentReceiveTest {
    private static final int FRAMES = 200_000;
    /** Where the exchanging race's frames start in their arrays. */
    private static final int HEADROOM = 14;

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
     * Duplicated frames on a cable with segmentation offload (slots of 64 KiB): each copy arrives
     * whole, right after its original. The duplicate is copied before the original's array changes
     * hands; with {@code exchange} the frames also cross by exchanging arrays, the sender writing
     * each frame into whatever array its buffer holds, so an array still in the receiver's hands,
     * or still queued, would show as a damaged frame.
     */
    @ParameterizedTest(name = "exchange {0}")
    @ValueSource(booleans = {false, true})
    void shouldDeliverDuplicatesWholeWhileTheSenderRacesTheReceiver(boolean exchange) throws Exception {
        LoopbackCable.Builder builder = LoopbackCable.builder(SystemClock.INSTANCE).unframed(Medium.IP).mtu(1500)
                .segmentOffload(65_535).impairments(Impairments.builder().duplication(0.05).build())
                .inFlightFrames(16).receiveQueueFrames(8).seed(exchange ? 5 : 3);
        LoopbackCable cable = (exchange ? builder.exchangeArrays() : builder).build();
        long received = race(cable, false, exchange);
        long duplicated = cable.counters(CableDirection.A_TO_B).duplicated();
        assertTrue(duplicated > 1000, "duplicated: " + duplicated);
        assertEquals(FRAMES + duplicated, received + drops(cable.b()), "every copy arrived or was counted as dropped");
        cable.close();
    }

    /**
     * Arrays change hands on a hostile line (loss, duplication, reordering, an MTU cap) that a
     * third thread unplugs and plugs throughout: a frame the cable refuses stays in its own
     * array, and a frame the receiver holds does not change under it (checked twice, a little
     * apart, as a stack works on a frame for a while).
     */
    @Test
    void shouldKeepFramesWholeWhileArraysChangeHandsOnAHostileFlappingLine() throws Exception {
        LoopbackCable cable = LoopbackCable.builder(SystemClock.INSTANCE).unframed(Medium.IP).mtu(1500)
                .segmentOffload(65_535).exchangeArrays().impairments(Impairments.builder().duplication(0.05)
                        .loss(0.02).reorder(0.05, 20_000).mtuCap(1200).build())
                .transmitQueueFrames(4).inFlightFrames(8).receiveQueueFrames(4).seed(7).build();
        long received = race(cable, true, true);
        CableCounters line = cable.counters(CableDirection.A_TO_B);
        assertTrue(received > 1000 && line.lost() > 0 && line.reordered() > 0 && line.mtuCapped() > 0
                && line.duplicated() > 0, received + " received; " + line);
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
        return race(cable, flap, false);
    }

    /** {@code exchange}: send and receive with exchangeable buffers, frames {@link #HEADROOM} bytes in. */
    private static long race(LoopbackCable cable, boolean flap, boolean exchange) throws Exception {
        LanAdapter sender = cable.a();
        LanAdapter receiver = cable.b();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread send = new Thread(() -> {
            byte[] frame = new byte[sender.maxFrameLength()];
            PacketBuffer tx = PacketBuffer.exchangeable(HEADROOM);
            for (int i = 0; i < FRAMES && failure.get() == null; ) {
                boolean taken;
                if (exchange) {
                    // Written into the array the buffer holds now: the one the cable last gave it.
                    tx.reset(HEADROOM);
                    byte[] mine = tx.data();
                    tx.append(fill(mine, HEADROOM, i));
                    taken = sender.transmit(tx);
                    if (!taken && tx.data() != mine) {
                        failure.set(new AssertionError("frame " + i + " was refused, yet its array was taken"));
                    }
                } else {
                    taken = sender.transmit(frame, 0, fill(frame, i));
                }
                if (taken) {
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
        boolean reordering = reorders(cable);
        byte[] buffer = new byte[receiver.maxFrameLength()];
        PacketBuffer rx = PacketBuffer.exchangeable(HEADROOM);
        byte[] expected = new byte[buffer.length];
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (send.isAlive() || flapper.isAlive() || cable.framesWaiting(CableDirection.A_TO_B) > 0
                    || cable.framesInFlight(CableDirection.A_TO_B) > 0) {
                assertTrue(System.nanoTime() < deadline, "timed out after " + received + " frames");
                int n = exchange ? receiver.receive(rx, HEADROOM) : receiver.receive(buffer, 0, buffer.length);
                if (n < 0) {
                    Thread.onSpinWait();
                    continue;
                }
                byte[] got = exchange ? rx.data() : buffer;
                int at = exchange ? rx.offset() : 0;
                int index = (got[at] & 0xFF) << 24 | (got[at + 1] & 0xFF) << 16 | (got[at + 2] & 0xFF) << 8
                        | got[at + 3] & 0xFF;
                    // A duplicate follows its original; a reordered frame may come after later ones.
                assertTrue(index >= last || reordering, "frame " + index + " after " + last);
                int len = fill(expected, index);
                assertEquals(len, n, "length of frame " + index);
                for (int check = exchange ? 2 : 1; check > 0; check--) {
                    for (int k = 0; k < n; k++) {
                        if (expected[k] != got[at + k]) {
                            throw new AssertionError("frame " + index + " differs at byte " + k
                                    + (check == 1 && exchange ? ", changed while held" : ""));
                        }
                    }
                    if (check > 1) {
                        long until = System.nanoTime() + 2_000; // held a while, then looked at again
                        while (System.nanoTime() - until < 0) {
                            Thread.onSpinWait();
                        }
                    }
                }
                last = index;
                received++;
            }
        } catch (AssertionError | RuntimeException e) {
            failure.set(e); // stops the sender, so that it does not run on into the next test
            throw e;
        } finally {
            send.join();
            flapper.join();
        }
        assertEquals(received, receiver.counters().framesIn());
        return received;
    }

    private static boolean reorders(LoopbackCable cable) {
        return cable.impairments(CableDirection.A_TO_B).reorder() > 0;
    }

    private static long drops(LanAdapter end) {
        return end.counters().drops(DropReason.RX_QUEUE_FULL);
    }

    /** Frame {@code i}: its index, then bytes that depend on it, 20..1500 bytes long. */
    private static int fill(byte[] frame, int i) {
        return fill(frame, 0, i);
    }

    /** Frame {@code i} written {@code at} bytes into {@code array}; returns its length. */
    private static int fill(byte[] array, int at, int i) {
        int len = 20 + (int) (((i * 2654435761L) >>> 7) % 1481);
        array[at] = (byte) (i >>> 24);
        array[at + 1] = (byte) (i >>> 16);
        array[at + 2] = (byte) (i >>> 8);
        array[at + 3] = (byte) i;
        for (int k = 4; k < len; k++) {
            array[at + k] = (byte) (i * 31 + k);
        }
        return len;
    }
}
