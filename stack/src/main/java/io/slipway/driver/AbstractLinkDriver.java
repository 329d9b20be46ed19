package io.slipway.driver;

import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import io.slipway.hal.Medium;

/**
 * What the SLIP and Ethernet drivers share: the frame-level {@link LanDriver} underneath, the
 * counters, and the receiver above. Subclasses decide what a frame means (its link header) and
 * how a packet becomes a frame.
 */
abstract class AbstractLinkDriver implements Link, FrameReceiver {
    protected final LanDriver lan;
    protected final Counters<LinkEvent> events = new Counters<>(LinkEvent.class);
    private LinkReceiver receiver;

    AbstractLinkDriver(LanDriver lan, Medium medium, String kind) {
        if (lan.medium() != medium) {
            throw new IllegalArgumentException("a " + kind + " driver needs an adapter of medium " + medium
                    + ", not " + lan.medium());
        }
        this.lan = lan;
        lan.setReceiver(this);
    }

    @Override
    public final String name() {
        return lan.adapter().name();
    }

    @Override
    public final int mtu() {
        return lan.mtu();
    }

    @Override
    public final boolean isUp() {
        return lan.adapter().isLinkUp();
    }

    @Override
    public final void setReceiver(LinkReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public final Counters<LinkEvent> events() {
        return events;
    }

    @Override
    public final LanDriver lanDriver() {
        return lan;
    }

    @Override
    public final void onLinkStateChanged(LanDriver driver, boolean up, long nowNanos) {
        if (receiver != null) {
            receiver.onLinkStateChanged(this, up, nowNanos);
        }
    }

    /** Hands a packet, link header already stripped, to the receiver; counts it. */
    protected final void deliver(int etherType, PacketBuffer packet, boolean linkBroadcast, long nowNanos) {
        if (receiver == null) {
            events.increment(LinkEvent.DROP_NO_RECEIVER);
            return;
        }
        events.increment(LinkEvent.PACKETS_IN);
        receiver.onPacket(this, etherType, packet, linkBroadcast, nowNanos);
    }

    /** Gives a finished frame to the LAN driver; counts it sent or dropped. */
    protected final boolean transmit(PacketBuffer frame) {
        boolean sent = lan.send(frame);
        events.increment(sent ? LinkEvent.PACKETS_OUT : LinkEvent.DROP_TRANSMIT_FULL);
        return sent;
    }
}
