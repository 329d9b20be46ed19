package io.slipway.cli;

import io.slipway.app.dns.Zone;
import io.slipway.app.dns.ZoneFileException;
import io.slipway.app.dns.ZoneFileParser;
import io.slipway.app.dns.server.DnsServer;
import io.slipway.app.dns.server.DnsServerEvent;
import io.slipway.app.dns.server.Zones;
import io.slipway.arp.Arp;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.framing.Framing;
import io.slipway.ip.IpEvent;
import io.slipway.ip.Ipv4Address;
import io.slipway.socket.Addresses;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.resolver.LookupResult;
import io.slipway.socket.resolver.Resolver;
import io.slipway.socket.resolver.ResolverConfig;
import io.slipway.stack.Stack;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hosts alice (10.0.0.1) and bob (10.0.0.2), each a whole stack on its own thread, joined by an
 * in-memory cable that behaves like a serial line. bob serves DNS for {@code demo.test}; alice's
 * resolver asks him for {@code bob.demo.test} (over a UDP socket, as {@code slipway lookup}
 * would), asks again and is answered from her cache, then pings the address as {@code slipway
 * ping} would: first small pings, then one larger than the line's MTU, which IP cuts into
 * fragments on the way out and puts together again at the far end, both ways. Then what crossed.
 */
final class PingDemo {
    static final String ALICE = "10.0.0.1";
    static final String BOB = "10.0.0.2";
    static final String BOB_NAME = "bob.demo.test";
    /** bob's zone: the names of the demo's hosts. */
    static final String ZONE = String.join("\n",
            "$ORIGIN demo.test.",
            "$TTL 3600",
            "@     SOA ns hostmaster ( 1 3600 600 86400 300 )",
            "@     NS  ns",
            "@     MX  10 bob",
            "ns    A   " + BOB,
            "bob   A   " + BOB,
            "alice A   " + ALICE, "");
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final PrintWriter out;
    private final PrintWriter err;
    private final Framing framing;
    private final int baud;
    private final int mtu;

    PingDemo(PrintWriter out, PrintWriter err, Framing framing, int baud, int mtu) {
        this.out = out;
        this.err = err;
        this.framing = framing;
        this.baud = baud;
        this.mtu = mtu;
    }

    /** Runs both pings on the two ends of a cable; true when every request was answered. */
    boolean run(LanAdapter aliceEnd, LanAdapter bobEnd, Path pcap) throws InterruptedException, IOException {
        boolean slip = framing.medium() == io.slipway.hal.Medium.IP;
        String framingName = framing.name();
        LinkSettings aliceLink = LinkSettings.of("cable0/a", ALICE + "/24", slip ? BOB : null, null, framingName,
                Math.max(baud, 1), mtu, null, null, false);
        LinkSettings bobLink = LinkSettings.of("cable0/b", BOB + "/24", slip ? ALICE : null, null, framingName,
                Math.max(baud, 1), mtu, null, null, false);
        say("slipway demo: alice %s and bob %s on an in-memory serial cable: %s framing, %s, MTU %d", ALICE, BOB,
                framingName, baud == 0 ? "unpaced" : baud + " baud", mtu);
        say("alice looks bob up in his DNS server, then pings him through every layer: ping -> ICMP -> IPv4 -> %s"
                + " -> cable, and back", slip ? "SLIP driver" : "ARP + Ethernet driver");
        say("");
        try (HostStack alice = HostStack.start("alice", List.of(new HostStack.Attachment(aliceLink, aliceEnd, null)),
                false);
                HostStack bob = HostStack.start("bob", List.of(new HostStack.Attachment(bobLink, bobEnd, null)),
                        false)) {
            DnsServer server = DnsServer.start(bob.stack().sockets(), new Zones(List.of(zone())), null,
                    Addresses.ANY, DnsServer.PORT);
            int bobAddress = lookUp(alice);
            if (bobAddress == Addresses.ANY) {
                return false;
            }
            say("  bob's DNS server saw %d query and sent %d answer", server.events().get(DnsServerEvent.QUERIES_IN),
                    server.events().get(DnsServerEvent.RESPONSES_OUT));
            say("");
            long interval = 200 * MS;
            long timeout = Math.max(2_000, 3L * 2 * 2000 * 10 * 1000 / Math.max(baud, 1)) * MS;
            int small = new Pinger(alice, new Pinger.Settings(BOB_NAME, bobAddress, 3, 56, interval, timeout, 0, 0x0d30),
                    out, err, StopSignal.manual()).run();
            say("");
            int large = new Pinger(alice, new Pinger.Settings(BOB_NAME, bobAddress, 2, 2000, interval, timeout, 0,
                    0x0d31),
                    out, err, StopSignal.manual()).run();
            say("");
            report(alice, bob);
            if (pcap != null) {
                say("capture of alice's side written to %s (Wireshark and tcpdump open it)", pcap);
            }
            return small == Slipway.EXIT_OK && large == Slipway.EXIT_OK;
        }
    }

