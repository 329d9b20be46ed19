package io.slipway.base;

/**
 * The stack's timers: a binary min-heap of {@link Timer}s ordered by deadline, intrusive (each
 * timer knows its heap slot) so schedule, reschedule and cancel are O(log n) and allocate nothing.
 * Capacity is fixed at construction, like every table in the stack. Single-threaded.
 */
public final class TimerQueue {
    private final Timer[] heap;
    private int size;

    public TimerQueue(int capacity) {
        this.heap = new Timer[capacity];
    }

    public int size() {
        return size;
    }

    /** Schedules {@code timer} at {@code deadline}, moving it if it was already scheduled. */
    public void schedule(Timer timer, long deadline) {
        if (timer.heapIndex < 0) {
            if (size == heap.length) {
                throw new IllegalStateException("timer queue full (" + heap.length + ")");
            }
            timer.deadline = deadline;
            timer.heapIndex = size;
            heap[size++] = timer;
            siftUp(timer.heapIndex);
        } else {
            long old = timer.deadline;
            timer.deadline = deadline;
            if (deadline < old) {
                siftUp(timer.heapIndex);
            } else {
                siftDown(timer.heapIndex);
            }
        }
    }

    /** Unschedules {@code timer}; nothing happens if it was not scheduled. */
    public void cancel(Timer timer) {
        int i = timer.heapIndex;
        if (i < 0) {
            return;
        }
        timer.heapIndex = -1;
        Timer last = heap[--size];
        heap[size] = null;
        if (i < size) {
            heap[i] = last;
            last.heapIndex = i;
            siftDown(i);
            siftUp(last.heapIndex);
        }
    }

    /** The earliest deadline, or {@link Clock#NEVER} when nothing is scheduled. */
    public long nextDeadline() {
        return size == 0 ? Clock.NEVER : heap[0].deadline;
    }

    /**
     * Fires every timer whose deadline is at or before {@code now}, earliest first; returns how
     * many. An action that reschedules its timer must move it past {@code now}.
     */
    public int runDue(long now) {
        int fired = 0;
        while (size > 0 && heap[0].deadline <= now) {
            Timer t = heap[0];
            cancel(t);
            t.action.onTimer(now);
            fired++;
        }
        return fired;
    }

    private void siftUp(int i) {
        Timer t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Timer p = heap[parent];
            if (p.deadline <= t.deadline) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = t;
        t.heapIndex = i;
    }

    private void siftDown(int i) {
        Timer t = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].deadline < heap[child].deadline) {
                child = right;
            }
            if (t.deadline <= heap[child].deadline) {
                break;
            }
            heap[i] = heap[child];
            heap[i].heapIndex = i;
            i = child;
        }
        heap[i] = t;
        t.heapIndex = i;
    }
}
