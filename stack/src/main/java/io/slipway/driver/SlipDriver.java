package io.slipway.driver;

import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import io.slipway.hal.Medium;

/**
 * The SLIP driver: a point-to-point line carrying bare IPv4 datagrams (RFC 1055), so no link
 * header, no addresses and no ARP. A frame that is not IPv4 (version nibble other than 4) is
 * counted and dropped: SLIP has no type field, the version is all there is to go on.
 */
public final class SlipDriver implements Link, FrameReceiver {
    private final LanDriver lan;
    private final Counters<LinkEvent> events = new Counters<>(LinkEvent.class);
    private LinkReceiver receiver;

    public SlipDriver(LanDriver lan) {
        if (lan.medium() != Medium.IP) {
            throw new IllegalArgumentException("a SLIP driver needs an IP-medium adapter, not " + lan.medium());
        }
        this.lan = lan;
        lan.setReceiver(this);
    }

    @Override
    public String name() {
        return lan.adapter().name();
    }

    @Override
    public Medium medium() {
        return Medium.IP;
    }

    @Override
    public int mtu() {
        return lan.mtu();
    }

    @Override
    public int headerLength() {
        return 0;
    }

    @Override
    public long macAddress() {
        return MacAddress.NONE;
    }

    @Override
    public boolean isUp() {
        return lan.adapter().isLinkUp();
    }

    @Override
    public boolean send(PacketBuffer payload, int etherType, long destinationMac) {
        if (etherType != EtherType.IPV4) {
            events.increment(LinkEvent.DROP_UNKNOWN_TYPE);
            return false;
        }
        if (payload.length() > lan.mtu()) {
            events.increment(LinkEvent.DROP_TOO_BIG);
            return false;
        }
        if (!lan.send(payload)) {
            events.increment(LinkEvent.DROP_TRANSMIT_FULL);
            return false;
        }
        events.increment(LinkEvent.PACKETS_OUT);
        return true;
    }

    @Override
    public void setReceiver(LinkReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public Counters<LinkEvent> events() {
        return events;
    }

    @Override
    public LanDriver lanDriver() {
        return lan;
    }

    @Override
    public void onFrame(LanDriver driver, PacketBuffer frame, long nowNanos) {
        if ((frame.data()[frame.offset()] & 0xF0) != 0x40) {
            events.increment(LinkEvent.DROP_UNKNOWN_TYPE);
            return;
        }
        if (receiver == null) {
            events.increment(LinkEvent.DROP_NO_RECEIVER);
            return;
        }
        events.increment(LinkEvent.PACKETS_IN);
        receiver.onPacket(this, EtherType.IPV4, frame, false, nowNanos);
    }

    @Override
    public void onLinkStateChanged(LanDriver driver, boolean up, long nowNanos) {
        if (receiver != null) {
            receiver.onLinkStateChanged(this, up, nowNanos);
        }
    }

    @Override
    public String toString() {
        return "SLIP " + name();
    }
}
