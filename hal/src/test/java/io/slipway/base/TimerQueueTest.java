package io.slipway.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TimerQueue from its javadoc contract; {@link TimerQueueModelTest} adds random operation sequences. */
class TimerQueueTest {
    private final List<String> fired = new ArrayList<>();

    private Timer timer(String name) {
        return new Timer(now -> fired.add(name + "@" + now));
    }

    @Test
    void shouldStartEmptyWithNoDeadline() {
        TimerQueue q = new TimerQueue(4);
        assertEquals(0, q.size());
        assertEquals(Clock.NEVER, q.nextDeadline());
        assertEquals(0, q.runDue(Long.MAX_VALUE));
    }

    @Test
    void shouldReportAnUnscheduledTimerAsNever() {
        Timer t = timer("a");
        assertFalse(t.isScheduled());
        assertEquals(Clock.NEVER, t.deadline());
    }

    @Test
    void shouldOrderByDeadlineWhateverTheScheduleOrder() {
        TimerQueue q = new TimerQueue(8);
        long[] deadlines = {50, 10, 70, 30, 20, 60, 40};
        for (int i = 0; i < deadlines.length; i++) {
            q.schedule(timer("t" + deadlines[i]), deadlines[i]);
        }
        assertEquals(7, q.size());
        assertEquals(10, q.nextDeadline());
        assertEquals(7, q.runDue(100));
        assertEquals(List.of("t10@100", "t20@100", "t30@100", "t40@100", "t50@100", "t60@100", "t70@100"), fired);
    }

    @Test
    void shouldFireOnlyWhatIsDueAtOrBeforeNow() {
        TimerQueue q = new TimerQueue(8);
        Timer a = timer("a");
        Timer b = timer("b");
        Timer c = timer("c");
        q.schedule(a, 100);
        q.schedule(b, 200);
        q.schedule(c, 201);
        assertEquals(0, q.runDue(99));
        assertEquals(1, q.runDue(100));
        assertEquals(1, q.runDue(200));
        assertEquals(List.of("a@100", "b@200"), fired);
        assertFalse(a.isScheduled());
        assertTrue(c.isScheduled());
        assertEquals(201, q.nextDeadline());
        assertEquals(1, q.size());
    }

    @Test
    void shouldMoveAScheduledTimerEarlier() {
        TimerQueue q = new TimerQueue(8);
        Timer a = timer("a");
        q.schedule(timer("b"), 20);
        q.schedule(timer("c"), 30);
        q.schedule(a, 40);
        q.schedule(a, 10);
        assertEquals(3, q.size());
        assertEquals(10, a.deadline());
        assertEquals(10, q.nextDeadline());
        q.runDue(100);
        assertEquals(List.of("a@100", "b@100", "c@100"), fired);
    }

    @Test
    void shouldMoveAScheduledTimerLater() {
        TimerQueue q = new TimerQueue(8);
        Timer a = timer("a");
        q.schedule(a, 10);
        q.schedule(timer("b"), 20);
        q.schedule(timer("c"), 30);
        q.schedule(timer("d"), 40);
        q.schedule(a, 35);
        assertEquals(4, q.size());
        assertEquals(20, q.nextDeadline());
        q.runDue(100);
        assertEquals(List.of("b@100", "c@100", "a@100", "d@100"), fired);
    }

    @Test
    void shouldCancelTheHead() {
        TimerQueue q = new TimerQueue(8);
        Timer a = timer("a");
        q.schedule(a, 10);
        q.schedule(timer("b"), 20);
        q.schedule(timer("c"), 30);
        q.cancel(a);
        assertFalse(a.isScheduled());
        assertEquals(Clock.NEVER, a.deadline());
        assertEquals(20, q.nextDeadline());
        q.runDue(100);
        assertEquals(List.of("b@100", "c@100"), fired);
    }

    @Test
    void shouldCancelInTheMiddleOfTheHeap() {
        TimerQueue q = new TimerQueue(16);
        Timer middle = timer("m");
        for (int d = 10; d <= 100; d += 10) {
            q.schedule(d == 40 ? middle : timer("t" + d), d);
        }
        q.cancel(middle);
        assertEquals(9, q.size());
        q.runDue(1000);
        assertEquals(List.of("t10@1000", "t20@1000", "t30@1000", "t50@1000", "t60@1000", "t70@1000",
                "t80@1000", "t90@1000", "t100@1000"), fired);
    }

