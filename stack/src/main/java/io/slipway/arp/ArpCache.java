package io.slipway.arp;

import io.slipway.driver.MacAddress;
import io.slipway.ip.Ipv4Address;

/**
 * The fixed table of {@link CacheEntry} slots and the choice of which to reuse. Lookup is a linear
 * scan of an {@code int[]} of addresses: with tens of entries that is a few cache lines, cheaper
 * than hashing and with nothing to rebalance. State changes are {@link Arp}'s business.
 */
final class ArpCache {
    private final CacheEntry[] entries;
    /** {@code addresses[i]} is {@code entries[i].address}; 0 (never a neighbour's address) marks a free slot. */
    private final int[] addresses;
    private int used;

    ArpCache(int size, int queueCapacity, CacheEntry.Expiry expiry) {
        this.entries = new CacheEntry[size];
        this.addresses = new int[size];
        for (int i = 0; i < size; i++) {
            entries[i] = new CacheEntry(i, queueCapacity, expiry);
        }
    }

    int capacity() {
        return entries.length;
    }

    /** Entries in use. */
    int size() {
        return used;
    }

    CacheEntry at(int slot) {
        return entries[slot];
    }

    /** The entry for {@code address}, or {@code null}. */
    CacheEntry find(int address) {
        if (address == Ipv4Address.ANY) {
            return null;
        }
        for (int i = 0; i < addresses.length; i++) {
            if (addresses[i] == address) {
                return entries[i];
            }
        }
        return null;
    }

    /** A free slot, or {@code null} when every slot is in use. */
    CacheEntry free() {
        if (used == entries.length) {
            return null;
        }
        for (int i = 0; i < addresses.length; i++) {
            if (addresses[i] == Ipv4Address.ANY) {
                return entries[i];
            }
        }
        return null;
    }

    /**
     * The entry to evict for a new address, or {@code null} if all are INCOMPLETE. FAILED entries
     * go first (they only remember a failure), then STALE, then REACHABLE or PROBE; within a
     * group the least recently used. INCOMPLETE entries are never evicted: their requests are out
     * and packets wait in them, and evicting one for another unresolved address would only trade
     * one resolution for another.
     */
    CacheEntry victim() {
        CacheEntry best = null;
        for (CacheEntry e : entries) {
            if (e.state == NeighbourState.INCOMPLETE || e.state == NeighbourState.FREE) {
                continue;
            }
            if (best == null || rank(e) < rank(best) || (rank(e) == rank(best) && e.usedAt - best.usedAt < 0)) {
                best = e;
            }
        }
        return best;
    }

    private static int rank(CacheEntry e) {
        switch (e.state) {
            case FAILED:
                return 0;
            case STALE:
                return 1;
            default:
                return 2;
        }
    }

    /** Puts a free entry to use for {@code address}; the caller sets its state. */
    void bind(CacheEntry e, int address) {
        e.address = address;
        addresses[e.slot] = address;
        used++;
    }

    /** Frees an entry; the caller has cancelled its timer and emptied its queue. */
    void unbind(CacheEntry e) {
        e.address = Ipv4Address.ANY;
        e.mac = MacAddress.NONE;
        e.state = NeighbourState.FREE;
        e.requests = 0;
        addresses[e.slot] = Ipv4Address.ANY;
        used--;
    }
}
