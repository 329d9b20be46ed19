package io.slipway.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.base.Timer;
import io.slipway.driver.LanDriver;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final int BAUD = 115_200;

    @Test
    void shouldMoveFramesBetweenStacksInVirtualTimeAtTheLineRate() {
        ManualClock clock = new ManualClock();
        LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP).mtu(1006)
                .impairments(Impairments.builder().baud(BAUD).build()).build();
        Stack alice = new Stack("alice", StackConfig.DEFAULT);
        Stack bob = new Stack("bob", StackConfig.DEFAULT);
        LanDriver out = alice.attach(cable.a());
        LanDriver in = bob.attach(cable.b());
        CRC32 received = new CRC32();
        int[] count = {0};
        in.setReceiver((d, f, now) -> {
            received.update(f.data(), f.offset(), f.length());
            count[0]++;
        });

        // 500 frames without SLIP special bytes, so each takes exactly len + 2 bytes on the wire,
        // fed by a timer whenever the driver has no backlog, as a transport would.
        CRC32 sent = new CRC32();
        SplittableRandom random = new SplittableRandom(7);
        long[] wireBytes = {0};
        int frames = 500;
        int[] next = {0};
        Timer[] self = {null};
        self[0] = new Timer(now -> {
            while (next[0] < frames && !out.hasBacklog()) {
                byte[] f = new byte[1 + random.nextInt(1006)];
                Arrays.fill(f, (byte) ('a' + next[0]++ % 26));
                sent.update(f);
                wireBytes[0] += f.length + 2;
                assertTrue(out.send(f, 0, f.length));
            }
            if (next[0] < frames) {
                alice.timers().schedule(self[0], now + 50_000_000);
            }
        });
        alice.timers().schedule(self[0], 0);
        Simulation sim = new Simulation(clock).add(alice).add(bob);

        assertTrue(sim.runUntil(() -> count[0] == frames, 3_600_000_000_000L));

        assertEquals(sent.getValue(), received.getValue());
        long lineNanos = wireBytes[0] * 10 * 1_000_000_000L / BAUD;
        // The feeder keeps the line busy, so the last frame lands when the line has carried every
        // byte: virtual time equals line time (to the rounding of each frame's nanoseconds).
        assertEquals(lineNanos, clock.nanos(), frames);
        assertTrue(sim.polls() < 20L * frames, "the simulation jumps from event to event: " + sim.polls());
        assertEquals(0, cable.a().counters().totalDrops() + cable.b().counters().totalDrops());
    }

    @Test
    void shouldStopAtTheLimitWhenNothingCompletes() {
        ManualClock clock = new ManualClock();
        Simulation sim = new Simulation(clock).add(new Stack("idle", StackConfig.DEFAULT));
        assertEquals(false, sim.runUntil(() -> false, 5_000));
        assertEquals(5_000, clock.nanos());
    }
}
