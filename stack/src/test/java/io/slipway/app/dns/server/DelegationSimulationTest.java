package io.slipway.app.dns.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.loopback.Impairments;
import io.slipway.ip.Ipv4Address;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.resolver.LookupResult;
import io.slipway.socket.resolver.MxHost;
import io.slipway.socket.resolver.Resolver;
import io.slipway.socket.resolver.ResolverException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The journey of a name through a small internet of slipway DNS servers (issue 4): a client's
 * stub resolver asks a recursive server, which walks root → TLD → domain the first time and
 * answers from its cache after that. Each server counts the queries it saw.
 */
class DelegationSimulationTest {
    private static final Impairments PACED = Impairments.builder().baud(115_200).build();

    @Test
    void shouldWalkFromTheRootDownTheFirstTimeAndAnswerFromCacheTheSecond() throws Exception {
        DnsInternet net = new DnsInternet(1, PACED);

        LookupResult first = net.run(net.clientResolver(Duration.ofSeconds(2), 3)
                .start(DnsName.parse("www.example.test"), DnsType.A)).result();

        assertEquals(List.of(Ipv4Address.parse("10.0.3.80")), first.addresses());
        assertEquals(1, net.queriesSeen(net.rootServer), net.counts());
        assertEquals(1, net.queriesSeen(net.tldServer), net.counts());
        assertEquals(1, net.queriesSeen(net.authServer), net.counts());
        assertEquals(1, net.queriesSeen(net.recursiveServer), net.counts());
        assertEquals(3, net.recursiveServer.events().get(DnsServerEvent.UPSTREAM_QUERIES));
        assertEquals(1, net.rootServer.events().get(DnsServerEvent.REFERRALS));
        assertEquals(1, net.tldServer.events().get(DnsServerEvent.REFERRALS));

        // A second client (its own, empty cache) asks the same: only the recursive server hears it.
        LookupResult second = net.run(net.clientResolver(Duration.ofSeconds(2), 3)
                .start(DnsName.parse("www.example.test"), DnsType.A)).result();

        assertEquals(first.addresses(), second.addresses());
        assertEquals(1, net.queriesSeen(net.rootServer), net.counts());
        assertEquals(1, net.queriesSeen(net.tldServer), net.counts());
        assertEquals(1, net.queriesSeen(net.authServer), net.counts());
        assertEquals(2, net.queriesSeen(net.recursiveServer), net.counts());
        assertEquals(1, net.recursiveServer.events().get(DnsServerEvent.RECURSIVE_FROM_CACHE));
        assertTrue(second.records().get(0).ttl() <= 3600, "the cache hands out what is left of the TTL");
    }

    @Test
    void shouldAskOnlyTheDomainsServerForAnotherNameInADomainItAlreadyKnows() throws Exception {
        DnsInternet net = new DnsInternet(2, PACED);
        Resolver client = net.clientResolver(Duration.ofSeconds(2), 3);
        net.run(client.start(DnsName.parse("www.example.test"), DnsType.A)).result();

        LookupResult mx = net.run(client.start(DnsName.parse("example.test"), DnsType.MX)).result();

        List<MxHost> hosts = Resolver.mxHosts(mx);
        assertEquals(List.of(new MxHost(10, DnsName.parse("mail.example.test")),
                new MxHost(20, DnsName.parse("backup-mail.example.test"))), hosts, "sorted by preference");
        assertEquals(1, net.queriesSeen(net.rootServer), net.counts());
        assertEquals(1, net.queriesSeen(net.tldServer), net.counts());
        assertEquals(2, net.queriesSeen(net.authServer), net.counts());
    }

    @Test
    void shouldFollowACnameToItsTarget() throws Exception {
        DnsInternet net = new DnsInternet(3, PACED);

        LookupResult ftp = net.run(net.clientResolver(Duration.ofSeconds(2), 3)
                .start(DnsName.parse("ftp.example.test"), DnsType.A)).result();

        assertEquals(DnsName.parse("www.example.test"), ftp.canonicalName());
        assertEquals(1, ftp.cnames().size());
        assertEquals(List.of(Ipv4Address.parse("10.0.3.80")), ftp.addresses());
    }

