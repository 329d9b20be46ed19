package io.slipway.hal.loopback;

import io.slipway.base.PacketBuffer;
import io.slipway.hal.DropReason;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;
import java.util.Objects;

/**
 * One end of a {@link LoopbackCable}: a {@link LanAdapter} that sends on one {@link Lane} and
 * receives from the other. Owned by one stack thread, as any adapter is.
 */
final class CableEnd implements LanAdapter {
    /** Until a wake-up is set, nobody is asleep waiting on this end. */
    private static final Runnable NO_WAKEUP = () -> { };

    private final LoopbackCable cable;
    private final String name;
    private final Medium medium;
    private final int mtu;
    private final int segmentOffloadLength;
    private final boolean checksumOffload;
    private final boolean exchangesArrays;
    private final LinkCounters counters = new LinkCounters();
    private volatile Runnable wakeup = NO_WAKEUP;
    /** Set once by the cable before it is handed out. */
    private Lane out;
    private Lane in;

    CableEnd(LoopbackCable cable, String name, Medium medium, int mtu, int segmentOffloadLength,
            boolean checksumOffload, boolean exchangesArrays) {
        this.cable = cable;
        this.name = name;
        this.medium = medium;
        this.mtu = mtu;
        this.segmentOffloadLength = segmentOffloadLength;
        this.checksumOffload = checksumOffload;
        this.exchangesArrays = exchangesArrays;
    }

    void connect(Lane sending, Lane receiving) {
        this.out = sending;
        this.in = receiving;
    }

    void wake() {
        wakeup.run();
    }

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

    @Override
    public boolean checksumOffload() {
        return checksumOffload;
    }

    @Override
    public boolean isLinkUp() {
        return cable.isLinkUp();
    }

    @Override
    public boolean canTransmit() {
        return out.canTransmit();
    }

    @Override
    public boolean transmit(byte[] frame, int off, int len) {
        Objects.checkFromIndexSize(off, len, frame.length);
        if (len > maxFrameLength()) {
            counters.dropped(DropReason.TX_TOO_LONG);
            return true;
        }
        return out.transmit(frame, off, len);
    }

    @Override
    public int receive(byte[] into, int off, int maxLen) {
        Objects.checkFromIndexSize(off, maxLen, into.length);
        return in.receive(into, off, maxLen);
    }

    @Override
    public boolean exchangesArrays() {
        return exchangesArrays;
    }

    @Override
    public boolean transmit(PacketBuffer frame) {
        if (frame.length() > maxFrameLength()) {
            counters.dropped(DropReason.TX_TOO_LONG);
            return true;
        }
        return out.transmit(frame);
    }

    @Override
    public int receive(PacketBuffer into, int headroom) {
        Objects.checkIndex(headroom, into.capacity() + 1);
        return in.receive(into, headroom);
    }

    @Override
    public long receiveLossesBefore() {
        return in.receiveLossesBefore();
    }

    /** The earliest of: a frame arriving here, and this end's own queue draining. */
    @Override
    public long nextEventNanos() {
        return Math.min(in.nextArrivalNanos(), out.nextSenderEventNanos());
    }

    /** {@code null} removes the wake-up. */
    @Override
    public void setWakeup(Runnable wakeup) {
        this.wakeup = wakeup == null ? NO_WAKEUP : wakeup;
    }

    @Override
    public LinkCounters counters() {
        return counters;
    }

    /** Unplugs the cable for good: both ends go down. */
    @Override
    public void close() {
        cable.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
