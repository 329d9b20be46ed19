package io.slipway.arp;

/**
 * The state of an ARP cache entry, named as Linux's {@code ip neigh} shows them. INCOMPLETE,
 * REACHABLE, STALE and PROBE are RFC 4861 §7.3.2's neighbour states, which fit ARP's cache
 * validation (RFC 1122 §2.3.2.1) as well; FAILED is Linux's.
 */
public enum NeighbourState {
    /** A free slot; never listed. */
    FREE,
    /** Requests are out, no reply yet; packets wait in the entry's queue. */
    INCOMPLETE,
    /** The MAC address was confirmed within the reachable time. */
    REACHABLE,
    /** The MAC address is still used, but unconfirmed for longer than the reachable time. */
    STALE,
    /** A stale entry was used: packets go to its MAC address while unicast requests re-verify it. */
    PROBE,
    /** Resolution gave up; packets are dropped until the entry is removed or the neighbour speaks. */
    FAILED
}
