package io.slipway.socket.resolver;

import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.ResourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded cache of RRsets and of negative answers, each kept for its TTL (RFC 1035 §7.4, RFC
 * 2181 §5.2, RFC 2308). Full, it forgets the entry used least recently. Thread-safe: a resolver
 * on an application thread and a server on the stack thread may share one.
 *
 * <ul>
 *   <li>Positive: an RRset (same name, type and class) lives for the smallest TTL in it (RFC 2181
 *       §5.2 asks that they be equal, and to treat a mix as the least), capped at
 *       {@code maxTtlSeconds}; {@link #get} hands it out with the time left as its TTL.
 *   <li>Negative (RFC 2308 §5): NXDOMAIN for a name (every type) or NODATA for a name and type,
 *       for min(SOA TTL, SOA MINIMUM) taken from the response's authority section, capped at
 *       {@code maxNegativeTtlSeconds}. A negative answer without an SOA is not cached.
 *   <li>Trust: data of a lower {@link Trust} does not replace live data of a higher one.
 * </ul>
 *
 * Times are the caller's clock in nanoseconds (the stack's virtual time in a simulation).
 */
public final class DnsCache {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** The type under which NXDOMAIN is kept: it answers for every type of the name. */
    private static final int ANY_TYPE = DnsType.ANY;

    private record Key(DnsName name, int type) {
    }

    /** A positive entry (records) or a negative one (records empty, soa set). */
    private record Entry(List<ResourceRecord> records, Trust trust, long expiresAt, boolean nxdomain,
            ResourceRecord soa) {
        boolean isNegative() {
            return records.isEmpty();
        }
    }

    /** What the cache knows that there is not: the name (NXDOMAIN) or its records of one type (NODATA). */
    public record Negative(boolean nxdomain, ResourceRecord soa) {
    }

    private final int maxEntries;
    private final long maxTtlSeconds;
    private final long maxNegativeTtlSeconds;
    private final LinkedHashMap<Key, Entry> entries;
    private long hits;
    private long misses;

    public DnsCache(int maxEntries, long maxTtlSeconds, long maxNegativeTtlSeconds) {
        if (maxEntries < 1 || maxTtlSeconds < 0 || maxNegativeTtlSeconds < 0) {
            throw new IllegalArgumentException("cache size must be positive, TTL caps non-negative");
        }
        this.maxEntries = maxEntries;
        this.maxTtlSeconds = maxTtlSeconds;
        this.maxNegativeTtlSeconds = maxNegativeTtlSeconds;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > DnsCache.this.maxEntries;
            }
        };
    }

    /** 512 entries, a week for answers (BIND's max-cache-ttl), three hours for negative ones (RFC 2308 §5). */
    public static DnsCache withDefaults() {
        return new DnsCache(512, 7 * 24 * 3600, 3 * 3600);
    }

    /** Caches one RRset: records of one name, type and class. */
    public synchronized void put(List<ResourceRecord> rrset, Trust trust, long nowNanos) {
        if (rrset.isEmpty()) {
            return;
        }
        ResourceRecord first = rrset.get(0);
        long ttl = Long.MAX_VALUE;
        for (ResourceRecord r : rrset) {
            if (!r.name().equals(first.name()) || r.type() != first.type() || r.dnsClass() != first.dnsClass()) {
                throw new IllegalArgumentException("not one RRset: " + first + " and " + r);
            }
            ttl = Math.min(ttl, r.ttl());
        }
        ttl = Math.min(ttl, maxTtlSeconds);
        if (ttl == 0) {
            return; // RFC 1035 §3.2.1: a zero TTL is for this transaction only
        }
        Key key = key(first.name(), first.type());
        Entry old = entries.get(key);
        if (old != null && !old.isNegative() && old.expiresAt - nowNanos > 0 && old.trust.compareTo(trust) > 0) {
            return;
        }
        List<ResourceRecord> copy = new ArrayList<>(rrset.size());
        for (ResourceRecord r : rrset) {
            copy.add(r.withTtl(ttl));
        }
        entries.put(key, new Entry(List.copyOf(copy), trust, nowNanos + ttl * NANOS_PER_SECOND, false, null));
        // New positive data for a name that was cached as not existing: it exists after all.
        Entry nx = entries.get(key(first.name(), ANY_TYPE));
        if (nx != null && nx.nxdomain) {
            entries.remove(key(first.name(), ANY_TYPE));
        }
    }

    /**
     * The live RRset of {@code name} and {@code type}, each record's TTL the seconds left, or
     * null when there is none (a negative entry is not an RRset: see {@link #getNegative}).
     */
    public synchronized List<ResourceRecord> get(DnsName name, int type, long nowNanos) {
        Entry e = live(key(name, type), nowNanos);
        if (e == null || e.isNegative()) {
            misses++;
            return null;
        }
        hits++;
        long left = Math.max(0, (e.expiresAt - nowNanos) / NANOS_PER_SECOND);
        List<ResourceRecord> out = new ArrayList<>(e.records.size());
        for (ResourceRecord r : e.records) {
            out.add(r.withTtl(Math.min(r.ttl(), left)));
        }
        return out;
    }

    /**
     * Caches that {@code name} does not exist ({@code nxdomain}) or has no records of
     * {@code type}, for as long as {@code soa} (from the negative response's authority section)
     * allows. Without an SOA nothing is cached (RFC 2308 §5).
     */
    public synchronized void putNegative(DnsName name, int type, boolean nxdomain, ResourceRecord soa,
            long nowNanos) {
        if (soa == null || !(soa.data() instanceof io.slipway.socket.dns.RData.Soa s)) {
            return;
        }
        long ttl = Math.min(Math.min(soa.ttl(), s.minimum()), maxNegativeTtlSeconds);
        if (ttl == 0) {
            return;
        }
        Key key = key(name, nxdomain ? ANY_TYPE : type);
        if (nxdomain) {
            // The name is gone: whatever else was cached for it is no longer so.
            DnsName lower = name.toLowerCase();
            entries.keySet().removeIf(k -> k.name().equals(lower));
        }
        entries.put(key, new Entry(List.of(), Trust.AUTHORITY, nowNanos + ttl * NANOS_PER_SECOND, nxdomain,
                soa.withTtl(ttl)));
    }

    /** What the cache knows does not exist for {@code name} and {@code type}, or null. */
    public synchronized Negative getNegative(DnsName name, int type, long nowNanos) {
        Entry nx = live(key(name, ANY_TYPE), nowNanos);
        if (nx != null && nx.nxdomain) {
            hits++;
            return new Negative(true, soaWithTimeLeft(nx, nowNanos));
        }
        Entry nodata = live(key(name, type), nowNanos);
        if (nodata != null && nodata.isNegative()) {
            hits++;
            return new Negative(false, soaWithTimeLeft(nodata, nowNanos));
        }
        return null;
    }

    private static ResourceRecord soaWithTimeLeft(Entry e, long nowNanos) {
        return e.soa.withTtl(Math.max(0, Math.min(e.soa.ttl(), (e.expiresAt - nowNanos) / NANOS_PER_SECOND)));
    }

    private Entry live(Key key, long nowNanos) {
        Entry e = entries.get(key);
        if (e != null && e.expiresAt - nowNanos <= 0) {
            entries.remove(key);
            return null;
        }
        return e;
    }

    private static Key key(DnsName name, int type) {
        return new Key(Objects.requireNonNull(name, "name").toLowerCase(), type);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    public synchronized void clear() {
        entries.clear();
    }
}
