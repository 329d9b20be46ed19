package io.slipway.ip;

import io.slipway.base.PacketBuffer;
import io.slipway.driver.EtherType;
import io.slipway.driver.Link;
import io.slipway.driver.LinkReceiver;

/**
 * One interface of the IPv4 layer: a link, our address and prefix on it, the point-to-point
 * peer if there is one, and the resolver that gets packets to neighbours. It is the link's
 * receiver: IPv4 goes to the IPv4 layer, anything else (ARP) to the resolver.
 */
public final class IpInterface implements LinkReceiver {
    private final int index;
    private final Link link;
    private final Ipv4Prefix prefix;
    private final int peer;
    private final Ipv4 ip;
    private NeighbourResolver resolver;
    private boolean tcpTimestamps;

    IpInterface(int index, Link link, Ipv4Prefix prefix, int peer, Ipv4 ip) {
        this.index = index;
        this.link = link;
        this.prefix = prefix;
        this.peer = peer;
        this.ip = ip;
        link.setReceiver(this);
    }

    public int index() {
        return index;
    }

    public Link link() {
        return link;
    }

    public String name() {
        return link.name();
    }

    public int address() {
        return prefix.address();
    }

    public Ipv4Prefix prefix() {
        return prefix;
    }

    /** The far end of a point-to-point link, or {@link Ipv4Address#ANY}. */
    public int peer() {
        return peer;
    }

    public int mtu() {
        return link.mtu();
    }

    /** The largest TCP segment's datagram the link carries whole ({@link Link#segmentOffloadLength}). */
    public int segmentOffloadLength() {
        return link.segmentOffloadLength();
    }

    /** Whether TCP's checksum is left to the link ({@link Link#checksumOffload}). */
    public boolean checksumOffload() {
        return link.checksumOffload();
    }

    /** Whether TCP offers timestamps (RFC 7323) to peers reached through here. */
    public boolean tcpTimestamps() {
        return tcpTimestamps;
    }

    public void setTcpTimestamps(boolean on) {
        tcpTimestamps = on;
    }

    public NeighbourResolver resolver() {
        return resolver;
    }

    void setResolver(NeighbourResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * A broadcast address on this interface: the limited broadcast, or the subnet-directed one
     * (RFC 1122 §3.2.1.3) — except on a /31 or /32, which have no broadcast address (RFC 3021).
     */
    public boolean isBroadcast(int address) {
        if (address == Ipv4Address.LIMITED_BROADCAST) {
            return true;
        }
        return prefix.prefixLength() < 31 && address == prefix.broadcast();
    }

    @Override
    public void onPacket(Link from, int etherType, PacketBuffer packet, boolean linkBroadcast, long nowNanos) {
        if (etherType == EtherType.IPV4) {
            ip.receive(this, packet, linkBroadcast, nowNanos);
        } else {
            resolver.onLinkPacket(etherType, packet, linkBroadcast, nowNanos);
        }
    }

    @Override
    public void onLinkStateChanged(Link from, boolean up, long nowNanos) {
        resolver.onLinkStateChanged(up, nowNanos);
    }

    @Override
    public String toString() {
        return link.name() + " " + prefix + (peer != 0 ? " peer " + Ipv4Address.format(peer) : "");
    }
}
