package io.slipway.ip;

import io.slipway.base.PacketBuffer;

/**
 * Gets an IPv4 packet to a neighbour on one link: on Ethernet by resolving its MAC address with
 * ARP (io.slipway.arp), on a point-to-point line by just sending. Owned by IP, implemented per
 * interface, so IP never depends on how a link finds its neighbours.
 */
public interface NeighbourResolver {
    /**
     * Sends {@code packet} (a complete IPv4 datagram, with link headroom) to {@code nextHop}, a
     * unicast address on the link, now or once resolved (then a copy waits in a bounded queue).
     * The buffer is only read during the call. Returns false if the packet was dropped.
     */
    boolean send(PacketBuffer packet, int nextHop, long nowNanos);

    /** A non-IPv4 packet from the link (an ARP message), link header stripped. */
    default void onLinkPacket(int etherType, PacketBuffer packet, boolean linkBroadcast, long nowNanos) {
    }

    /** The link came up or went down (ARP announces itself when it comes up). */
    default void onLinkStateChanged(boolean up, long nowNanos) {
    }
}
