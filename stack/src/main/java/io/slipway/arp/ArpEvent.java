package io.slipway.arp;

/**
 * What ARP counts: messages in and out, what became of the IPv4 packets handed to it, cache
 * changes, and every reason a message or packet was dropped or ignored.
 */
public enum ArpEvent {
    /** Well-formed requests and replies received. */
    REQUESTS_IN,
    REPLIES_IN,
    /** Broadcast requests sent to resolve an address. */
    REQUESTS_OUT,
    /** Unicast requests sent to re-verify a stale entry (RFC 1122 §2.3.2.1, "unicast poll"). */
    PROBES_OUT,
    /** Replies to requests for our address (RFC 826, "Packet Reception"). */
    REPLIES_OUT,
    /** Gratuitous requests announcing our address when the link comes up (RFC 5227 §2.3, §3). */
    ANNOUNCEMENTS_OUT,

    /** IPv4 packets sent at once to a known MAC address. */
    PACKETS_SENT,
    /** IPv4 packets copied into an entry's wait queue until its address resolves. */
    PACKETS_QUEUED,
    /** Queued packets sent after the address resolved. */
    QUEUED_SENT,

    /** Incomplete entries that a reply (or a request from the neighbour) completed. */
    RESOLVED,
    /** Neighbours learned from a request for our address (RFC 826's merge rule, "add"). */
    LEARNED,
    /** Entries whose MAC address a message changed (RFC 826's merge rule, "update"). */
    MAC_CHANGED,
    /** Entries evicted, least recently used first, to make room for a new address. */
    EVICTED,
    /** Stale entries removed after going unused for the stale time. */
    EXPIRED,
    /** Resolutions given up after the configured number of requests: the entry is FAILED. */
    RESOLUTION_FAILED,
    /** Stale entries whose unicast probes went unanswered: the entry is removed. */
    PROBE_FAILED,

    /** A message whose sender IP address is ours: another host claims it (RFC 5227 §2.4). Ignored. */
    ADDRESS_CONFLICT,
    /** A reply from a sender we neither asked nor know: no entry is made for it. */
    UNSOLICITED_REPLY,

    /** A message shorter than 28 bytes. */
    DROP_TRUNCATED,
    /** Hardware type other than Ethernet (1). */
    DROP_BAD_HARDWARE_TYPE,
    /** Protocol type other than IPv4 (0x0800). */
    DROP_BAD_PROTOCOL_TYPE,
    /** Hardware and protocol address lengths other than 6 and 4. */
    DROP_BAD_ADDRESS_LENGTH,
    /** An operation other than request (1) or reply (2). */
    DROP_BAD_OPERATION,
    /** A sender MAC address that is a group (multicast, broadcast) or all-zero address. */
    DROP_BAD_SENDER_MAC,
    /** A sender IP address that no neighbour can have: multicast, loopback, class E, or 0 in a reply. */
    DROP_BAD_SENDER_IP,
    /** Something other than an ARP message handed to ARP. */
    DROP_NOT_ARP,

    /** An IPv4 packet for a next hop that cannot be resolved: 0.0.0.0 or our own address. */
    DROP_BAD_NEXT_HOP,
    /** An IPv4 packet larger than the link MTU, so larger than a wait-queue buffer. */
    DROP_TOO_BIG,
    /** An IPv4 packet for an address already waiting with a full queue. */
    DROP_QUEUE_FULL,
    /** An IPv4 packet to queue, but every shared wait-queue buffer was in use. */
    DROP_NO_BUFFER,
    /** An IPv4 packet for a new address, but every cache entry was incomplete. */
    DROP_CACHE_FULL,
    /** Queued packets dropped when their address did not resolve. */
    DROP_UNRESOLVED,
    /** An IPv4 packet for an address that recently failed to resolve (a FAILED entry). */
    DROP_HOST_UNREACHABLE
}
