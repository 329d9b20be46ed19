package io.slipway.udp;

/**
 * Upward delivery from UDP to whoever owns an endpoint (the socket library). Owned by UDP, so the
 * socket layer depends on UDP and never the other way. Called on the stack thread.
 */
public interface UdpReceiver {
    /**
     * A datagram for the endpoint; {@code data[offset, offset + length)} is its payload, lent for
     * the call only.
     *
     * @param destination the address it was sent to: ours, or a broadcast address
     * @return false when there was no room for it (it is then counted as dropped)
     */
    boolean onDatagram(UdpEndpoint endpoint, int source, int sourcePort, int destination, byte[] data, int offset,
            int length, long nowNanos);

    /**
     * An ICMP error about a datagram this connected endpoint sent (RFC 1122 §4.1.3.3: UDP MUST
     * pass ICMP errors to the application), already reduced to what it means.
     */
    void onError(UdpEndpoint endpoint, UdpError error, int reporter, long nowNanos);
}
