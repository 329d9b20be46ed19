package io.slipway.ip;

/**
 * How IP reports a problem with a packet it received (RFC 792): time exceeded, destination
 * unreachable, parameter problem. Owned by IP and implemented by ICMP, which applies the rules
 * about when not to send (RFC 1122 §3.2.2: never about an ICMP error, a broadcast, a non-first
 * fragment) and the rate limit.
 */
public interface IcmpErrorSender {
    /**
     * @param original the offending datagram, from its IPv4 header on
     * @param length bytes of it available (ICMP quotes the header and the first 8 data bytes)
     * @param in the interface it arrived on, whose address is the error's source; null if it was
     *     our own packet
     * @param broadcast it was received as a link-layer or IP broadcast
     * @param extra the type-specific word: the pointer for parameter problem, the next-hop MTU
     *     for fragmentation needed (RFC 1191)
     */
    void sendError(int type, int code, int extra, byte[] original, int offset, int length, IpInterface in,
            boolean broadcast, long nowNanos);
}
