package io.slipway.ip;

/** What the IPv4 layer counts: traffic, and every drop by its reason. */
public enum IpEvent {
    PACKETS_IN,
    DELIVERED,
    FORWARDED,
    PACKETS_OUT,
    /** Datagrams we split, and the fragments that made. */
    FRAGMENTED,
    FRAGMENTS_OUT,
    FRAGMENTS_IN,
    REASSEMBLED,
    DROP_TRUNCATED,
    DROP_BAD_VERSION,
    DROP_BAD_HEADER_LENGTH,
    DROP_BAD_TOTAL_LENGTH,
    DROP_BAD_CHECKSUM,
    /** Options that cannot be parsed: answered with a Parameter Problem. */
    DROP_BAD_OPTIONS,
    /** Source is a broadcast, multicast, loopback or class E address (RFC 1122 §3.2.1.3). */
    DROP_BAD_SOURCE,
    /** Multicast is not supported. */
    DROP_MULTICAST,
    /** Not addressed to us and forwarding is off (RFC 1122 §3.3.4.1: hosts do not forward). */
    DROP_NOT_FOR_US,
    /** A subnet-directed broadcast for another interface's network: not forwarded (RFC 2644). */
    DROP_DIRECTED_BROADCAST,
    /** TTL ran out while forwarding (RFC 1812 §5.3.1). */
    DROP_TTL_EXPIRED,
    DROP_NO_ROUTE,
    DROP_UNKNOWN_PROTOCOL,
    /** Too big for the next link and Don't Fragment set. */
    DROP_FRAGMENTATION_NEEDED,
    /** The link would not take it (down, or its transmit queue full). */
    DROP_LINK,
    /** Waiting for ARP and the wait queue full, or ARP gave up. */
    DROP_UNRESOLVED,
    DROP_REASSEMBLY_TIMEOUT,
    /** Fragments overlap: the whole datagram is dropped (RFC 5722's rule). */
    DROP_REASSEMBLY_OVERLAP,
    /** No free reassembly slot or byte budget. */
    DROP_REASSEMBLY_FULL,
    /** Fragments that would make a datagram longer than the configured maximum. */
    DROP_REASSEMBLY_TOO_BIG,
    /** An exact repeat of a fragment already held: ignored, the datagram is kept. */
    DUPLICATE_FRAGMENT,
    /** A packet too big for our own send path (over 65 535 bytes). */
    DROP_TOO_BIG
}
