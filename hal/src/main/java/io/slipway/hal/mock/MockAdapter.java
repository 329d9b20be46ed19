package io.slipway.hal.mock;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A scripted {@link LanAdapter} for unit tests of the layers above (lwIP's {@code test/unit}
 * style: inject crafted frames, count what goes out).
 *
 * <ul>
 *   <li>Receive: {@link #script} queues a frame that {@link #receive} returns now; {@link #scriptAt}
 *       one that becomes receivable when the clock reaches a time, which {@link #nextEventNanos}
 *       reports. Frames come out in time order, then in script order.
 *   <li>Transmit: every accepted frame is copied and kept ({@link #transmitted},
 *       {@link #takeNextTransmitted}, {@link #assertNothingTransmitted}).
 *   <li>Knobs: link up/down, transmit queue full; medium, MTU and clock at construction.
 * </ul>
 *
 * It behaves as the {@link LanAdapter} contract says a real adapter does: it counts traffic and
 * drops in {@link #counters()} (TX_TOO_LONG, LINK_DOWN, BUFFER_TOO_SMALL, FRAME_TOO_LONG) and calls
 * the wake-up when a frame is scripted, the link changes or transmit space frees up.
 *
 * <p>Unlike a real adapter it allocates (it is for tests). It lives in main sources so that other
 * modules' tests can use it. Methods are synchronized, so a test thread may script frames while a
 * stack thread receives; the wake-up is called outside the lock.
 */
public final class MockAdapter implements LanAdapter {
    /** The default link: SLIP-like, IP packets of up to 1500 bytes. */
    public static final int DEFAULT_MTU = 1500;

    private final String name;
    private final Medium medium;
    private final int mtu;
    private final int segmentOffloadLength;
    private final Clock clock;
    private final LinkCounters counters = new LinkCounters();
    /** Scripted frames not yet received, sorted by time, ties in script order. */
    private final List<Scripted> toReceive = new ArrayList<>();
    private final List<TransmittedFrame> transmitted = new ArrayList<>();
    private volatile Runnable wakeup = () -> { };
    private boolean linkUp = true;
    private boolean transmitQueueFull;
    private boolean closed;
    /** Receive losses counted inside {@link #receive}; the rest were found as frames were scripted. */
    private long lossesInReceive;
    /** {@link #receiveLossesBefore()} of the frame {@link #receive} last returned. */
    private long lossesBefore;

    private static final class Scripted {
        final long atNanos;
        final byte[] bytes;
        /** Receive losses counted, outside {@link #receive}, before this frame was scripted. */
        final long lossMark;

        Scripted(long atNanos, byte[] bytes, long lossMark) {
            this.atNanos = atNanos;
            this.bytes = bytes;
            this.lossMark = lossMark;
        }
    }

    /** {@code mock0}: {@link Medium#IP}, MTU 1500, on its own {@link ManualClock} (see {@link #clock()}). */
    public MockAdapter() {
        this(new ManualClock());
    }

    /** {@code mock0}: {@link Medium#IP}, MTU 1500, on {@code clock}. */
    public MockAdapter(Clock clock) {
        this("mock0", Medium.IP, DEFAULT_MTU, clock);
    }

    public MockAdapter(String name, Medium medium, int mtu, Clock clock) {
        this(name, medium, mtu, mtu, clock);
    }

    /**
     * With segmentation offload: packets of up to {@code segmentOffloadLength} bytes are taken
     * whole ({@link LanAdapter#segmentOffloadLength}); {@code mtu} for none.
     */
    public MockAdapter(String name, Medium medium, int mtu, int segmentOffloadLength, Clock clock) {
        if (mtu < 1) {
            throw new IllegalArgumentException("mtu must be positive, was " + mtu);
        }
        if (segmentOffloadLength < mtu) {
            throw new IllegalArgumentException("segmentation offload below the MTU: " + segmentOffloadLength);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.medium = Objects.requireNonNull(medium, "medium");
        this.mtu = mtu;
        this.segmentOffloadLength = segmentOffloadLength;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The clock that decides when frames scripted with {@link #scriptAt} become receivable. */
    public Clock clock() {
        return clock;
    }

    // ---- scripted receive ----

    /** Queues a copy of {@code frame} to be received now, and calls the wake-up. */
    public void script(byte[] frame) {
        script(frame, 0, frame.length);
    }

    /** Queues a copy of {@code frame[off..off+len)} to be received now, and calls the wake-up. */
    public void script(byte[] frame, int off, int len) {
        Objects.checkFromIndexSize(off, len, frame.length);
        enqueue(clock.nanos(), Arrays.copyOfRange(frame, off, off + len));
    }

    /**
     * Queues a copy of {@code frame} that becomes receivable when the clock reaches
     * {@code atNanos} (a frame in flight); calls the wake-up now, so that a waiting stack
     * re-reads {@link #nextEventNanos}.
     */
    public void scriptAt(long atNanos, byte[] frame) {
        enqueue(atNanos, frame.clone());
    }

    private void enqueue(long atNanos, byte[] copy) {
        synchronized (this) {
            int i = toReceive.size();
            while (i > 0 && toReceive.get(i - 1).atNanos > atNanos) {
                i--;
            }
            // A test counts a loss (counters().dropped) between the frames it scripts: that is
            // where the loss is in the frame stream, as a real adapter's reader finds it.
            toReceive.add(i, new Scripted(atNanos, copy, counters.receiveLosses() - lossesInReceive));
        }
        wakeup.run();
    }

    /** Scripted frames not yet received, whether receivable now or later. */
    public synchronized int pendingReceive() {
        return toReceive.size();
    }

    /**
     * Takes the next receivable frame. A frame longer than the adapter's largest frame is dropped
     * as a real adapter's decoder would ({@link DropReason#FRAME_TOO_LONG}); one longer than
     * {@code maxLen} is dropped ({@link DropReason#BUFFER_TOO_SMALL}); then the next is tried.
     * Nothing arrives once the adapter is closed.
     */
    @Override
    public synchronized int receive(byte[] into, int off, int maxLen) {
        Objects.checkFromIndexSize(off, maxLen, into.length);
        long now = clock.nanos();
        while (!closed && !toReceive.isEmpty() && toReceive.get(0).atNanos <= now) {
            Scripted next = toReceive.remove(0);
            byte[] frame = next.bytes;
            if (frame.length > maxFrameLength()) {
                counters.dropped(DropReason.FRAME_TOO_LONG);
                lossesInReceive++;
            } else if (frame.length > maxLen) {
                counters.dropped(DropReason.BUFFER_TOO_SMALL);
                lossesInReceive++;
            } else {
                // Never back: a frame scriptAt put ahead of older ones carries a later mark.
                lossesBefore = Math.max(lossesBefore, next.lossMark + lossesInReceive);
                System.arraycopy(frame, 0, into, off, frame.length);
                counters.received(frame.length);
                return frame.length;
            }
        }
        return -1;
    }

    /**
     * The losses counted before the frame last received was scripted, and those {@link #receive}
     * found since (frames ahead of it); it never goes back.
     */
    @Override
    public synchronized long receiveLossesBefore() {
        return lossesBefore;
    }

    /**
     * The time the earliest scripted frame becomes receivable, or {@link Clock#NEVER} when none is
     * left. A time at or before now means a frame is receivable already.
     */
    @Override
    public synchronized long nextEventNanos() {
        return toReceive.isEmpty() || closed ? Clock.NEVER : toReceive.get(0).atNanos;
    }

    // ---- recorded transmit ----

    /**
     * Accepts and records a copy of the frame, or returns false when the transmit queue is set
     * full. A frame sent while the link is down or longer than {@link #maxFrameLength()} is
     * accepted, counted as dropped and not recorded, as on a real link.
     */
    @Override
    public synchronized boolean transmit(byte[] frame, int off, int len) {
        Objects.checkFromIndexSize(off, len, frame.length);
        if (transmitQueueFull) {
            return false;
        }
        if (!isLinkUp()) {
            counters.dropped(DropReason.LINK_DOWN);
        } else if (len > maxFrameLength()) {
            counters.dropped(DropReason.TX_TOO_LONG);
        } else {
            transmitted.add(new TransmittedFrame(Arrays.copyOfRange(frame, off, off + len), clock.nanos()));
            counters.transmitted(len);
        }
        return true;
    }

    /** Copies of the frames transmitted and not yet taken, oldest first. */
    public synchronized List<byte[]> transmitted() {
        List<byte[]> bytes = new ArrayList<>(transmitted.size());
        for (TransmittedFrame f : transmitted) {
            bytes.add(f.bytes());
        }
        return bytes;
    }

    /** The frames transmitted and not yet taken, with the time each was sent, oldest first. */
    public synchronized List<TransmittedFrame> transmittedFrames() {
        return List.copyOf(transmitted);
    }

    public synchronized int transmittedCount() {
        return transmitted.size();
    }

    /** Returns the frames transmitted so far, oldest first, and forgets them. */
    public synchronized List<byte[]> takeTransmitted() {
        List<byte[]> bytes = transmitted();
        transmitted.clear();
        return bytes;
    }

    /** Returns the oldest transmitted frame and forgets it; fails the test when there is none. */
    public synchronized byte[] takeNextTransmitted() {
        if (transmitted.isEmpty()) {
            throw new AssertionError(name + ": expected a transmitted frame, but none was sent");
        }
        return transmitted.remove(0).bytes();
    }

    /** Fails the test, listing the frames, if any frame was transmitted and not taken. */
    public synchronized void assertNothingTransmitted() {
        if (!transmitted.isEmpty()) {
            StringBuilder sb = new StringBuilder(name).append(": expected nothing transmitted, but ")
                    .append(transmitted.size()).append(" frame(s) were:");
            for (TransmittedFrame f : transmitted) {
                sb.append("\n  ").append(f);
            }
            throw new AssertionError(sb.toString());
        }
    }

    // ---- knobs ----

    /** Brings the link up or down; a change calls the wake-up. */
    public void setLinkUp(boolean up) {
        boolean changed;
        synchronized (this) {
            changed = linkUp != up;
            linkUp = up;
        }
        if (changed) {
            wakeup.run();
        }
    }

    /** Makes {@link #transmit} refuse frames (or take them again); freeing space calls the wake-up. */
    public void setTransmitQueueFull(boolean full) {
        boolean freed;
        synchronized (this) {
            freed = transmitQueueFull && !full;
            transmitQueueFull = full;
        }
        if (freed) {
            wakeup.run();
        }
    }

    // ---- LanAdapter ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public Medium medium() {
        return medium;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public int segmentOffloadLength() {
        return segmentOffloadLength;
    }

    /** Up unless set down or closed. */
    @Override
    public synchronized boolean isLinkUp() {
        return linkUp && !closed;
    }

    /** True unless the transmit queue is set full (a down link takes frames and drops them). */
    @Override
    public synchronized boolean canTransmit() {
        return !transmitQueueFull;
    }

    @Override
    public void setWakeup(Runnable wakeup) {
        this.wakeup = Objects.requireNonNull(wakeup, "wakeup");
    }

    @Override
    public LinkCounters counters() {
        return counters;
    }

    /** Takes the link down for good; scripted frames no longer arrive. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return name + " (mock " + medium + ", mtu " + mtu + ")";
    }
}
