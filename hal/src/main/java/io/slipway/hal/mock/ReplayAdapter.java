package io.slipway.hal.mock;

import io.slipway.base.Clock;
import io.slipway.hal.DropReason;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;
import java.util.Objects;

/**
 * A {@link LanAdapter} that allocates nothing after construction, for allocation tests and
 * benchmarks, where {@link MockAdapter} cannot serve: it copies every frame it records.
 *
 * <ul>
 *   <li>Receive: one frame, written in place into {@link #rxFrame()} (or copied there by
 *       {@link #replay(byte[], int, int)}), is handed up as many times as {@link #replay} says.
 *   <li>Transmit: only the last frame accepted is kept, copied into {@link #lastTransmitted()};
 *       {@link #counters()} counts frames and bytes each way and drops, as the contract says.
 *   <li>Knobs: link up/down and transmit refused ({@link #setCanTransmit}); name, medium and MTU
 *       at construction.
 * </ul>
 *
 * It is for one thread: the test or benchmark replays, then polls the stack itself. It never calls
 * the wake-up and has no events of its own ({@link #nextEventNanos} is {@link Clock#NEVER}).
 */
public final class ReplayAdapter implements LanAdapter {
    private final String name;
    private final Medium medium;
    private final int mtu;
    private final LinkCounters counters = new LinkCounters();
    private final byte[] rxFrame;
    private int rxLength;
    private int rxRemaining;
    private final byte[] lastTransmitted;
    private int lastTransmittedLength;
    private boolean linkUp = true;
    private boolean canTransmit = true;

    public ReplayAdapter(String name, Medium medium, int mtu) {
        if (mtu < 1) {
            throw new IllegalArgumentException("mtu must be positive, was " + mtu);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.medium = Objects.requireNonNull(medium, "medium");
        this.mtu = mtu;
        this.rxFrame = new byte[maxFrameLength()];
        this.lastTransmitted = new byte[maxFrameLength()];
    }

    // ---- receive ----

    /** The frame {@link #receive} hands up, {@link #maxFrameLength()} long: write it in place. */
    public byte[] rxFrame() {
        return rxFrame;
    }

    /** Makes the next {@code times} receives hand up {@link #rxFrame()}{@code [0..length)}. */
    public void replay(int length, int times) {
        Objects.checkFromIndexSize(0, length, rxFrame.length);
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, was " + times);
        }
        rxLength = length;
        rxRemaining = times;
    }

    /** Copies {@code frame[0..length)} into {@link #rxFrame()}, then {@link #replay(int, int)}. */
    public void replay(byte[] frame, int length, int times) {
        Objects.checkFromIndexSize(0, length, rxFrame.length);
        System.arraycopy(frame, 0, rxFrame, 0, length);
        replay(length, times);
    }

    /** Receives still to be handed up. */
    public int pendingReceive() {
        return rxRemaining;
    }

    /**
     * Copies the replayed frame into {@code into}, or returns -1 once it was handed up as many
     * times as asked. A frame longer than {@code maxLen} is dropped and counted
     * ({@link DropReason#BUFFER_TOO_SMALL}), and the next one tried.
     */
    @Override
    public int receive(byte[] into, int off, int maxLen) {
        Objects.checkFromIndexSize(off, maxLen, into.length);
        while (rxRemaining > 0) {
            rxRemaining--;
            if (rxLength > maxLen) {
                counters.dropped(DropReason.BUFFER_TOO_SMALL);
            } else {
                System.arraycopy(rxFrame, 0, into, off, rxLength);
                counters.received(rxLength);
                return rxLength;
            }
        }
        return -1;
    }

    // ---- transmit ----

    /**
     * Keeps a copy of the frame in place of the last one, or returns false when transmit is set
     * refused. A frame sent while the link is down or longer than {@link #maxFrameLength()} is
     * accepted, counted as dropped and not kept, as on a real link.
     */
    @Override
    public boolean transmit(byte[] frame, int off, int len) {
        Objects.checkFromIndexSize(off, len, frame.length);
        if (!canTransmit) {
            return false;
        }
        if (!linkUp) {
            counters.dropped(DropReason.LINK_DOWN);
        } else if (len > lastTransmitted.length) {
            counters.dropped(DropReason.TX_TOO_LONG);
        } else {
            System.arraycopy(frame, off, lastTransmitted, 0, len);
            lastTransmittedLength = len;
            counters.transmitted(len);
        }
        return true;
    }

    /**
     * The adapter's own copy of the last frame transmitted, in its first
     * {@link #lastTransmittedLength()} bytes; the next transmit overwrites it.
     */
    public byte[] lastTransmitted() {
        return lastTransmitted;
    }

    /** The last transmitted frame's length; 0 before the first. */
    public int lastTransmittedLength() {
        return lastTransmittedLength;
    }

    // ---- knobs ----

    public void setLinkUp(boolean up) {
        linkUp = up;
    }

    /** Makes {@link #transmit} refuse frames as a full transmit queue does, or take them again. */
    public void setCanTransmit(boolean can) {
        canTransmit = can;
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
    public boolean isLinkUp() {
        return linkUp;
    }

    @Override
    public boolean canTransmit() {
        return canTransmit;
    }

    @Override
    public long nextEventNanos() {
        return Clock.NEVER;
    }

    /** Ignored: the caller polls after each {@link #replay}. */
    @Override
    public void setWakeup(Runnable wakeup) {
    }

    @Override
    public LinkCounters counters() {
        return counters;
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return name + " (replay " + medium + ", mtu " + mtu + ")";
    }
}
