package io.slipway.socket.resolver;

import io.slipway.socket.InetEndpoint;
import java.time.Duration;
import java.util.List;

/**
 * How the resolver asks (what resolv.conf says to a BSD resolver).
 *
 * @param servers the name servers to ask, in order, each on its port (53)
 * @param timeout how long the first try of each server waits; every further round waits twice
 *     as long as the one before (backoff), up to {@code maxTimeout}
 * @param maxTimeout the longest a single try waits
 * @param attempts rounds over all the servers before giving up (resolv.conf's {@code attempts})
 * @param maxCnameChain CNAMEs followed from the name asked before the lookup fails (a loop or a
 *     chain this long is a misconfiguration)
 * @param maxQueries queries one lookup may send in all, a bound on the work a hostile server can
 *     make it do
 * @param hosts names answered locally before any query (a hosts file)
 */
public record ResolverConfig(List<InetEndpoint> servers, Duration timeout, Duration maxTimeout, int attempts,
        int maxCnameChain, int maxQueries, HostsTable hosts) {
    public static final int DNS_PORT = 53;

    public ResolverConfig {
        servers = List.copyOf(servers);
        if (timeout.isNegative() || timeout.isZero() || maxTimeout.compareTo(timeout) < 0) {
            throw new IllegalArgumentException("timeouts must be positive, the largest at least the first");
        }
        if (attempts < 1 || maxCnameChain < 0 || maxQueries < 1) {
            throw new IllegalArgumentException("at least one attempt and one query");
        }
        for (InetEndpoint s : servers) {
            if (s.address() == 0 || s.port() == 0) {
                throw new IllegalArgumentException("not a server address: " + s);
            }
        }
    }

    /** Asks {@code servers} (addresses, port 53): 1 s first, doubling, 3 rounds, 8 CNAMEs, no hosts. */
    public static ResolverConfig of(int... servers) {
        InetEndpoint[] list = new InetEndpoint[servers.length];
        for (int i = 0; i < servers.length; i++) {
            list[i] = new InetEndpoint(servers[i], DNS_PORT);
        }
        return new ResolverConfig(List.of(list), Duration.ofSeconds(1), Duration.ofSeconds(8), 3, 8, 24,
                HostsTable.EMPTY);
    }

    public ResolverConfig withHosts(HostsTable h) {
        return new ResolverConfig(servers, timeout, maxTimeout, attempts, maxCnameChain, maxQueries, h);
    }

    public ResolverConfig withTimeout(Duration first, Duration max, int rounds) {
        return new ResolverConfig(servers, first, max, rounds, maxCnameChain, maxQueries, hosts);
    }

    public ResolverConfig withServers(List<InetEndpoint> s) {
        return new ResolverConfig(s, timeout, maxTimeout, attempts, maxCnameChain, maxQueries, hosts);
    }
}
