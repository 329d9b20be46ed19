package io.slipway.ip;

/** What became of a datagram handed to {@link Ipv4#send}. */
public enum SendResult {
    /** Handed to the link (or queued for ARP, or looped back to ourselves). */
    SENT,
    /** No route to the destination: "network unreachable". */
    NO_ROUTE,
    /** Larger than the path's MTU with Don't Fragment set. */
    FRAGMENTATION_NEEDED,
    /** Larger than an IPv4 datagram can be. */
    TOO_BIG,
    /** The link refused it: down, or its queue (or ARP's wait queue) full. */
    DROPPED
}
