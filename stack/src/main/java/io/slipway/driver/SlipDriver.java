package io.slipway.driver;

import io.slipway.base.PacketBuffer;
import io.slipway.hal.Medium;

/**
 * The SLIP driver: a point-to-point line carrying bare IPv4 datagrams (RFC 1055), so no link
 * header, no addresses and no ARP. A frame that is not IPv4 (version nibble other than 4) is
 * counted and dropped: SLIP has no type field, the version is all there is to go on.
 */
public final class SlipDriver extends AbstractLinkDriver {
    public SlipDriver(LanDriver lan) {
        super(lan, Medium.IP, "SLIP");
    }

    @Override
    public Medium medium() {
        return Medium.IP;
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
    public boolean send(PacketBuffer payload, int etherType, long destinationMac) {
        if (etherType != EtherType.IPV4) {
            events.increment(LinkEvent.DROP_UNKNOWN_TYPE);
            return false;
        }
        if (payload.length() > lan.mtu()) {
            events.increment(LinkEvent.DROP_TOO_BIG);
            return false;
        }
        return transmit(payload);
    }

    @Override
    public void onFrame(LanDriver driver, PacketBuffer frame, long nowNanos) {
        if ((frame.data()[frame.offset()] & 0xF0) != 0x40) {
            events.increment(LinkEvent.DROP_UNKNOWN_TYPE);
            return;
        }
        deliver(EtherType.IPV4, frame, false, nowNanos);
    }

    @Override
    public String toString() {
        return "SLIP " + name();
    }
}
