package io.slipway.icmp;

/**
 * Upward delivery of ICMP errors to the transport protocol whose datagram they quote (RFC 1122
 * §3.2.2: ICMP MUST pass the error to the transport layer; §4.1.3.3 and §4.2.3.9 say what UDP and
 * TCP do with it). Owned by ICMP, registered per IP protocol number; called on the stack thread.
 */
public interface TransportErrorListener {
    /**
     * An ICMP error about a datagram we sent.
     *
     * @param reporter the host or router that sent the error
     * @param info the error's second header word (next-hop MTU, pointer)
     * @param originalSource the quoted datagram's source: one of our addresses
     * @param originalDestination the quoted datagram's destination
     * @param data holds the quoted transport header at {@code offset}: at least its first 8 bytes
     *     (both ports for UDP and TCP), {@code length} bytes in all; lent for the call only
     */
    void onIcmpError(int reporter, int type, int code, int info, int originalSource, int originalDestination,
            byte[] data, int offset, int length, long nowNanos);
}
