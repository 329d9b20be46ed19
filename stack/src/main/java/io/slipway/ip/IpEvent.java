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
    /** A datagram still incomplete when its reassembly timer ran out (RFC 1122 §3.3.2). */
    DROP_REASSEMBLY_TIMEOUT,
    /** Fragments overlap: the whole datagram is dropped (RFC 5722's rule), counted once. */
    DROP_REASSEMBLY_OVERLAP,
    /** A fragment that found no free reassembly slot, or no room in the byte budget. */
    DROP_REASSEMBLY_FULL,
    /** A datagram that had stalled (no fragment for a while) gave its slot or bytes to a newcomer. */
    DROP_REASSEMBLY_EVICTED,
    /** A fragment that would make its datagram longer than the configured maximum; the datagram goes too. */
    DROP_REASSEMBLY_TOO_BIG,
    /** Fragments for more pieces than a datagram may arrive in: the whole datagram is dropped. */
    DROP_REASSEMBLY_TOO_MANY_FRAGMENTS,
    /**
     * A fragment RFC 791 §3.2 rules out: no data, data not a multiple of 8 bytes with More
     * Fragments set (that fragment alone is dropped), or an end that contradicts the length the
     * datagram's last fragment gave (the whole datagram is dropped).
     */
    DROP_BAD_FRAGMENT,
    /**
     * A fragment of a datagram already dropped (overlap, too big, too many fragments, bad
     * length), discarded while the datagram's slot waits out its timer.
     */
    DROP_REASSEMBLY_DISCARDED,
    /** An exact repeat of a fragment already held: ignored, the datagram is kept. */
    DUPLICATE_FRAGMENT,
    /**
     * A datagram over 65 535 bytes: too big for our own send path, or a fragment to be split for
     * forwarding whose data reaches beyond that.
     */
    DROP_TOO_BIG
}
