package io.slipway.app.dns.server;

import static io.slipway.app.dns.server.ScriptedUpstream.ROOT;
import static io.slipway.app.dns.server.ScriptedUpstream.TIMEOUT_NANOS;
import static io.slipway.app.dns.server.ScriptedUpstream.responseTo;
import static io.slipway.app.dns.server.ScriptedUpstream.zone;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.dns.Zone;
import io.slipway.ip.Ipv4Address;
import io.slipway.socket.SocketConfig;
import io.slipway.socket.SocketType;
import io.slipway.socket.dns.DnsMessage;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.Question;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.Rcode;
import io.slipway.socket.dns.ResourceRecord;
import io.slipway.stack.StackConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Recursion's rules (RFC 1034 §5.3.3, RFC 2181 §5.4.1, RFC 5452 §6): a recursive {@link DnsServer}
 * whose upstream servers — root, TLDs, domains — are played by the test ({@link ScriptedUpstream}),
 * honest ones from zones and liars by hand, in virtual time.
 */
class RecursionRulesTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String TLD = "10.9.1.1";
    private static final String DOMAIN = "10.9.2.1";
    private static final String NET = "10.9.4.1";
    private static final String EVIL = "10.6.6.6";
    private static final int PORT = 5353;

    private static Zone rootZone() throws Exception {
        return zone(".",
                "$TTL 86400",
                "@ SOA a.root-servers.arpa. hostmaster.root-servers.arpa. 1 1800 900 604800 3600",
                "@ NS a.root-servers.arpa.",
                "a.root-servers.arpa. A " + ROOT,
                "test. 172800 NS ns.nic.test.",
                "ns.nic.test. 172800 A " + TLD,
                "net. 172800 NS ns.nic.net.",
                "ns.nic.net. 172800 A " + NET,
                "org. 172800 NS ns.nic.org.",
                "ns.nic.org. 172800 A 10.9.8.1");
    }

    private static Zone tldZone(String... delegations) throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "$TTL 86400",
                "@ SOA ns.nic hostmaster.nic 1 1800 900 604800 900",
                "@ NS ns.nic",
                "ns.nic A " + TLD));
        lines.addAll(List.of(delegations));
        return zone("test.", lines.toArray(new String[0]));
    }

    private static Zone domainZone(String... more) throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "$TTL 3600",
                "@ SOA ns hostmaster 1 3600 600 86400 300",
                "@ NS ns",
                "ns A " + DOMAIN,
                "www A 10.9.2.80"));
        lines.addAll(List.of(more));
        return zone("example.test.", lines.toArray(new String[0]));
    }

    /** The usual internet: root, test., example.test. */
    private static ScriptedUpstream honest() throws Exception {
        return new ScriptedUpstream().serve(ROOT, rootZone())
                .serve(TLD, tldZone("example NS ns.example", "ns.example A " + DOMAIN))
                .serve(DOMAIN, domainZone());
    }

    private static ResourceRecord a(String name, String address) {
        return ResourceRecord.in(DnsName.parse(name), 3600, new RData.A(Ipv4Address.parse(address)));
    }

    private static ResourceRecord ns(String zone, String host) {
        return ResourceRecord.in(DnsName.parse(zone), 86400, new RData.Ns(DnsName.parse(host)));
    }

    private static List<Integer> cachedA(ScriptedUpstream net, String name) {
        List<ResourceRecord> r = net.cache.get(DnsName.parse(name), DnsType.A, net.clock.nanos());
        return r == null ? null : r.stream().map(x -> ((RData.A) x.data()).address()).toList();
    }

    private static List<DnsName> cachedNs(ScriptedUpstream net, String zone) {
        List<ResourceRecord> r = net.cache.get(DnsName.parse(zone), DnsType.NS, net.clock.nanos());
        return r == null ? null : r.stream().map(x -> ((RData.Ns) x.data()).host()).toList();
    }

    private static int addr(String dotted) {
        return Ipv4Address.parse(dotted);
    }

    // ---------------------------------------------------------------- the walk

    @Test
    void shouldWalkFromTheRootDownAskingWithoutRecursion() throws Exception {
        ScriptedUpstream net = honest();

        net.ask(PORT, 0x4242, "www.example.test", DnsType.A);
        net.runFor(10 * SECOND);

        DnsMessage r = net.responseOn(PORT);
        assertEquals(0x4242, r.id());
        assertTrue(r.response());
        assertTrue(r.recursionAvailable(), "RA");
        assertTrue(r.recursionDesired());
        assertFalse(r.authoritative(), "a recursive answer is not authoritative");
        assertEquals(Rcode.NOERROR, r.rcode());
        assertEquals(List.of(a("www.example.test", "10.9.2.80")), r.answers());
        assertEquals(List.of(ROOT, TLD, DOMAIN), net.upstream.stream().map(ScriptedUpstream.Upstream::to).toList());
        for (ScriptedUpstream.Upstream u : net.upstream) {
            assertFalse(u.query().recursionDesired(), "iterative: RD clear");
            assertEquals(Question.in(DnsName.parse("www.example.test"), DnsType.A), u.question());
            assertTrue(u.sourcePort() >= 49152, "port " + u.sourcePort());
        }
        assertEquals(3, net.upstream.stream().map(u -> u.query().id()).distinct().count(), "IDs differ");
        assertEquals(3, net.count(DnsServerEvent.UPSTREAM_QUERIES));
        assertEquals(1, net.count(DnsServerEvent.RECURSIVE_QUERIES));
        assertEquals(1, net.host.sockets().openCount(), "only the server's socket is left");
    }

    @Test
    void shouldAnswerTheSameQuestionFromItsCache() throws Exception {
        ScriptedUpstream net = honest();
        net.ask(PORT, 1, "www.example.test", DnsType.A);
        net.runFor(10 * SECOND);
        int before = net.upstream.size();

        net.ask(PORT + 1, 2, "www.example.test", DnsType.A);
        net.runFor(SECOND);

        DnsMessage r = net.responseOn(PORT + 1);
        assertEquals(1, r.answers().size());
        assertEquals(a("www.example.test", "10.9.2.80").data(), r.answers().get(0).data());
        assertTrue(r.answers().get(0).ttl() <= 3600, "what is left of the TTL");
        assertEquals(before, net.upstream.size(), "no query upstream");
        assertEquals(1, net.count(DnsServerEvent.RECURSIVE_FROM_CACHE));
    }

    @Test
    void shouldPassANegativeAnswerOnWithItsSoa() throws Exception {
        ScriptedUpstream net = honest();

        net.ask(PORT, 3, "nowhere.example.test", DnsType.A);
        net.runFor(10 * SECOND);

        DnsMessage r = net.responseOn(PORT);
        assertEquals(Rcode.NXDOMAIN, r.rcode());
        assertEquals(List.of(), r.answers());
        assertEquals(DnsType.SOA, r.authorities().get(0).type(), "RFC 2308 §3: the SOA goes along");
    }

    @Test
    void shouldRefuseAQueryWithoutRdForANameOutsideItsZones() throws Exception {
        ScriptedUpstream net = honest();

        net.ask(PORT, DnsMessage.query(4, Question.in(DnsName.parse("www.example.test"), DnsType.A), false));
        net.runFor(SECOND);

        DnsMessage r = net.responseOn(PORT);
        assertEquals(Rcode.REFUSED, r.rcode());
        assertTrue(r.recursionAvailable(), "RA says recursion is offered, even in a refusal");
        assertEquals(List.of(), net.upstream);
        assertEquals(1, net.count(DnsServerEvent.REFUSED));
    }

    // ---------------------------------------------------------------- referrals

    @Test
    void shouldNotFollowAReferralThatPointsSideways() throws Exception {
        ScriptedUpstream net = honest().serve(TLD, q -> responseTo(q)
                .authorities(List.of(ns("other.test", "ns.other.test")))
                .additionals(List.of(a("ns.other.test", EVIL))).build());

        net.ask(PORT, 5, "www.example.test", DnsType.A);
        net.runFor(30 * SECOND);

        assertEquals(Rcode.SERVFAIL, net.responseOn(PORT).rcode());
        assertEquals(List.of(), net.queriesTo(EVIL), "other.test is not on the way to www.example.test");
        assertNull(cachedNs(net, "other.test"));
        assertNull(cachedA(net, "ns.other.test"));
        assertTrue(net.queriesTo(TLD).size() <= Resolution.TRIES_PER_SERVER, "a lame server is tried, not hammered");
        assertEquals(1, net.count(DnsServerEvent.SERVFAIL));
        assertEquals(1, net.host.sockets().openCount());
    }

    @Test
    void shouldNotFollowAReferralThatPointsUpwards() throws Exception {
        ScriptedUpstream net = honest().serve(TLD, q -> responseTo(q)
                .authorities(List.of(ns(".", "ns.evil.net"), ns("test", "ns.evil.net")))
                .additionals(List.of(a("ns.evil.net", EVIL))).build());

        net.ask(PORT, 6, "www.example.test", DnsType.A);
        net.runFor(30 * SECOND);

        assertEquals(Rcode.SERVFAIL, net.responseOn(PORT).rcode());
        assertEquals(List.of(), net.queriesTo(EVIL));
        assertNull(cachedNs(net, "."), "the root's servers come from the hints, not from a TLD");
        assertEquals(List.of(DnsName.parse("ns.nic.test")), cachedNs(net, "test"),
                "test.'s servers as the root said");
        assertNull(cachedA(net, "ns.evil.net"));
    }

    @Test
    void shouldNotCacheGlueOutsideTheReferringServersZone() throws Exception {
        ScriptedUpstream net = honest().serve(TLD, q -> responseTo(q)
                .authorities(List.of(ns("example.test", "ns.example.test"), ns("example.test", "ns.example.net")))
                .additionals(List.of(a("ns.example.test", DOMAIN), a("ns.example.net", EVIL),
                        a("mail.example.test", "10.6.6.7"), a("ns.nic.test", "10.6.6.8"))).build());

        net.ask(PORT, 7, "www.example.test", DnsType.A);
        net.runFor(10 * SECOND);

        assertEquals(List.of(a("www.example.test", "10.9.2.80")), net.responseOn(PORT).answers());
        assertEquals(List.of(addr(DOMAIN)), cachedA(net, "ns.example.test"), "in-bailiwick glue for the NS");
        assertNull(cachedA(net, "ns.example.net"), "test.'s server has no say about example.net");
        assertNull(cachedA(net, "mail.example.test"), "not a name server of the referral");
        assertEquals(List.of(addr(TLD)), cachedA(net, "ns.nic.test"), "the root's glue stays");
        assertEquals(List.of(), net.queriesTo(EVIL));
    }

    @Test
    void shouldResolveANameServerThatHasNoGlue() throws Exception {
        String provider = "10.9.6.1";
        Zone providerNet = zone("provider.net.",
                "$TTL 3600",
                "@ SOA ns hostmaster 1 3600 600 86400 300",
                "@ NS ns",
                "ns A " + provider);
        Zone example = zone("example.test.",
                "$TTL 3600",
                "@ SOA ns.provider.net. hostmaster 1 3600 600 86400 300",
                "@ NS ns.provider.net.",
                "www A 10.9.2.80");
        ScriptedUpstream net = new ScriptedUpstream().serve(ROOT, rootZone())
                .serve(TLD, tldZone("example NS ns.provider.net."))
                .serve(NET, zone("net.",
                        "$TTL 86400",
                        "@ SOA ns.nic hostmaster.nic 1 1800 900 604800 900",
                        "@ NS ns.nic",
                        "ns.nic A " + NET,
                        "provider NS ns.provider",
                        "ns.provider A " + provider))
                .serve(provider, providerNet, example);

        net.ask(PORT, 8, "www.example.test", DnsType.A);
        net.runFor(20 * SECOND);

        assertEquals(List.of(a("www.example.test", "10.9.2.80")), net.responseOn(PORT).answers());
        assertTrue(net.queriesTo(provider).stream().anyMatch(u -> u.question()
                .equals(Question.in(DnsName.parse("www.example.test"), DnsType.A))), net.upstream.toString());
        assertEquals(List.of(addr(provider)), cachedA(net, "ns.provider.net"));
        assertEquals(1, net.host.sockets().openCount());
    }

    /**
     * A server authoritative for a private zone that delegates a child, asked with RD for a name
     * in the child: the DnsServer javadoc says the referral is "recursed into instead", and RFC
     * 1034 §5.3.3 step 2 starts from the closest name servers in local data — here the server's
     * own delegation — not from the root, which has never heard of the private zone.
     */
    @Test
    void shouldRecurseIntoItsOwnZonesDelegationWhenRdIsSet() throws Exception {
        String child = "10.9.3.1";
        Zones own = new Zones(List.of(zone("corp.test.",
                "$TTL 3600",
                "@ SOA ns hostmaster 1 3600 600 86400 300",
                "@ NS ns",
                "ns A 10.0.0.2",
                "lab NS ns.lab",
                "ns.lab A " + child)));
        ScriptedUpstream net = new ScriptedUpstream(StackConfig.DEFAULT, own)
                .serve(ROOT, rootZone()).serve(TLD, tldZone())
                .serve(child, zone("lab.corp.test.",
                        "$TTL 3600",
                        "@ SOA ns hostmaster 1 3600 600 86400 300",
                        "@ NS ns",
                        "ns A " + child,
                        "printer A 10.9.3.20"));

        net.ask(PORT, 15, "printer.lab.corp.test", DnsType.A);
        net.runFor(20 * SECOND);

        DnsMessage r = net.responseOn(PORT);
        assertEquals(Rcode.NOERROR, r.rcode(), r.toString());
        assertEquals(List.of(ResourceRecord.in(DnsName.parse("printer.lab.corp.test"), 3600,
                new RData.A(addr("10.9.3.20")))), r.answers());
        assertTrue(r.recursionAvailable());
    }

    // ---------------------------------------------------------------- what is cached from answers

    @Test
    void shouldNotCacheAnswerRecordsForNamesNotAsked() throws Exception {
        ScriptedUpstream net = honest().serve(DOMAIN, q -> responseTo(q).authoritative(true)
                .answers(List.of(a("www.example.test", "10.9.2.80"), a("bank.example.test", EVIL),
                        a("www.example.net", EVIL)))
                .authorities(List.of(ns("example.test", "ns.evil.net")))
                .additionals(List.of(a("ns.evil.net", EVIL))).build());

        net.ask(PORT, 9, "www.example.test", DnsType.A);
        net.runFor(10 * SECOND);

        assertEquals(List.of(a("www.example.test", "10.9.2.80")), net.responseOn(PORT).answers(),
                "the client gets what it asked for, nothing else");
        assertNull(cachedA(net, "bank.example.test"));
        assertNull(cachedA(net, "www.example.net"));
        assertNull(cachedA(net, "ns.evil.net"));
        assertEquals(List.of(DnsName.parse("ns.example.test")), cachedNs(net, "example.test"));
    }

    /**
     * example.test's server may say www.example.test is an alias of www.evil.net, but it has no
     * authority over evil.net: the address it adds for www.evil.net is non-authoritative data
     * (RFC 2181 §5.4.1) from outside its bailiwick, which RFC 5452 §6 says to reject. RFC 1034
     * §5.3.3 step 4: change SNAME to the canonical name and start again from step 1 — ask the
     * servers of evil.net.
     */
    @Test
    void shouldNotTrustACnameTargetsAddressFromAServerOutsideItsZone() throws Exception {
        String evilNet = "10.9.5.1";
        ScriptedUpstream net = honest()
                .serve(DOMAIN, q -> responseTo(q).authoritative(true)
                        .answers(List.of(ResourceRecord.in(DnsName.parse("www.example.test"), 3600,
                                new RData.Cname(DnsName.parse("www.evil.net"))), a("www.evil.net", EVIL)))
                        .build())
                .serve(NET, zone("net.",
                        "$TTL 86400",
                        "@ SOA ns.nic hostmaster.nic 1 1800 900 604800 900",
                        "@ NS ns.nic",
                        "ns.nic A " + NET,
                        "evil NS ns.evil",
                        "ns.evil A " + evilNet))
                .serve(evilNet, zone("evil.net.",
                        "$TTL 3600",
                        "@ SOA ns hostmaster 1 3600 600 86400 300",
                        "@ NS ns",
                        "ns A " + evilNet,
                        "www A 10.9.5.80"));

        net.ask(PORT, 10, "www.example.test", DnsType.A);
        net.runFor(20 * SECOND);

        DnsMessage r = net.responseOn(PORT);
        assertEquals(2, r.answers().size(), r.answers().toString());
        assertEquals(DnsType.CNAME, r.answers().get(0).type());
        assertEquals(a("www.evil.net", "10.9.5.80").data(), r.answers().get(1).data(),
                "the address evil.net's own server gives");
        assertEquals(List.of(addr("10.9.5.80")), cachedA(net, "www.evil.net"));
    }

    // ---------------------------------------------------------------- servers that fail

    @Test
    void shouldSkipAServerThatNeverAnswers() throws Exception {
        String silent = "10.9.2.1";
        String working = "10.9.2.2";
        ScriptedUpstream net = new ScriptedUpstream().serve(ROOT, rootZone())
                .serve(TLD, tldZone("example NS ns1.example", "example NS ns2.example", "ns1.example A " + silent,
                        "ns2.example A " + working))
                .serve(working, domainZone());

        net.ask(PORT, 11, "www.example.test", DnsType.A);
        net.runFor(30 * SECOND);

        assertEquals(List.of(a("www.example.test", "10.9.2.80")), net.responseOn(PORT).answers());
        assertTrue(net.queriesTo(working).size() >= 1);
        assertTrue(net.queriesTo(silent).size() <= Resolution.TRIES_PER_SERVER);
        assertEquals(1, net.host.sockets().openCount());
    }

    @Test
    void shouldAnswerServfailWhenNoServerOfTheZoneAnswers() throws Exception {
        ScriptedUpstream net = new ScriptedUpstream().serve(ROOT, rootZone())
                .serve(TLD, tldZone("example NS ns1.example", "example NS ns2.example", "ns1.example A 10.9.2.1",
                        "ns2.example A 10.9.2.2"));

        net.ask(PORT, 12, "www.example.test", DnsType.A);
        long asked = net.clock.nanos();
        net.runFor(60 * SECOND);

        DnsMessage r = net.responseOn(PORT);
        assertEquals(Rcode.SERVFAIL, r.rcode());
        assertEquals(12, r.id());
        assertTrue(r.recursionAvailable());
        assertEquals(Resolution.TRIES_PER_SERVER, net.queriesTo("10.9.2.1").size());
        assertEquals(Resolution.TRIES_PER_SERVER, net.queriesTo("10.9.2.2").size());
        List<Long> times = net.upstream.stream().filter(u -> u.to().startsWith("10.9.2.")).map(u -> u.at() - asked)
                .toList();
        for (int i = 1; i < times.size(); i++) {
            assertEquals(TIMEOUT_NANOS, times.get(i) - times.get(i - 1), "each try waits the timeout: " + times);
        }
        assertEquals(1, net.count(DnsServerEvent.SERVFAIL));
        assertEquals(0, net.recursion.activeCount());
        assertEquals(1, net.host.sockets().openCount());
    }

    // ---------------------------------------------------------------- limits

    @Test
    void shouldStopAReferralLoopWithServfail() throws Exception {
        // Two servers that refer to each other, each time one label further down a very long name:
        // every referral is "closer", so only the limits can end it.
        StringBuilder name = new StringBuilder();
        for (int i = 30; i >= 1; i--) {
            name.append('x').append(i).append('.');
        }
        DnsName qname = DnsName.parse(name + "loop.test");
        String a = "10.9.7.1";
        String b = "10.9.7.2";
        AtomicInteger depth = new AtomicInteger(2);
        UnaryOperator<DnsMessage> referOn = q -> {
            int labels = Math.min(depth.incrementAndGet(), qname.labelCount());
            DnsName cut = qname.suffix(labels);
            DnsName host = cut.child("ns");
            String other = labels % 2 == 0 ? a : b;
            return responseTo(q).authorities(List.of(ResourceRecord.in(cut, 3600, new RData.Ns(host))))
                    .additionals(List.of(ResourceRecord.in(host, 3600, new RData.A(addr(other))))).build();
        };
        ScriptedUpstream net = new ScriptedUpstream().serve(ROOT, rootZone())
                .serve(TLD, tldZone("loop NS ns.loop", "ns.loop A " + a)).serve(a, referOn).serve(b, referOn);

        net.ask(PORT, 13, qname.toString(), DnsType.A);
        net.runFor(120 * SECOND);

        assertEquals(Rcode.SERVFAIL, net.responseOn(PORT).rcode());
        assertTrue(net.upstream.size() <= Resolution.MAX_QUERIES, net.upstream.size() + " queries");
        assertEquals(0, net.recursion.activeCount());
        assertEquals(1, net.host.sockets().openCount());
    }

    @Test
    void shouldStopTwoZonesWhoseServersAreInEachOtherWithServfail() throws Exception {
        // example.test's server is ns.example.org, example.org's is ns.example.test, no glue anywhere.
        ScriptedUpstream net = new ScriptedUpstream().serve(ROOT, rootZone())
                .serve(TLD, tldZone("example NS ns.example.org."))
                .serve("10.9.8.1", zone("org.",
                        "$TTL 86400",
                        "@ SOA ns.nic hostmaster.nic 1 1800 900 604800 900",
                        "@ NS ns.nic",
                        "ns.nic A 10.9.8.1",
                        "example NS ns.example.test."));

        net.ask(PORT, 14, "www.example.test", DnsType.A);
        net.runFor(300 * SECOND);

        assertEquals(Rcode.SERVFAIL, net.responseOn(PORT).rcode());
        assertTrue(net.upstream.size() <= Resolution.MAX_QUERIES, net.upstream.size() + " queries");
        assertEquals(0, net.recursion.activeCount());
        assertEquals(1, net.host.sockets().openCount());
    }

    @Test
    void shouldCloseEveryResolutionsSocketWhenTheServerCloses() throws Exception {
        ScriptedUpstream net = new ScriptedUpstream(); // the root never answers
        for (int i = 0; i < 3; i++) {
            net.ask(PORT + i, i, "n" + i + ".example.test", DnsType.A);
        }
        net.runFor(TIMEOUT_NANOS / 2);
        assertEquals(3, net.recursion.activeCount());

        net.server.close();
        net.runFor(10 * SECOND);

        assertEquals(0, net.host.sockets().openCount());
        assertEquals(0, net.recursion.activeCount());
        assertEquals(3, net.upstream.size(), "nothing more is sent once closed");
    }

    private static StackConfig manySockets() {
        return StackConfig.DEFAULT.withSockets(new SocketConfig(256, 16 * 1024, 16 * 1024, 16));
    }

    @Test
    void shouldAnswerServfailAtOnceToQuestionsBeyondMaxActive() throws Exception {
        ScriptedUpstream net = new ScriptedUpstream(manySockets()); // the root never answers
        int n = net.recursion.maxActive() + 1;
        for (int i = 0; i < n; i++) {
            net.ask(PORT + i, i, "n" + i + ".example.test", DnsType.A);
        }

        net.runFor(TIMEOUT_NANOS / 2);

        assertEquals(net.recursion.maxActive(), net.recursion.activeCount());
        assertEquals(1, net.count(DnsServerEvent.RECURSION_BUSY));
        assertEquals(1, net.count(DnsServerEvent.SERVFAIL));
        List<DnsMessage> early = net.toClient.values().stream().flatMap(List::stream).toList();
        assertEquals(1, early.size(), "only the excess is answered now");
        assertEquals(Rcode.SERVFAIL, early.get(0).rcode());

        net.runFor(60 * SECOND);

        assertEquals(n, net.toClient.size(), "every client got its answer");
        assertEquals(n, net.count(DnsServerEvent.SERVFAIL));
        assertEquals(0, net.recursion.activeCount());
        assertEquals(1, net.host.sockets().openCount());
    }

    /**
     * With the stack's default socket table (64), as many resolutions (64) could not all have a
     * socket: clients who ask enough names at once take every descriptor of the host — no other
     * application can open one — and the resolutions that find none fail as if their servers had,
     * so RECURSION_BUSY, the limit that is meant to bite, never does.
     */
    @Test
    void shouldLeaveSocketsForOtherApplicationsWhenRecursionIsBusy() throws Exception {
        ScriptedUpstream net = new ScriptedUpstream(); // StackConfig.DEFAULT; the root never answers
        int n = net.recursion.maxActive() + 1;
        for (int i = 0; i < n; i++) {
            net.ask(PORT + i, i, "n" + i + ".example.test", DnsType.A);
        }
        net.runFor(TIMEOUT_NANOS / 2);

        long busy = net.count(DnsServerEvent.RECURSION_BUSY);
        int fd = assertDoesNotThrow(() -> net.host.sockets().socket(SocketType.DATAGRAM),
                "another application opens a socket while " + net.recursion.activeCount() + " resolutions run");
        net.host.sockets().close(fd);
        assertEquals(1, busy, "the excess is refused by the limit");
    }
}
