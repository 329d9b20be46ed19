package io.slipway.udp;

/** What became of a datagram handed to {@link Udp#send}. */
public enum SendStatus {
    /** Handed to IP and on to the link (or queued for ARP). */
    SENT,
    /** No route to the destination (ENETUNREACH). */
    NO_ROUTE,
    /** Larger than a datagram can be (EMSGSIZE). */
    TOO_BIG,
    /** The link would not take it: down, or its queue full (UDP does not retry). */
    DROPPED
}