    @Test
    void shouldSayANameDoesNotExistAndRememberItForTheSoaMinimum() throws Exception {
        DnsInternet net = new DnsInternet(4, PACED);
        Resolver client = net.clientResolver(Duration.ofSeconds(2), 3);

        ResolverException e = assertThrows(ResolverException.class, () -> net.run(client
                .start(DnsName.parse("nowhere.example.test"), DnsType.A)).result());
        assertEquals(ResolverException.Kind.NAME_NOT_FOUND, e.kind());
        assertEquals("nowhere.example.test.: no such name (NXDOMAIN)", e.getMessage());
        assertEquals(1, net.authServer.events().get(DnsServerEvent.NXDOMAIN));

        // Asked again through a fresh client: the recursive server's negative cache answers.
        ResolverException again = assertThrows(ResolverException.class, () -> net.run(net
                .clientResolver(Duration.ofSeconds(2), 3).start(DnsName.parse("nowhere.example.test"), DnsType.A))
                .result());
        assertEquals(ResolverException.Kind.NAME_NOT_FOUND, again.kind());
        assertEquals(1, net.queriesSeen(net.authServer), net.counts());
        assertEquals(1, net.recursiveServer.events().get(DnsServerEvent.RECURSIVE_FROM_CACHE));

        // Five minutes (the zone's SOA MINIMUM) later the negative answer has expired.
        net.sim.runFor(301 * DnsInternet.SECOND);
        assertThrows(ResolverException.class, () -> net.run(net.clientResolver(Duration.ofSeconds(2), 3)
                .start(DnsName.parse("nowhere.example.test"), DnsType.A)).result());
        assertEquals(2, net.queriesSeen(net.authServer), net.counts());
    }

    @Test
    void shouldSayANameHasNoRecordsOfTheTypeAsked() throws Exception {
        DnsInternet net = new DnsInternet(5, PACED);

        ResolverException e = assertThrows(ResolverException.class, () -> net.run(net
                .clientResolver(Duration.ofSeconds(2), 3).start(DnsName.parse("www.example.test"), DnsType.MX))
                .result());

        assertEquals(ResolverException.Kind.NO_DATA, e.kind());
        assertEquals(1, net.authServer.events().get(DnsServerEvent.NODATA));
    }

    @Test
    void shouldResolveOverLossyLinesWithRetriesForManySeeds() throws Exception {
        // 5 % of frames lost on every line: a query and its answer cross four lines through R,
        // so about one round trip in five fails, upstream and between client and server.
        Impairments lossy = Impairments.builder().baud(115_200).loss(0.05).build();
        long lost = 0;
        long retried = 0;
        for (long seed = 10; seed < 26; seed++) {
            DnsInternet net = new DnsInternet(seed, lossy);
            Resolver client = net.clientResolver(Duration.ofSeconds(2), 6);
            int lookups = 0;
            for (String name : new String[] {"www.example.test", "mail.example.test", "ftp.example.test"}) {
                LookupResult r;
                try {
                    r = net.run(client.start(DnsName.parse(name), DnsType.A)).result();
                } catch (ResolverException e) {
                    throw new AssertionError("seed " + seed + ": " + name + ": " + e.getMessage() + "\n"
                            + net.counts(), e);
                }
                assertFalse(r.addresses().isEmpty(), "seed " + seed + " " + name);
                lookups += r.queries();
            }
            net.sim.runFor(10 * DnsInternet.SECOND); // late answers to retried queries die away
            assertEquals(1, net.recursive.sockets().openCount(), "seed " + seed + ": only the server's socket is open");
            assertEquals(0, net.client.sockets().openCount(), "seed " + seed + ": every query's socket closed");
            lost += net.framesLost();
            // Without loss: 3 client queries, and 5 upstream (root, TLD, domain for www; the domain
            // alone for mail, and for ftp, whose CNAME the domain's server follows to www itself).
            retried += lookups - 3 + net.recursiveServer.events().get(DnsServerEvent.UPSTREAM_QUERIES) - 5;
        }
        assertTrue(lost > 20, "the lines did lose frames: " + lost);
        assertTrue(retried > 10, "and the resolvers retried: " + retried);
    }
}
