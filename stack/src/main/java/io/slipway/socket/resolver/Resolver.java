package io.slipway.socket.resolver;

import io.slipway.base.Clock;
import io.slipway.base.SystemClock;
import io.slipway.socket.Addresses;
import io.slipway.socket.SocketException;
import io.slipway.socket.Sockets;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.ResourceRecord;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The resolver of the socket library (BSD's gethostbyname and res_query): names to addresses,
 * mail exchanges and other records, through the configured DNS servers, with a cache.
 *
 * <p>Two ways to use it: {@link #lookup} and its friends block the calling application thread
 * until the answer; {@link #start} returns a {@link Lookup} to drive with non-blocking polls, as a
 * {@code Service} on the stack thread does. Both do the same (see {@link Lookup}).
 *
 * <p>Query IDs come from a {@link SecureRandom} unless a generator is given (a simulation's seeded
 * one): RFC 5452 asks that an attacker cannot guess them.
 */
public final class Resolver {
    /** How often a blocking lookup looks for late answers to tries that timed out. */
    static final long EARLIER_TRIES_CHECK_NANOS = 50_000_000L;
    private final Sockets sockets;
    private final ResolverConfig config;
    private final DnsCache cache;
    private final RandomGenerator random;
    private final Clock clock;

    /** A resolver with its own cache, unpredictable IDs, on the system clock. */
    public Resolver(Sockets sockets, ResolverConfig config) {
        this(sockets, config, DnsCache.withDefaults(), new SecureRandom(), SystemClock.INSTANCE);
    }

    public Resolver(Sockets sockets, ResolverConfig config, DnsCache cache, RandomGenerator random, Clock clock) {
        this.sockets = sockets;
        this.config = config;
        this.cache = cache;
        this.random = random;
        this.clock = clock;
    }

    public ResolverConfig config() {
        return config;
    }

    public DnsCache cache() {
        return cache;
    }

    Sockets sockets() {
        return sockets;
    }

    synchronized int nextQueryId() {
        return random.nextInt(0x10000);
    }

    /** Starts a lookup to drive with {@link Lookup#poll}. */
    public Lookup start(DnsName name, int type) {
        return new Lookup(this, name, type);
    }

    /**
     * Looks {@code name} up, blocking the calling thread (not the stack's) until it is done.
     *
     * @throws ResolverException when there is no answer, saying why
     * @throws SocketException when the socket library fails here (interrupted, stack stopped)
     */
    public LookupResult lookup(DnsName name, int type) throws ResolverException, SocketException {
        Lookup lookup = start(name, type);
        try {
            while (!lookup.poll(clock.nanos())) {
                long wait = lookup.nextDeadline() - clock.nanos();
                if (lookup.hasEarlierTries()) {
                    // One descriptor can be waited on; tries that timed out are looked at this often.
                    wait = Math.min(wait, EARLIER_TRIES_CHECK_NANOS);
                }
                if (lookup.descriptor() >= 0 && wait > 0) {
                    sockets.awaitReadable(lookup.descriptor(), wait);
                }
            }
        } finally {
            if (!lookup.isDone()) {
                lookup.cancel();
            }
        }
        return lookup.result();
    }

    /** Parses a name for a lookup; a name that cannot be one fails as {@link ResolverException.Kind#BAD_NAME}. */
    public static DnsName name(String text) throws ResolverException {
        try {
            return DnsName.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ResolverException(ResolverException.Kind.BAD_NAME, "cannot look up '" + text + "': "
                    + e.getMessage());
        }
    }

    /**
     * gethostbyname: the IPv4 addresses of {@code host}, a name or a literal address (returned as
     * it is). Blocking.
     */
    public List<Integer> getHostByName(String host) throws ResolverException, SocketException {
        if (Addresses.isLiteral(host)) {
            return List.of(Addresses.parse(host));
        }
        return lookup(name(host), DnsType.A).addresses();
    }

    /** The mail exchanges of {@code domain}, lowest preference first (RFC 5321 §5.1). Blocking. */
    public List<MxHost> lookupMx(String domain) throws ResolverException, SocketException {
        return mxHosts(lookup(name(domain), DnsType.MX));
    }

    /** The MX records of a result, sorted by preference (ties keep the server's order). */
    public static List<MxHost> mxHosts(LookupResult result) {
        List<MxHost> hosts = new ArrayList<>();
        for (ResourceRecord r : result.records()) {
            if (r.data() instanceof RData.Mx mx) {
                hosts.add(new MxHost(mx.preference(), mx.exchange()));
            }
        }
        hosts.sort(Comparator.comparingInt(MxHost::preference));
        return hosts;
    }
}
