package io.slipway.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.driver.LanDriver;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.testing.SteadyState;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, "Memory": after warm-up, moving frames through the core allocates 0 bytes on the
 * stack thread. Here the moving thread polls two stacks joined by a paced SLIP cable in virtual
 * time: driver send, adapter, cable, decoder, driver receive, receiver, timers and deadlines.
 */
class StackAllocationTest {
    private static final int FRAMES = 100_000;

    private final ManualClock clock = new ManualClock();
    private final LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP).mtu(1006)
            .impairments(Impairments.builder().baud(115_200).build()).build();
    private final Stack alice = new Stack("alice", StackConfig.DEFAULT);
    private final Stack bob = new Stack("bob", StackConfig.DEFAULT);
    private final LanDriver out = alice.attach(cable.a());
    private final LanDriver in = bob.attach(cable.b());
    private final byte[] frame = new byte[1006];
    private long receivedBytes;
    private int received;

    StackAllocationTest() {
        in.setReceiver((driver, f, now) -> {
            receivedBytes += f.length();
            received++;
        });
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) i; // includes 0xC0 and 0xDB: SLIP escapes are on the path
        }
    }

    @Test
    void shouldMoveFramesBetweenStacksWithoutAllocating() {
        SteadyState.assertAllocatesNothing("moving frames", FRAMES, this::moveFrames);

        assertEquals(0, received % FRAMES, "every frame arrived");
        assertEquals(0, cable.a().counters().totalDrops() + cable.b().counters().totalDrops());
    }

    /** Sends FRAMES frames of mixed sizes and runs both stacks until all have arrived. */
    private void moveFrames() {
        int target = received + FRAMES;
        int sent = 0;
        while (received < target) {
            while (sent < FRAMES && !out.hasBacklog()) {
                out.send(frame, 0, 40 + sent % 967);
                sent++;
            }
            long now = clock.nanos();
            alice.poll(now);
            bob.poll(now);
            long next = Math.min(alice.nextDeadline(), bob.nextDeadline());
            if (next == Clock.NEVER && sent == FRAMES) {
                return; // nothing left in flight: a lost frame shows in the count, not as a hang
            }
            if (next > now && next != Clock.NEVER) {
                clock.set(next);
            }
        }
    }
}
