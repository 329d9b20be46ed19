package io.slipway.stack;

import io.slipway.base.Clock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;

/** An adapter with no link at all, for tests about the stack's own bookkeeping. */
final class NullAdapter implements LanAdapter {
    private final LinkCounters counters = new LinkCounters();

    @Override
    public String name() {
        return "null";
    }

    @Override
    public Medium medium() {
        return Medium.IP;
    }

    @Override
    public int mtu() {
        return 1006;
    }

    @Override
    public boolean isLinkUp() {
        return false;
    }

    @Override
    public boolean canTransmit() {
        return false;
    }

    @Override
    public boolean transmit(byte[] frame, int off, int len) {
        return false;
    }

    @Override
    public int receive(byte[] into, int off, int maxLen) {
        return -1;
    }

    @Override
    public long nextEventNanos() {
        return Clock.NEVER;
    }

    @Override
    public void setWakeup(Runnable wakeup) {
    }

    @Override
    public LinkCounters counters() {
        return counters;
    }

    @Override
    public void close() {
    }
}
