package io.slipway.driver;

import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import io.slipway.hal.Medium;

/**
 * The Ethernet driver: Ethernet II headers, our MAC address, broadcast, and demultiplexing by
 * EtherType (IPv4 and ARP go up; anything else is counted and dropped). Frames for other
 * stations and multicast groups we have not joined (we join none) are dropped, as a NIC's
 * address filter would. No padding to the 60-byte minimum: the serial framing does not need it,
 * and receivers take the IP or ARP length from their own headers.
 */
public final class EthernetDriver implements Link, FrameReceiver {
    private final LanDriver lan;
    private final long mac;
    private final EthernetHeader rxHeader = new EthernetHeader();
    private final EthernetHeader txHeader = new EthernetHeader();
    private final Counters<LinkEvent> events = new Counters<>(LinkEvent.class);
    private LinkReceiver receiver;

    public EthernetDriver(LanDriver lan, long mac) {
        if (lan.medium() != Medium.ETHERNET) {
            throw new IllegalArgumentException("an Ethernet driver needs an Ethernet adapter, not " + lan.medium());
        }
        if (MacAddress.isGroup(mac) || mac == MacAddress.NONE) {
            throw new IllegalArgumentException("not a unicast MAC address: " + MacAddress.format(mac));
        }
        this.lan = lan;
        this.mac = mac;
        lan.setReceiver(this);
    }

    @Override
    public String name() {
        return lan.adapter().name();
    }

    @Override
    public Medium medium() {
        return Medium.ETHERNET;
    }

    @Override
    public int mtu() {
        return lan.mtu();
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
    public boolean isUp() {
        return lan.adapter().isLinkUp();
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
        boolean sent = lan.send(payload);
        // Give the caller its window back: it may send the same packet again (ARP's queue,
        // fragments built in one buffer).
        payload.consume(EthernetHeader.LENGTH);
        events.increment(sent ? LinkEvent.PACKETS_OUT : LinkEvent.DROP_TRANSMIT_FULL);
        return sent;
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
        if (receiver == null) {
            events.increment(LinkEvent.DROP_NO_RECEIVER);
            return;
        }
        events.increment(LinkEvent.PACKETS_IN);
        frame.consume(EthernetHeader.LENGTH);
        receiver.onPacket(this, type, frame, broadcast, nowNanos);
    }

    @Override
    public void onLinkStateChanged(LanDriver driver, boolean up, long nowNanos) {
        if (receiver != null) {
            receiver.onLinkStateChanged(this, up, nowNanos);
        }
    }

    @Override
    public String toString() {
        return "Ethernet " + name() + " " + MacAddress.format(mac);
    }
}
