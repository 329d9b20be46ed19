package io.slipway.app.dns.server;

import io.slipway.base.Clock;
import io.slipway.base.Counters;
import io.slipway.socket.Sockets;
import io.slipway.socket.dns.Question;
import io.slipway.socket.dns.ResourceRecord;
import io.slipway.socket.resolver.DnsCache;
import io.slipway.socket.resolver.Trust;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Recursion for a {@link DnsServer}: resolves questions from the root hints down
 * ({@link Resolution}), caching what it learns in its {@link DnsCache} so the next question
 * about the same zone starts lower, or is answered at once. At most {@code maxActive}
 * resolutions run at a time, each with at most one socket open: memory and sockets are bounded
 * by configuration, not by clients, and recursion leaves the rest of the host's sockets alone.
 *
 * <p>Runs on the stack thread, driven by the server's {@link DnsServer#poll}.
 */
public final class RecursiveResolver {
    /** Resolutions at once by default: a quarter of the default socket table (64). */
    public static final int DEFAULT_MAX_ACTIVE = 16;

    private final Sockets sockets;
    private final RootHints hints;
    private final DnsCache cache;
    private final RandomGenerator random;
    private final long timeoutNanos;
    private final int maxActive;
    private final List<Resolution> active = new ArrayList<>();
    private Counters<DnsServerEvent> events;

    /**
     * @param timeout how long to wait for each server before asking the next
     * @param random query IDs: a SecureRandom in real use (RFC 5452), seeded in simulations
     */
    public RecursiveResolver(Sockets sockets, RootHints hints, DnsCache cache, RandomGenerator random,
            Duration timeout) {
        this(sockets, hints, cache, random, timeout, DEFAULT_MAX_ACTIVE);
    }

    /** @param maxActive resolutions at once; keep it well below the stack's socket table */
    public RecursiveResolver(Sockets sockets, RootHints hints, DnsCache cache, RandomGenerator random,
            Duration timeout, int maxActive) {
        if (maxActive < 1) {
            throw new IllegalArgumentException("at least one resolution at a time: " + maxActive);
        }
        this.sockets = sockets;
        this.hints = hints;
        this.cache = cache;
        this.random = random;
        this.timeoutNanos = timeout.toNanos();
        this.maxActive = maxActive;
    }

    public int maxActive() {
        return maxActive;
    }

    public DnsCache cache() {
        return cache;
    }

    /** Resolutions running now. */
    public int activeCount() {
        return active.size();
    }

    void countInto(Counters<DnsServerEvent> counters) {
        this.events = counters;
    }

    /**
     * Starts resolving {@code question}; {@code done} hears the outcome, perhaps before this
     * returns (from the cache). False, and nothing started, when {@code maxActive} are running.
     */
    boolean resolve(Question question, long nowNanos, Consumer<Outcome> done) {
        if (active.size() >= maxActive) {
            return false;
        }
        Resolution r = new Resolution(this, question, 0, new Resolution.Budget(), done);
        if (!r.poll(nowNanos)) {
            active.add(r);
        }
        return true;
    }

    void poll(long nowNanos) {
        for (int i = 0; i < active.size(); i++) {
            if (active.get(i).poll(nowNanos)) {
                active.remove(i--);
            }
        }
    }

    long nextDeadline() {
        long next = Clock.NEVER;
        for (Resolution r : active) {
            next = Math.min(next, r.nextDeadline());
        }
        return next;
    }

    /**
     * Caches a delegation from the server's own zone (its NS records and glue), so that recursion
     * into it starts at the child's servers, as RFC 1034 §5.3.3 step 2 asks ("the closest known
     * name servers"), not at the root, which may not know a private zone at all.
     */
    void learnDelegation(List<ResourceRecord> nsRecords, List<ResourceRecord> glue, long nowNanos) {
        if (!nsRecords.isEmpty()) {
            cache.put(nsRecords, Trust.AUTHORITY, nowNanos);
        }
        java.util.Map<io.slipway.socket.dns.DnsName, List<ResourceRecord>> byName = new java.util.LinkedHashMap<>();
        for (ResourceRecord r : glue) {
            byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
        }
        for (List<ResourceRecord> rrset : byName.values()) {
            cache.put(rrset, Trust.ADDITIONAL, nowNanos);
        }
    }

    /** Stops every resolution, closing their sockets. */
    void close() {
        for (Resolution r : active) {
            r.abandon();
        }
        active.clear();
    }

    Sockets sockets() {
        return sockets;
    }

    RootHints hints() {
        return hints;
    }

    long timeoutNanos() {
        return timeoutNanos;
    }

    int nextQueryId() {
        return random.nextInt(0x10000);
    }

    void countUpstreamQuery() {
        if (events != null) {
            events.increment(DnsServerEvent.UPSTREAM_QUERIES);
        }
    }
}
