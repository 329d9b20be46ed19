package io.slipway.driver;

import io.slipway.base.PacketBuffer;

/** Upward delivery from a {@link Link}: owned by the driver layer, implemented above it. */
public interface LinkReceiver {
    /**
     * A packet for the network layer, link header stripped. {@code linkBroadcast} says it was
     * sent to the link's broadcast (or a multicast) address, which matters to ICMP: no errors
     * about such packets (RFC 1122 §3.2.2). The buffer is lent for the call only, but its
     * window may be changed and its bytes rewritten (an echo reply is built in place).
     */
    void onPacket(Link link, int etherType, PacketBuffer packet, boolean linkBroadcast, long nowNanos);

    /** The adapter's link came up or went down (e.g. to send a gratuitous ARP). */
    default void onLinkStateChanged(Link link, boolean up, long nowNanos) {
    }
}
