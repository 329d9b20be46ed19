package io.slipway.ip;

import io.slipway.base.PacketBuffer;

/**
 * Upward delivery from IPv4 to a protocol above it (ICMP, UDP, TCP), registered by protocol
 * number. Owned by IP, so the transport layer depends on IP and never the other way.
 */
@FunctionalInterface
public interface ProtocolHandler {
    /**
     * A datagram for us, reassembled if it came in fragments. {@code header} views its IPv4
     * header; {@code payload}'s window is the IP payload, with the header's bytes in front of it
     * (so a reply may be built in place). Both are lent for the call only.
     *
     * @param broadcast the datagram was sent to a broadcast address (link or IP)
     */
    void onDatagram(Ipv4Header header, PacketBuffer payload, IpInterface in, boolean broadcast, long nowNanos);
}
