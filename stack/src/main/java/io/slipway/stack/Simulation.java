package io.slipway.stack;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Several stacks in virtual time: poll every stack, then jump the clock to the earliest deadline
 * of them all (their adapters, and so the loopback cables between them, included). A ten-minute
 * lossy transfer runs in milliseconds, and the same seeds replay exactly.
 */
public final class Simulation {
    /** Polls at one instant before the simulation calls it livelock. */
    private static final int MAX_POLLS_AT_ONE_INSTANT = 1_000_000;

    private final ManualClock clock;
    private final List<Stack> stacks = new ArrayList<>();
    private long polls;

    public Simulation(ManualClock clock) {
        this.clock = clock;
    }

    public ManualClock clock() {
        return clock;
    }

    /** Adds a stack; the thread that runs the simulation drives it, so its socket calls run at once. */
    public Simulation add(Stack stack) {
        stacks.add(stack);
        stack.setStackThread(null);
        return this;
    }

    /** Total stack polls so far, for tests that check the simulation does not spin. */
    public long polls() {
        return polls;
    }

    /**
     * Runs until {@code done} is true (returns true) or until virtual time would pass
     * {@code nanos} from now or nothing is left to do (returns {@code done}'s last answer).
     */
    public boolean runUntil(BooleanSupplier done, long nanos) {
        long limit = clock.nanos() + nanos;
        int pollsHere = 0;
        long instant = clock.nanos();
        while (true) {
            long now = clock.nanos();
            // Indexed loops: an iterator per step would be the only allocation of a steady transfer.
            for (int i = 0; i < stacks.size(); i++) {
                stacks.get(i).poll(now);
                polls++;
            }
            if (done.getAsBoolean()) {
                return true;
            }
            long next = Clock.NEVER;
            for (int i = 0; i < stacks.size(); i++) {
                next = Math.min(next, stacks.get(i).nextDeadline());
            }
            if (next == Clock.NEVER || next > limit) {
                clock.set(Math.max(now, Math.min(limit, next)));
                return done.getAsBoolean();
            }
            if (next <= now) {
                if (now == instant && ++pollsHere > MAX_POLLS_AT_ONE_INSTANT) {
                    throw new IllegalStateException("simulation livelock at t=" + now + " ns");
                }
            } else {
                clock.set(next);
                instant = next;
                pollsHere = 0;
            }
        }
    }

    /** Runs for {@code nanos} of virtual time, doing whatever falls due. */
    public void runFor(long nanos) {
        runUntil(() -> false, nanos);
    }
}
