package io.slipway.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random schedule/reschedule/cancel/runDue sequences against a reference model (a plain array of
 * deadlines scanned linearly), checked after every step; every seed replays exactly. Some timers
 * reschedule themselves when they fire, as retransmission and keep-alive timers do.
 */
class TimerQueueModelTest {
    private static final int TIMERS = 48;
    private static final int CAPACITY = 32;
    private static final int STEPS = 5_000;

    @Test
    void shouldAgreeWithAReferenceModelOverManySeeds() {
        for (long seed = 0; seed < 40; seed++) {
            new Run(seed).execute();
        }
    }

    private static final class Run {
        final long seed;
        final SplittableRandom random;
        final TimerQueue queue = new TimerQueue(CAPACITY);
        final Timer[] timers = new Timer[TIMERS];
        final long[] model = new long[TIMERS];
        final boolean[] periodic = new boolean[TIMERS];
        final List<Integer> fired = new ArrayList<>();
        long now;

        Run(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            for (int i = 0; i < TIMERS; i++) {
                int id = i;
                model[i] = Clock.NEVER;
                periodic[i] = random.nextInt(5) == 0;
                timers[i] = new Timer(t -> onFire(id, t));
            }
        }

        void onFire(int id, long t) {
            assertTrue(model[id] <= t, () -> where() + "timer " + id + " fired early");
            fired.add(id);
            model[id] = Clock.NEVER;
            if (periodic[id]) {
                long next = t + 1 + random.nextInt(500);
                queue.schedule(timers[id], next);
                model[id] = next;
            }
        }

        void execute() {
            for (int step = 0; step < STEPS; step++) {
                int op = random.nextInt(100);
                int id = random.nextInt(TIMERS);
                if (op < 45) {
                    schedule(id, now + random.nextInt(1000));
                } else if (op < 65) {
                    queue.cancel(timers[id]);
                    model[id] = Clock.NEVER;
                } else {
                    runDue(now + random.nextInt(300));
                }
                check();
            }
            // drain: with no periodic timer left, everything fires and the queue ends empty
            Arrays.fill(periodic, false);
            runDue(now + 1000);
            check();
            assertEquals(0, queue.size(), this::where);
        }

        void schedule(int id, long deadline) {
            if (model[id] == Clock.NEVER && scheduledCount() == CAPACITY) {
                assertThrows(IllegalStateException.class, () -> queue.schedule(timers[id], deadline), this::where);
                return;
            }
            queue.schedule(timers[id], deadline);
            model[id] = deadline;
        }

        void runDue(long to) {
            now = to;
            long[] before = model.clone();
            int due = 0;
            for (long d : before) {
                if (d <= now) {
                    due++;
                }
            }
            fired.clear();
            int n = queue.runDue(now);
            // a periodic timer rescheduled past now fires once per run, so the counts match
            assertEquals(due, n, () -> where() + "fired count");
            assertEquals(due, fired.size(), this::where);
            long last = Long.MIN_VALUE;
            for (int id : fired) {
                assertTrue(before[id] <= now, () -> where() + "timer " + id + " was not due");
                assertTrue(before[id] >= last, () -> where() + "timer " + id + " fired out of deadline order");
                last = before[id];
            }
            assertEquals(due, fired.stream().distinct().count(), () -> where() + "a timer fired twice");
        }

        void check() {
            long min = Clock.NEVER;
            for (int i = 0; i < TIMERS; i++) {
                int id = i;
                min = Math.min(min, model[i]);
                assertEquals(model[i], timers[i].deadline(), () -> where() + "deadline of " + id);
                assertEquals(model[i] != Clock.NEVER, timers[i].isScheduled(), () -> where() + "scheduled " + id);
            }
            assertEquals(scheduledCount(), queue.size(), () -> where() + "size");
            assertEquals(min, queue.nextDeadline(), () -> where() + "next deadline");
        }

        int scheduledCount() {
            int n = 0;
            for (long d : model) {
                if (d != Clock.NEVER) {
                    n++;
                }
            }
            return n;
        }

        String where() {
            return "seed " + seed + ", now " + now + ": ";
        }
    }
}
