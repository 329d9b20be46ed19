package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.framing.Framing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A seed replays a run exactly, with every impairment on: the same frames, damaged the same way,
 * arriving at the same instants. Each direction draws from its own random stream, so what one
 * direction does is untouched by the other's traffic and by how two threads interleave.
 */
class DeterminismTest {
    private static final Impairments EVERYTHING = Impairments.builder().baud(115_200)
            .propagationDelayNanos(1_000_000).loss(0.05).corruption(0.05).duplication(0.05)
            .reorder(0.05, 20_000_000).mtuCap(1000).build();
    private static final byte[][] TRAFFIC = TestFrames.mixed(2_000, 20, 1100, 12);

    /**
     * What one direction delivered: the frames, what the wire did, and what the receiving adapter
     * took in and dropped (not what it sent: that is the other direction's business).
     */
    private static List<String> outcome(VirtualWire wire, LoopbackCable cable, CableDirection direction) {
        LinkCounters receiver = (direction == CableDirection.A_TO_B ? cable.b() : cable.a()).counters();
        List<String> outcome = new ArrayList<>(wire.receivedHex());
        outcome.add(cable.counters(direction).toString());
        outcome.add("in " + receiver.framesIn() + " frames/" + receiver.bytesIn() + " B");
        for (DropReason reason : DropReason.values()) {
            outcome.add(reason + "=" + receiver.drops(reason));
        }
        return outcome;
    }

    private static List<String> oneWay(long seed) {
        ManualClock clock = new ManualClock();
        LoopbackCable cable = LoopbackCable.builder(clock).seed(seed).framing(Framing.SLIP)
                .impairments(EVERYTHING).build();
        VirtualWire wire = new VirtualWire(clock, cable.a(), cable.b()).send(TRAFFIC, 2_000_000);
        List<String> outcome = outcome(wire, cable, CableDirection.A_TO_B);
        // The same pump on the same seed also sees every frame at the same instant.
        outcome.add(wire.receivedAt.toString());
        return outcome;
    }

    @Test
    void shouldReplayExactlyForTheSameSeed() {
        List<String> first = oneWay(2024);
        assertEquals(first, oneWay(2024));
        // Not vacuous: every impairment did something.
        String counters = first.get(first.size() - 3 - DropReason.values().length);
        for (String event : new String[] {"lost", "corrupted", "duplicated", "reordered", "mtu_capped"}) {
            assertTrue(counters.contains(event), counters);
        }
    }

    @Test
    void shouldDifferForAnotherSeed() {
        assertNotEquals(oneWay(2024), oneWay(2025));
    }

    @Test
    void shouldKeepOneDirectionsOutcomeWhateverTheOtherCarries() {
        ManualClock clock = new ManualClock();
        LoopbackCable cable = LoopbackCable.builder(clock).seed(2024).framing(Framing.SLIP)
                .impairments(EVERYTHING).build();
        VirtualWire ab = new VirtualWire(clock, cable.a(), cable.b());
        VirtualWire ba = new VirtualWire(clock, cable.b(), cable.a());
        // Both directions busy at once, b offering twice as many frames as a. a's frames go at
        // the same instants as when it is alone (b never holds the clock back: what b's full
        // queue refuses is not sent), so a->b must come out the same.
        for (byte[] frame : TRAFFIC) {
            while (!cable.a().transmit(frame, 0, frame.length)) {
                clock.set(Math.max(clock.nanos(), cable.a().nextEventNanos()));
                ab.collect();
                ba.collect();
            }
            cable.b().transmit(frame, 0, frame.length);
            clock.advance(1_000_000);
            ab.collect();
            ba.collect();
            cable.b().transmit(frame, 0, frame.length);
            clock.advance(1_000_000);
            ab.collect();
            ba.collect();
        }
        VirtualWire.drainAll(ab, ba);

        assertTrue(cable.b().counters().framesOut() > 1_000, "b kept its line busy: " + cable.b().counters());
        List<String> alone = oneWay(2024);
        alone.remove(alone.size() - 1);
        assertEquals(alone, outcome(ab, cable, CableDirection.A_TO_B));
    }

    @Test
    void shouldGiveTheSameOutcomeWhenEachEndRunsOnItsOwnThread() throws Exception {
        List<List<String>> reference = twoWays(false);
        List<List<String>> threaded = twoWays(true);
        assertEquals(reference.get(0), threaded.get(0), "a->b");
        assertEquals(reference.get(1), threaded.get(1), "b->a");
    }

    /**
     * Both ends send every frame of the traffic at virtual time 0 while taking what arrives, on
     * two threads or one after the other; then the clock runs until the wire is idle. The queues
     * are large enough that nothing depends on when the receivers get round to receiving.
     */
    private static List<List<String>> twoWays(boolean threads) throws Exception {
        ManualClock clock = new ManualClock();
        Impairments impairments = EVERYTHING.toBuilder().baud(0).build();
        LoopbackCable cable = LoopbackCable.builder(clock).seed(77).framing(Framing.SLIP).mtu(1100)
                .transmitQueueFrames(1).inFlightFrames(TRAFFIC.length)
                .receiveQueueFrames(2 * TRAFFIC.length).impairments(impairments).build();
        VirtualWire ab = new VirtualWire(clock, cable.a(), cable.b());
        VirtualWire ba = new VirtualWire(clock, cable.b(), cable.a());
        if (threads) {
            CountDownLatch start = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread ta = side(cable.a(), ba, start, failure);
            Thread tb = side(cable.b(), ab, start, failure);
            start.countDown();
            ta.join(TimeUnit.SECONDS.toMillis(20));
            tb.join(TimeUnit.SECONDS.toMillis(20));
            assertTrue(!ta.isAlive() && !tb.isAlive(), "timed out");
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
        } else {
            sendAll(cable.a(), ba);
            sendAll(cable.b(), ab);
        }
        VirtualWire.drainAll(ab, ba);
        assertEquals(Clock.NEVER, cable.a().nextEventNanos());
        return List.of(outcome(ab, cable, CableDirection.A_TO_B), outcome(ba, cable, CableDirection.B_TO_A));
    }

    private static Thread side(LanAdapter end, VirtualWire incoming, CountDownLatch start,
            AtomicReference<Throwable> failure) {
        Thread t = new Thread(() -> {
            try {
                start.await();
                sendAll(end, incoming);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, end.name());
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Sends the whole traffic from {@code end}, taking what reaches it in between. */
    private static void sendAll(LanAdapter end, VirtualWire incoming) {
        for (byte[] frame : TRAFFIC) {
            if (!end.transmit(frame, 0, frame.length)) {
                throw new AssertionError("refused: the pool holds the whole traffic " + Arrays.toString(frame));
            }
            incoming.collect();
        }
    }
}
