package io.slipway.hal;

import java.util.Objects;

/**
 * A {@link LanAdapter} that wraps another and forwards every call to it: the base of adapters
 * that look at the frames going by (a pcap tap, a trace) and change nothing else. Subclasses
 * override what they watch, usually {@link #transmit} and {@link #receive}.
 *
 * <p>It does not pass on {@link LanAdapter#exchangesArrays}: frames go through the copying
 * {@code transmit} and {@code receive}, where a subclass sees each of them. A subclass that
 * watches the {@link io.slipway.base.PacketBuffer} forms as well may forward all three.
 */
public abstract class ForwardingAdapter implements LanAdapter {
    protected final LanAdapter inner;

    protected ForwardingAdapter(LanAdapter inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public boolean transmit(byte[] frame, int off, int len) {
        return inner.transmit(frame, off, len);
    }

    @Override
    public int receive(byte[] into, int off, int maxLen) {
        return inner.receive(into, off, maxLen);
    }

    @Override
    public long receiveLossesBefore() {
        return inner.receiveLossesBefore();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Medium medium() {
        return inner.medium();
    }

    @Override
    public int mtu() {
        return inner.mtu();
    }

    @Override
    public int segmentOffloadLength() {
        return inner.segmentOffloadLength();
    }

    @Override
    public boolean checksumOffload() {
        return inner.checksumOffload();
    }

    @Override
    public int maxFrameLength() {
        return inner.maxFrameLength();
    }

    @Override
    public boolean isLinkUp() {
        return inner.isLinkUp();
    }

    @Override
    public boolean canTransmit() {
        return inner.canTransmit();
    }

    @Override
    public long nextEventNanos() {
        return inner.nextEventNanos();
    }

    @Override
    public void setWakeup(Runnable wakeup) {
        inner.setWakeup(wakeup);
    }

    /** The inner adapter's counters: a forwarding adapter neither drops nor adds frames. */
    @Override
    public LinkCounters counters() {
        return inner.counters();
    }

    @Override
    public void close() {
        inner.close();
    }
}
