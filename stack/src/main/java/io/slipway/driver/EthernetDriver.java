package io.slipway.driver;

import io.slipway.base.PacketBuffer;
import io.slipway.hal.Medium;

/**
 * The Ethernet driver: Ethernet II headers, our MAC address, broadcast, and demultiplexing by
 * EtherType (IPv4 and ARP go up; anything else is counted and dropped). Frames for other
 * stations and multicast groups we have not joined (we join none) are dropped, as a NIC's
 * address filter would. No padding to the 60-byte minimum: the serial framing does not need it,
 * and receivers take the IP or ARP length from their own headers.
 */
public final class EthernetDriver extends AbstractLinkDriver {
    private final long mac;
    private final EthernetHeader rxHeader = new EthernetHeader();
    private final EthernetHeader txHeader = new EthernetHeader();

    public EthernetDriver(LanDriver lan, long mac) {
        super(lan, Medium.ETHERNET, "Ethernet");
        if (MacAddress.isGroup(mac) || mac == MacAddress.NONE) {
            throw new IllegalArgumentException("not a unicast MAC address: " + MacAddress.format(mac));
        }
        this.mac = mac;
    }

    @Override
    public Medium medium() {
        return Medium.ETHERNET;
    }

    @Override
    public int headerLength() {
        return EthernetHeader.LENGTH;
    }

    @Override
    public long macAddress() {
        return mac;
    }

    @Override
    public boolean send(PacketBuffer payload, int etherType, long destinationMac) {
        if (payload.length() > lan.mtu()) {
            events.increment(LinkEvent.DROP_TOO_BIG);
            return false;
        }
        if (payload.headroom() < EthernetHeader.LENGTH) {
            events.increment(LinkEvent.DROP_NO_HEADROOM);
            return false;
        }
        int start = payload.prepend(EthernetHeader.LENGTH);
        txHeader.wrap(payload.data(), start).write(destinationMac, mac, etherType);
        boolean sent = transmit(payload);
        // Give the caller its window back: it may send the same packet again (ARP's queue,
        // fragments built in one buffer; neither is exchangeable, so their bytes are still there).
        payload.consume(EthernetHeader.LENGTH);
        return sent;
    }

    @Override
    public void onFrame(LanDriver driver, PacketBuffer frame, long nowNanos) {
        if (frame.length() < EthernetHeader.LENGTH) {
            events.increment(LinkEvent.DROP_TRUNCATED);
            return;
        }
        EthernetHeader header = rxHeader.wrap(frame.data(), frame.offset());
        long destination = header.destination();
        boolean broadcast = destination == MacAddress.BROADCAST;
        if (destination != mac && !broadcast) {
            events.increment(LinkEvent.DROP_NOT_FOR_US);
            return;
        }
        long source = header.source();
        if (source == mac || MacAddress.isGroup(source)) {
            events.increment(LinkEvent.DROP_BAD_SOURCE);
            return;
        }
        int type = header.etherType();
        if (type != EtherType.IPV4 && type != EtherType.ARP) {
            events.increment(LinkEvent.DROP_UNKNOWN_TYPE);
            return;
        }
        frame.consume(EthernetHeader.LENGTH);
        deliver(type, frame, broadcast, nowNanos);
    }

    @Override
    public String toString() {
        return "Ethernet " + name() + " " + MacAddress.format(mac);
    }
}
