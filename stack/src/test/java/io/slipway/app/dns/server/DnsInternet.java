package io.slipway.app.dns.server;

import io.slipway.app.dns.Zone;
import io.slipway.app.dns.ZoneFileException;
import io.slipway.app.dns.ZoneFileParser;
import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.SocketException;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.resolver.DnsCache;
import io.slipway.socket.resolver.Resolver;
import io.slipway.socket.resolver.ResolverConfig;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Simulation;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small internet of slipway hosts in virtual time, for the journey of a name: a root server, a
 * TLD server for {@code test.}, the authoritative server of {@code example.test.}, a recursive
 * server, and a client, each on its own SLIP line (paced at 115 200 baud) to router R.
 *
 * <pre>
 *   root 10.0.1.2 ─┐
 *   tld  10.0.2.2 ─┤
 *   auth 10.0.3.2 ─┼─ R (10.0.x.1, forwarding)
 *   rec  10.0.4.2 ─┤
 *   client 10.0.5.2┘
 * </pre>
 */
final class DnsInternet {
    static final long SECOND = 1_000_000_000L;
    static final String ROOT_ZONE = String.join("\n",
            "$ORIGIN .",
            "$TTL 86400",
            "@ SOA a.root-servers.net. hostmaster.root-servers.net. 1 1800 900 604800 3600",
            "@ NS a.root-servers.net.",
            "a.root-servers.net. A 10.0.1.2",
            "test. 172800 NS ns.nic.test.",
            "ns.nic.test. 172800 A 10.0.2.2", "");
    static final String TLD_ZONE = String.join("\n",
            "$ORIGIN test.",
            "$TTL 86400",
            "@ SOA ns.nic.test. hostmaster.nic.test. 1 1800 900 604800 900",
            "@ NS ns.nic",
            "ns.nic A 10.0.2.2",
            "example 86400 NS ns.example",
            "ns.example 86400 A 10.0.3.2", "");
    static final String DOMAIN_ZONE = String.join("\n",
            "$ORIGIN example.test.",
            "$TTL 3600",
            "@ SOA ns hostmaster ( 2026120201 ; serial",
            "      3600 600 86400 300 )   ; refresh retry expire minimum (negative TTL 5 min)",
            "@ NS ns",
            "@ MX 20 backup-mail",
            "@ MX 10 mail",
            "ns A 10.0.3.2",
            "www A 10.0.3.80",
            "mail A 10.0.3.25",
            "backup-mail A 10.0.3.26",
            "ftp CNAME www", "");
    static final String HINTS = String.join("\n",
            ". 3600000 NS a.root-servers.net.",
            "a.root-servers.net. 3600000 A 10.0.1.2", "");

    final ManualClock clock = new ManualClock();
    final Simulation sim = new Simulation(clock);
    final Stack router;
    final Stack root;
    final Stack tld;
    final Stack auth;
    final Stack recursive;
    final Stack client;
    final DnsServer rootServer;
    final DnsServer tldServer;
    final DnsServer authServer;
    final DnsServer recursiveServer;
    final LookupService lookups = new LookupService();
    private final java.util.List<LoopbackCable> cables = new java.util.ArrayList<>();
    private final long seed;

    DnsInternet(long seed, Impairments line) throws Exception {
        this.seed = seed;
        router = new Stack("R", new StackConfig(8, 4096, 64 * 1024), seed);
        router.ip().setForwarding(true);
        root = host("root", 1, line);
        tld = host("tld", 2, line);
        auth = host("auth", 3, line);
        recursive = host("recursive", 4, line);
        client = host("client", 5, line);
        sim.add(router);
        rootServer = DnsServer.start(root.sockets(), zones(zone(ROOT_ZONE, ".")), null, 0, DnsServer.PORT);
        tldServer = DnsServer.start(tld.sockets(), zones(zone(TLD_ZONE, "test.")), null, 0, DnsServer.PORT);
        authServer = DnsServer.start(auth.sockets(), zones(zone(DOMAIN_ZONE, "example.test.")), null, 0,
                DnsServer.PORT);
        RecursiveResolver recursion = new RecursiveResolver(recursive.sockets(), RootHints.parse("hints", HINTS),
                DnsCache.withDefaults(), new SplittableRandom(seed * 31), Duration.ofMillis(800));
        recursiveServer = DnsServer.start(recursive.sockets(), Zones.none(), recursion, 0, DnsServer.PORT);
        client.sockets().addService(lookups);
    }

    /** Frames the lines dropped, both ways, all lines. */
    long framesLost() {
        long n = 0;
        for (LoopbackCable c : cables) {
            for (io.slipway.hal.loopback.CableDirection d : io.slipway.hal.loopback.CableDirection.values()) {
                n += c.counters(d).get(io.slipway.hal.loopback.CableEvent.LOST);
            }
        }
        return n;
    }

    private Stack host(String name, int net, Impairments line) {
        LoopbackCable cable = LoopbackCable.builder(clock).name(name).framing(Framing.SLIP).mtu(1006)
                .impairments(line).seed(seed * 1000 + net).build();
        cables.add(cable);
        router.addInterface(cable.a(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0." + net + ".1/24", 24),
                Ipv4Address.parse("10.0." + net + ".2")));
        Stack s = new Stack(name, StackConfig.DEFAULT, seed * 100 + net);
        s.addInterface(cable.b(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0." + net + ".2/24", 24),
                Ipv4Address.parse("10.0." + net + ".1")));
        s.ip().routes().addDefaultGateway(Ipv4Address.parse("10.0." + net + ".1"));
        sim.add(s);
        return s;
    }

    private static Zone zone(String text, String origin) throws ZoneFileException {
        return Zone.of(ZoneFileParser.parse(origin + "zone", text, DnsName.parse(origin)));
    }

    private static Zones zones(Zone z) {
        return new Zones(List.of(z));
    }

    /** A stub resolver on the client that asks the recursive server, with a cache of its own. */
    Resolver clientResolver(Duration timeout, int rounds) {
        ResolverConfig config = ResolverConfig.of(Ipv4Address.parse("10.0.4.2"))
                .withTimeout(timeout, timeout.multipliedBy(8), rounds);
        return new Resolver(client.sockets(), config, DnsCache.withDefaults(), new SplittableRandom(seed * 7), clock);
    }

    /** Runs a client lookup to its end in virtual time; the lookup, done. */
    io.slipway.socket.resolver.Lookup run(io.slipway.socket.resolver.Lookup lookup) {
        lookups.start(lookup);
        if (!sim.runUntil(lookups::isDone, 600 * SECOND)) {
            throw new AssertionError("lookup of " + lookup.name() + " did not finish in 10 virtual minutes");
        }
        return lookup;
    }

    long queriesSeen(DnsServer s) {
        return s.events().get(DnsServerEvent.QUERIES_IN);
    }

    String counts() {
        return "root " + rootServer.events() + "\ntld " + tldServer.events() + "\nauth " + authServer.events()
                + "\nrecursive " + recursiveServer.events();
    }

    void close() throws SocketException {
        // nothing to release: the stacks and cables live in memory only
    }
}