    /**
     * Cancelling a slot whose replacement (the heap's last timer) is smaller than the slot's parent
     * needs a sift up, not a sift down: here the last timer (15) lands under a parent of 50.
     */
    @Test
    void shouldCancelWhereTheReplacementMustSiftUp() {
        TimerQueue q = new TimerQueue(16);
        // heap layout by insertion: [1, 50, 10, 60, 70, 11, 12, 61, 62, 71, 72, 15]
        long[] deadlines = {1, 50, 10, 60, 70, 11, 12, 61, 62, 71, 72, 15};
        Timer seventy = null;
        for (long d : deadlines) {
            Timer t = timer("t" + d);
            if (d == 70) {
                seventy = t;
            }
            q.schedule(t, d);
        }
        q.cancel(seventy);
        q.runDue(1000);
        assertEquals(List.of("t1@1000", "t10@1000", "t11@1000", "t12@1000", "t15@1000", "t50@1000",
                "t60@1000", "t61@1000", "t62@1000", "t71@1000", "t72@1000"), fired);
    }

    @Test
    void shouldCancelTheLast() {
        TimerQueue q = new TimerQueue(8);
        Timer last = timer("z");
        q.schedule(timer("a"), 10);
        q.schedule(timer("b"), 20);
        q.schedule(last, 30);
        q.cancel(last);
        assertEquals(2, q.size());
        q.runDue(100);
        assertEquals(List.of("a@100", "b@100"), fired);
    }

    @Test
    void shouldIgnoreCancelOfAnUnscheduledTimer() {
        TimerQueue q = new TimerQueue(8);
        Timer a = timer("a");
        q.schedule(timer("b"), 20);
        q.cancel(a);
        q.cancel(a);
        assertEquals(1, q.size());
    }

    @Test
    void shouldScheduleAgainAfterFiring() {
        TimerQueue q = new TimerQueue(2);
        Timer a = timer("a");
        q.schedule(a, 10);
        q.runDue(10);
        q.schedule(a, 20);
        assertTrue(a.isScheduled());
        q.runDue(20);
        assertEquals(List.of("a@10", "a@20"), fired);
    }

    @Test
    void shouldLetAnActionRescheduleItsOwnTimer() {
        TimerQueue q = new TimerQueue(4);
        Timer[] self = new Timer[1];
        List<Long> ticks = new ArrayList<>();
        // a periodic timer: every 100 ns, rescheduled past now as the contract requires
        self[0] = new Timer(now -> {
            ticks.add(now);
            q.schedule(self[0], now + 100);
        });
        q.schedule(self[0], 100);
        for (long now = 100; now <= 500; now += 100) {
            assertEquals(1, q.runDue(now));
        }
        assertEquals(List.of(100L, 200L, 300L, 400L, 500L), ticks);
        assertEquals(600, self[0].deadline());
        assertEquals(1, q.size());
    }

    @Test
    void shouldFireTimersAnActionSchedulesAsDueInTheSameRun() {
        TimerQueue q = new TimerQueue(4);
        Timer later = timer("later");
        Timer first = new Timer(now -> {
            fired.add("first@" + now);
            q.schedule(later, now - 5);
        });
        q.schedule(first, 10);
        assertEquals(2, q.runDue(50));
        assertEquals(List.of("first@50", "later@50"), fired);
    }

    @Test
    void shouldLetAnActionCancelAnotherDueTimer() {
        TimerQueue q = new TimerQueue(4);
        Timer victim = timer("victim");
        Timer killer = new Timer(now -> {
            fired.add("killer@" + now);
            q.cancel(victim);
        });
        q.schedule(killer, 10);
        q.schedule(victim, 20);
        assertEquals(1, q.runDue(50));
        assertEquals(List.of("killer@50"), fired);
        assertEquals(0, q.size());
    }

    @Test
    void shouldRefuseATimerBeyondCapacityButAcceptARescheduleWhenFull() {
        TimerQueue q = new TimerQueue(2);
        Timer a = timer("a");
        q.schedule(a, 10);
        q.schedule(timer("b"), 20);
        assertThrows(IllegalStateException.class, () -> q.schedule(timer("c"), 30));
        assertEquals(2, q.size());
        q.schedule(a, 40);
        assertEquals(20, q.nextDeadline());
        q.cancel(a);
        q.schedule(timer("c"), 5);
        assertEquals(5, q.nextDeadline());
    }

    @Test
    void shouldTreatEqualDeadlinesAsAllDue() {
        TimerQueue q = new TimerQueue(8);
        for (int i = 0; i < 5; i++) {
            q.schedule(timer("x"), 42);
        }
        assertEquals(5, q.runDue(42));
        assertEquals(0, q.size());
    }

    @Test
    void shouldHandleNegativeAndExtremeDeadlines() {
        TimerQueue q = new TimerQueue(8);
        q.schedule(timer("max"), Long.MAX_VALUE - 1);
        q.schedule(timer("min"), Long.MIN_VALUE);
        q.schedule(timer("neg"), -5);
        assertEquals(Long.MIN_VALUE, q.nextDeadline());
        assertEquals(2, q.runDue(0));
        assertEquals(List.of("min@0", "neg@0"), fired);
    }
}
