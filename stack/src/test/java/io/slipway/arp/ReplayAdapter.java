package io.slipway.arp;

import io.slipway.base.Clock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;

/**
 * An Ethernet adapter that allocates nothing per frame, for allocation tests (MockAdapter copies
 * every frame it records): it receives one frame, set in place, as many times as asked, and keeps
 * only the last frame transmitted and a count.
 */
final class ReplayAdapter implements LanAdapter {
    private static final int MTU = 1500;

    /** The frame {@link #receive} hands out; tests write into it in place. */
    final byte[] rxFrame = new byte[MTU + 14];
    int rxLength;
    private int rxRemaining;
    final byte[] lastTransmitted = new byte[MTU + 14];
    int lastTransmittedLength;
    long transmitted;
    private final LinkCounters counters = new LinkCounters();

    /** Makes the next {@code times} receives return {@link #rxFrame}'s first {@code length} bytes. */
    void replay(int length, int times) {
        rxLength = length;
        rxRemaining = times;
    }

    @Override
    public String name() {
        return "replay0";
    }

    @Override
    public Medium medium() {
        return Medium.ETHERNET;
    }

    @Override
    public int mtu() {
        return MTU;
    }

    @Override
    public boolean isLinkUp() {
        return true;
    }

    @Override
    public boolean canTransmit() {
        return true;
    }

    @Override
    public boolean transmit(byte[] frame, int off, int len) {
        System.arraycopy(frame, off, lastTransmitted, 0, len);
        lastTransmittedLength = len;
        transmitted++;
        return true;
    }

    @Override
    public int receive(byte[] into, int off, int maxLen) {
        if (rxRemaining == 0) {
            return -1;
        }
        rxRemaining--;
        System.arraycopy(rxFrame, 0, into, off, rxLength);
        return rxLength;
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