    /** alice's resolver asks bob's server for his name, twice; his address, or ANY when it failed. */
    private int lookUp(HostStack alice) {
        Resolver resolver = new Resolver(alice.stack().sockets(), ResolverConfig.of(Addresses.parse(BOB))
                .withTimeout(Duration.ofSeconds(2), Duration.ofSeconds(8), 3));
        try {
            LookupResult first = resolver.lookup(DnsName.parse(BOB_NAME), DnsType.A);
            say("$ slipway lookup %s   (resolver -> UDP socket -> IPv4 -> cable -> bob's DNS server on port 53)",
                    BOB_NAME);
            for (String line : LookupFormat.server(first.source())) {
                say("%s", line);
            }
            for (String line : LookupFormat.answer(first)) {
                say("%s", line);
            }
            LookupResult again = resolver.lookup(DnsName.parse(BOB_NAME), DnsType.A);
            say("  asked again: %s, %d queries (TTL %d s left)", again.fromCache() ? "answered from alice's cache"
                    : "asked bob again", again.queries(), again.records().get(0).ttl());
            return first.addresses().get(0);
        } catch (IOException e) {
            err.println("slipway: demo: lookup of " + BOB_NAME + " failed: " + e.getMessage());
            err.flush();
            return Addresses.ANY;
        }
    }

    private static Zone zone() {
        try {
            return Zone.of(ZoneFileParser.parse("demo.test.zone", ZONE, DnsName.parse("demo.test.")));
        } catch (ZoneFileException e) {
            throw new IllegalStateException("the demo's own zone does not load: " + e.getMessage(), e);
        }
    }

    private void report(HostStack alice, HostStack bob) throws InterruptedException {
        say("what crossed:");
        String aliceAdapter = alice.call(s -> s.driver(0).adapter().counters().toString());
        String bobAdapter = bob.call(s -> s.driver(0).adapter().counters().toString());
        String aliceIp = alice.call(PingDemo::ipSummary);
        String bobIp = bob.call(PingDemo::ipSummary);
        say("  alice's adapter: %s", aliceAdapter);
        say("  bob's adapter:   %s", bobAdapter);
        say("  alice IP: %s", aliceIp);
        say("  bob IP:   %s", bobIp);
        if (framing.medium() != io.slipway.hal.Medium.IP) {
            String neighbours = alice.call(s -> ((Arp) s.ip().interfaceAt(0).resolver()).entries().toString());
            say("  alice's ARP cache: %s", neighbours);
        }
    }

    private static String ipSummary(Stack s) {
        var e = s.ip().events();
        return String.format("%d datagrams out, %d in, %d cut into %d fragments, %d reassembled, %d dropped",
                e.get(IpEvent.PACKETS_OUT), e.get(IpEvent.PACKETS_IN), e.get(IpEvent.FRAGMENTED),
                e.get(IpEvent.FRAGMENTS_OUT), e.get(IpEvent.REASSEMBLED), drops(s));
    }

    private static long drops(Stack s) {
        long n = 0;
        for (IpEvent event : IpEvent.values()) {
            if (event.name().startsWith("DROP_")) {
                n += s.ip().events().get(event);
            }
        }
        return n;
    }

    private void say(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }
}
