package io.slipway.arp;

/**
 * The bounds and timers of one interface's ARP: memory is fixed here, never by what a peer sends.
 *
 * <p>Packets waiting for resolution live in one shared pool of {@code queuedPackets} buffers of
 * the link's MTU, and no address may hold more than {@code queuePerAddress} of them. The shared
 * pool bounds memory (16 × 1514 bytes by default, where a pool per entry would reserve 64 × 4
 * buffers that almost never fill: few addresses are unresolved at once); the per-address limit
 * keeps one dead neighbour from taking every buffer (Linux bounds its queue per neighbour too,
 * {@code unres_qlen}).
 *
 * @param cacheEntries addresses the cache holds, each with one timer
 * @param reachableNanos how long a confirmed MAC address is trusted before it goes STALE
 *     (Linux's {@code base_reachable_time}, 30 s)
 * @param staleNanos how long a STALE entry that nobody uses is kept before it is removed (Linux's
 *     {@code gc_stale_time}, 60 s)
 * @param maxRequests requests sent to resolve an address, or to re-verify a stale one, before
 *     giving up: the first plus {@code maxRequests - 1} retries (Linux's {@code mcast_solicit}, 3)
 * @param retryNanos time between those requests; RFC 1122 §2.3.2.1 asks for at most one request
 *     per second per address, so 1 s
 * @param queuePerAddress packets that may wait for one address (Linux's {@code unres_qlen} was 3)
 * @param queuedPackets packets that may wait across all addresses: the shared pool's size
 * @param failedNanos how long an address that did not resolve stays FAILED, dropping packets
 *     without new requests, before it may be tried again (FreeBSD's {@code arpt_down}, 20 s)
 */
public record ArpConfig(int cacheEntries, long reachableNanos, long staleNanos, int maxRequests,
        long retryNanos, int queuePerAddress, int queuedPackets, long failedNanos) {
    private static final long SECOND = 1_000_000_000L;

    public static final ArpConfig DEFAULT =
            new ArpConfig(64, 30 * SECOND, 60 * SECOND, 3, SECOND, 4, 16, 20 * SECOND);

    public ArpConfig {
        if (cacheEntries < 1) {
            throw new IllegalArgumentException("the ARP cache needs at least one entry: " + cacheEntries);
        }
        if (reachableNanos <= 0 || staleNanos <= 0 || retryNanos <= 0 || failedNanos <= 0) {
            throw new IllegalArgumentException("ARP times must be positive: reachable " + reachableNanos
                    + ", stale " + staleNanos + ", retry " + retryNanos + ", failed " + failedNanos + " ns");
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("ARP must send at least one request: " + maxRequests);
        }
        if (queuePerAddress < 1 || queuedPackets < queuePerAddress) {
            throw new IllegalArgumentException("ARP queues need 1 <= queuePerAddress <= queuedPackets: "
                    + queuePerAddress + ", " + queuedPackets);
        }
    }

    /** Timers one {@link Arp} schedules at most: one per entry and one for announcements. */
    public int timersNeeded() {
        return cacheEntries + 1;
    }

    public ArpConfig withCacheEntries(int cacheEntries) {
        return new ArpConfig(cacheEntries, reachableNanos, staleNanos, maxRequests, retryNanos, queuePerAddress,
                queuedPackets, failedNanos);
    }

    public ArpConfig withQueues(int queuePerAddress, int queuedPackets) {
        return new ArpConfig(cacheEntries, reachableNanos, staleNanos, maxRequests, retryNanos, queuePerAddress,
                queuedPackets, failedNanos);
    }
}
