package io.slipway.socket.resolver;

import static io.slipway.testing.Ipv4Packets.icmp;
import static io.slipway.testing.Ipv4Packets.ipv4;
import static io.slipway.testing.Ipv4Packets.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Bytes;
import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.InetEndpoint;
import io.slipway.socket.dns.DnsClass;
import io.slipway.socket.dns.DnsFormatException;
import io.slipway.socket.dns.DnsMessage;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.Question;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.Rcode;
import io.slipway.socket.dns.ResourceRecord;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stub resolver's rules, one by one (RFC 1034 §5.3.1, RFC 1035 §7, RFC 2308, RFC 5452), on
 * a stack whose SLIP line is a mock adapter, polled by the test on a manual clock: the test
 * drives a {@link Lookup}, reads the query the stack sent, and scripts the server's answer (or
 * its silence, its lies, its ICMP errors) into the line.
 */
class ResolverRulesTest {
    private static final long S = 1_000_000_000L;
    private static final String US = "10.0.0.2";
    private static final String SERVER1 = "10.0.0.1";
    private static final String SERVER2 = "10.0.0.3";
    private static final DnsName WWW = DnsName.parse("www.example.test");
    private static final DnsName ZONE = DnsName.parse("example.test");

    private final ManualClock clock = new ManualClock();
    private final MockAdapter line = new MockAdapter("sl0", Medium.IP, 1006, clock);
    private final Stack host = new Stack("host", StackConfig.DEFAULT, 7);
    private final DnsCache cache = DnsCache.withDefaults();
    private Resolver resolver;

    /** A query the stack sent: where to, from which port, and the message. */
    private record Sent(String to, int sourcePort, int destinationPort, DnsMessage query, byte[] packet, long at) {
        int id() {
            return query.id();
        }
    }

    @BeforeEach
    void setUp() {
        host.addInterface(line, InterfaceConfig.pointToPoint(Ipv4Prefix.parse(US + "/24", 24),
                Ipv4Address.parse(SERVER1)));
        resolver = resolverWith(ResolverConfig.of(Ipv4Address.parse(SERVER1), Ipv4Address.parse(SERVER2)));
    }

    @AfterEach
    void everyQuerysSocketIsClosed() throws Exception {
        assertEquals(0, host.sockets().openCount(), "sockets left open");
    }

    private Resolver resolverWith(ResolverConfig config) {
        return new Resolver(host.sockets(), config, cache, new SplittableRandom(42), clock);
    }

    private static ResolverConfig oneServer() {
        return ResolverConfig.of(Ipv4Address.parse(SERVER1));
    }

    // ---------------------------------------------------------------- the harness

    /** Polls the lookup and the stack at the clock's time; true once the lookup is done. */
    private boolean step(Lookup lookup) {
        boolean done = lookup.poll(clock.nanos());
        host.poll(clock.nanos());
        return done;
    }

    /** Every DNS query (UDP to port 53) the stack has transmitted since last asked; other frames are dropped. */
    private List<Sent> sentQueries() {
        List<Sent> out = new ArrayList<>();
        for (var f : line.transmittedFrames()) {
            byte[] p = f.bytes();
            if ((p[9] & 0xFF) != 17) {
                continue;
            }
            int ihl = (p[0] & 0x0F) * 4;
            int dport = Bytes.u16(p, ihl + 2);
            if (dport != 53) {
                continue;
            }
            int length = Bytes.u16(p, ihl + 4) - 8;
            try {
                DnsMessage m = DnsMessage.decode(p, ihl + 8, length);
                out.add(new Sent(Ipv4Address.format(Bytes.i32(p, 16)), Bytes.u16(p, ihl), dport, m, p, f.atNanos()));
            } catch (DnsFormatException e) {
                throw new AssertionError("the resolver sent a query that does not decode: " + e.getMessage(), e);
            }
        }
        line.takeTransmitted();
        return out;
    }

    /** Exactly one query went out since last asked; it. */
    private Sent onlyQuery() {
        List<Sent> q = sentQueries();
        assertEquals(1, q.size(), "queries sent: " + q);
        return q.get(0);
    }

    private void assertNoQuery() {
        assertEquals(List.of(), sentQueries(), "no query should have gone out");
    }

    /** Starts a lookup and polls until its first query is out; the query. */
    private Sent start(Lookup lookup) {
        assertFalse(step(lookup), "answered without a query");
        return onlyQuery();
    }

    /** A response to {@code q}: its ID and question, QR, RD copied, RA. */
    private static DnsMessage.Builder response(Sent q) {
        return DnsMessage.builder().id(q.id()).response(true).recursionDesired(true).recursionAvailable(true)
                .questions(q.query().questions());
    }

    /** Delivers {@code payload} from {@code from:fromPort} to the query's port, and polls stack and lookup. */
    private boolean deliver(Lookup lookup, Sent q, String from, int fromPort, byte[] payload) {
        line.script(udp(from, US, fromPort, q.sourcePort(), payload, true));
        host.poll(clock.nanos());
        return step(lookup);
    }

    private boolean reply(Lookup lookup, Sent q, DnsMessage m) {
        return deliver(lookup, q, q.to(), 53, m.encode(DnsMessage.MAX_UDP_LENGTH));
    }

    /** Runs the lookup's timeouts in virtual time until it is done or has sent a query. */
    private void waitForTimeout(Lookup lookup) {
        long deadline = lookup.nextDeadline();
        assertTrue(deadline > clock.nanos(), "a try in flight waits for its timeout");
        clock.set(deadline);
        step(lookup);
    }

    private static ResourceRecord a(DnsName name, long ttl, String address) {
        return ResourceRecord.in(name, ttl, new RData.A(Ipv4Address.parse(address)));
    }

    private static ResourceRecord cname(DnsName name, long ttl, DnsName target) {
        return ResourceRecord.in(name, ttl, new RData.Cname(target));
    }

    private static ResourceRecord soa(long ttl, long minimum) {
        return ResourceRecord.in(ZONE, ttl, new RData.Soa(ZONE.child("ns"), ZONE.child("hostmaster"), 1, 3600, 600,
                86400, minimum));
    }

    private static ResolverException failure(Lookup lookup) {
        assertTrue(lookup.isDone());
        return assertThrows(ResolverException.class, lookup::result);
    }

    private static int addr(String dotted) {
        return Ipv4Address.parse(dotted);
    }

    // ---------------------------------------------------------------- the query

    @Test
    void shouldAskOneRecursiveQuestionOfClassInFromARandomPortWithARandomId() throws Exception {
        Lookup first = resolver.start(WWW, DnsType.A);
        Sent q1 = start(first);
        Lookup second = resolver.start(DnsName.parse("mail.example.test"), DnsType.MX);
        Sent q2 = start(second);

        for (Sent q : List.of(q1, q2)) {
            DnsMessage m = q.query();
            assertEquals(SERVER1, q.to(), "the first server first");
            assertEquals(53, q.destinationPort());
            assertTrue(q.sourcePort() >= 49152 && q.sourcePort() <= 65535, "RFC 6056 range: " + q.sourcePort());
            assertFalse(m.response());
            assertEquals(DnsMessage.OPCODE_QUERY, m.opcode());
            assertTrue(m.recursionDesired(), "a stub resolver asks for recursion");
            assertEquals(1, m.questions().size());
            assertEquals(DnsClass.IN, m.question().dnsClass());
            assertEquals(List.of(), m.answers());
            assertEquals(List.of(), m.authorities());
            assertTrue(q.packet().length - 28 <= 512);
        }
        assertEquals(new Question(WWW, DnsType.A, DnsClass.IN), q1.query().question());
        assertEquals(Question.in(DnsName.parse("mail.example.test"), DnsType.MX), q2.query().question());
        assertNotEquals(q1.id(), q2.id(), "RFC 5452 §9.2: IDs differ");
        assertNotEquals(q1.sourcePort(), q2.sourcePort(), "RFC 5452 §9.2: ports differ");

        first.cancel();
        second.cancel();
        assertEquals(ResolverException.Kind.NO_ANSWER, failure(first).kind());
    }

    @Test
    void shouldUseANewPortAndIdForEveryTry() throws Exception {
        Lookup lookup = resolverWith(oneServer().withTimeout(Duration.ofSeconds(1), Duration.ofSeconds(8), 4))
                .start(WWW, DnsType.A);
        List<Sent> tries = new ArrayList<>();
        tries.add(start(lookup));
        for (int i = 0; i < 3; i++) {
            waitForTimeout(lookup);
            tries.add(onlyQuery());
        }

        assertEquals(4, tries.stream().map(Sent::sourcePort).distinct().count(), "ports " + tries);
        assertEquals(4, tries.stream().map(Sent::id).distinct().count(), "IDs");
        lookup.cancel();
    }

    // ---------------------------------------------------------------- RFC 5452: what counts as the answer

    @Test
    void shouldIgnoreAnAnswerFromAnotherAddressOrPort() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);
        byte[] forged = response(q).answers(List.of(a(WWW, 300, "6.6.6.6"))).build().encode(512);

        assertFalse(deliver(lookup, q, "10.0.0.9", 53, forged));
        assertFalse(deliver(lookup, q, SERVER2, 53, forged), "a server, but not the one asked");
        assertFalse(deliver(lookup, q, SERVER1, 5353, forged));
        assertNoQuery();
        assertTrue(reply(lookup, q, response(q).answers(List.of(a(WWW, 300, "10.0.0.80"))).build()));

        assertEquals(List.of(addr("10.0.0.80")), lookup.result().addresses());
        assertEquals(List.of(addr("10.0.0.80")),
                cache.get(WWW, DnsType.A, clock.nanos()).stream().map(r -> ((RData.A) r.data()).address()).toList());
    }

    @Test
    void shouldIgnoreAnAnswerWithAnotherId() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);

        assertFalse(reply(lookup, q, response(q).id((q.id() + 1) & 0xFFFF)
                .answers(List.of(a(WWW, 300, "6.6.6.6"))).build()));
        assertEquals(1, lookup.ignoredResponses());
        assertTrue(reply(lookup, q, response(q).answers(List.of(a(WWW, 300, "10.0.0.80"))).build()));

        assertEquals(List.of(addr("10.0.0.80")), lookup.result().addresses());
    }

    @Test
    void shouldIgnoreAnAnswerToAnotherQuestion() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);
        DnsName other = DnsName.parse("bank.example.test");

        assertFalse(reply(lookup, q, response(q).questions(List.of(Question.in(other, DnsType.A)))
                .answers(List.of(a(other, 300, "6.6.6.6"), a(WWW, 300, "6.6.6.6"))).build()));
        assertFalse(reply(lookup, q, response(q).questions(List.of(Question.in(WWW, DnsType.AAAA)))
                .answers(List.of(a(WWW, 300, "6.6.6.6"))).build()));
        assertFalse(reply(lookup, q, response(q).questions(List.of(new Question(WWW, DnsType.A, DnsClass.CH)))
                .answers(List.of(a(WWW, 300, "6.6.6.6"))).build()));
        assertFalse(reply(lookup, q, response(q).questions(List.of())
                .answers(List.of(a(WWW, 300, "6.6.6.6"))).build()), "no question at all");
        assertFalse(reply(lookup, q, response(q).questions(List.of(q.query().question(), q.query().question()))
                .answers(List.of(a(WWW, 300, "6.6.6.6"))).build()), "two questions");
        assertEquals(5, lookup.ignoredResponses());
        assertNull(cache.get(other, DnsType.A, clock.nanos()));
        assertTrue(reply(lookup, q, response(q).answers(List.of(a(WWW, 300, "10.0.0.80"))).build()));

        assertEquals(List.of(addr("10.0.0.80")), lookup.result().addresses());
    }

    @Test
    void shouldIgnoreAMessageThatIsNotAResponse() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);

        assertFalse(reply(lookup, q, response(q).response(false).answers(List.of(a(WWW, 300, "6.6.6.6"))).build()));
        assertFalse(reply(lookup, q, response(q).opcode(2).answers(List.of(a(WWW, 300, "6.6.6.6"))).build()),
                "not an answer to a standard query");
        assertEquals(2, lookup.ignoredResponses());
        assertTrue(reply(lookup, q, response(q).answers(List.of(a(WWW, 300, "10.0.0.80"))).build()));

        assertEquals(List.of(addr("10.0.0.80")), lookup.result().addresses());
    }

    @Test
    void shouldIgnoreAMalformedResponse() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);
        byte[] good = response(q).answers(List.of(a(WWW, 300, "10.0.0.80"))).build().encode(512);

        assertFalse(deliver(lookup, q, SERVER1, 53, Arrays.copyOf(good, good.length - 3)), "cut short");
        assertFalse(deliver(lookup, q, SERVER1, 53, Arrays.copyOf(good, 7)), "shorter than a header");
        byte[] counts = good.clone();
        Bytes.put16(counts, 6, 9); // ANCOUNT 9, one record there
        assertFalse(deliver(lookup, q, SERVER1, 53, counts));
        byte[] pointer = good.clone();
        pointer[12 + WWW.wireLength() + 4] = (byte) 0xC0; // the answer's owner: a pointer to itself
        pointer[12 + WWW.wireLength() + 5] = (byte) (12 + WWW.wireLength() + 4);
        assertFalse(deliver(lookup, q, SERVER1, 53, pointer));
        assertFalse(deliver(lookup, q, SERVER1, 53, new byte[0]), "empty");
        assertEquals(5, lookup.ignoredResponses());
        assertNoQuery();
        assertTrue(deliver(lookup, q, SERVER1, 53, good));

        assertEquals(List.of(addr("10.0.0.80")), lookup.result().addresses());
    }

    @Test
    void shouldAcceptAnAnswerWhoseQuestionDiffersOnlyInCase() throws Exception {
        // RFC 4343: names compare without case; a server may echo a 0x20-mixed question.
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);
        DnsName upper = DnsName.parse("WWW.EXAMPLE.TEST");

        assertTrue(reply(lookup, q, response(q).questions(List.of(Question.in(upper, DnsType.A)))
                .answers(List.of(a(upper, 300, "10.0.0.80"))).build()));

        assertEquals(List.of(addr("10.0.0.80")), lookup.result().addresses());
    }

    // ---------------------------------------------------------------- failures and the next server

    @Test
    void shouldFailATruncatedAnswerSayingWhy() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);

        assertTrue(reply(lookup, q, response(q).truncated(true).answers(List.of(a(WWW, 300, "10.0.0.80"))).build()));

        ResolverException e = failure(lookup);
        assertEquals(ResolverException.Kind.TRUNCATED, e.kind());
        assertTrue(e.getMessage().contains("TC"), e.getMessage());
        assertTrue(e.getMessage().contains("TCP"), e.getMessage());
        assertTrue(e.getMessage().contains("www.example.test"), e.getMessage());
        assertTrue(e.getMessage().contains(SERVER1), e.getMessage());
        assertNoQuery();
        assertNull(cache.get(WWW, DnsType.A, clock.nanos()), "a truncated answer is not cached");
    }

    @Test
    void shouldAskTheNextServerAtOnceWhenOneFails() throws Exception {
        for (int rcode : new int[] {Rcode.SERVFAIL, Rcode.REFUSED, Rcode.NOTIMP, Rcode.FORMERR}) {
            cache.clear();
            Lookup lookup = resolver.start(WWW, DnsType.A);
            Sent q1 = start(lookup);
            long before = clock.nanos();

            reply(lookup, q1, response(q1).rcode(rcode).build());
            assertTrue(lookup.descriptor() >= 0, Rcode.name(rcode) + ": the next try is already in flight");
            step(lookup);
            Sent q2 = onlyQuery();

            assertEquals(SERVER2, q2.to(), Rcode.name(rcode));
            assertEquals(before, q2.at(), Rcode.name(rcode) + ": no waiting for the timeout");
            assertTrue(reply(lookup, q2, response(q2).answers(List.of(a(WWW, 300, "10.0.0.80"))).build()));
            LookupResult r = lookup.result();
            assertEquals(List.of(addr("10.0.0.80")), r.addresses());
            assertEquals(new InetEndpoint(addr(SERVER2), 53), r.source());
            assertEquals(2, r.queries());
            clock.advance(S);
        }
    }

    /**
     * A Service's {@code nextDeadline} is read as {@code deadline - now} by {@code StackRunner}
     * (wrap-safe, as {@code System.nanoTime()} needs). On a clock whose origin is not zero — real
     * time, where nanoTime counts from boot — "due now" must still come out as not in the future,
     * or the stack thread parks (up to 100 ms) before the next server is asked.
     */
    @Test
    void shouldBeDueAtOnceAfterAFailedTryOnAClockThatDoesNotStartAtZero() throws Exception {
        clock.set(5_000_000_000_000L); // 83 minutes after boot, as System.nanoTime() might say
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q1 = start(lookup);

        reply(lookup, q1, response(q1).rcode(Rcode.SERVFAIL).build());

        if (!lookup.isDone() && lookup.descriptor() < 0) {
            long wait = lookup.nextDeadline() - clock.nanos();
            assertTrue(wait <= 0, "nextDeadline() - now = " + wait + " ns: a driver would wait that long");
        }
        lookup.cancel();
    }

    @Test
    void shouldAskTheNextServerAtOnceWhenThePortIsUnreachable() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q1 = start(lookup);

        line.script(ipv4(SERVER1, US, 1, 64, 9, 0, icmp(3, 3, 0, Arrays.copyOf(q1.packet(), 28))));
        host.poll(clock.nanos());
        step(lookup);
        if (lookup.nextDeadline() <= clock.nanos()) {
            step(lookup);
        }
        Sent q2 = onlyQuery();

        assertEquals(SERVER2, q2.to());
        assertEquals(q1.at(), q2.at(), "at once, not after the timeout");
        assertTrue(reply(lookup, q2, response(q2).answers(List.of(a(WWW, 300, "10.0.0.80"))).build()));
        assertEquals(List.of(addr("10.0.0.80")), lookup.result().addresses());
    }

    @Test
    void shouldSayWhyWhenEveryServerRefusesThePort() throws Exception {
        Lookup lookup = resolverWith(oneServer()).start(WWW, DnsType.A);
        Sent q = start(lookup);
        for (int i = 0; i < 3 && !lookup.isDone(); i++) {
            line.script(ipv4(SERVER1, US, 1, 64, 9, 0, icmp(3, 3, 0, Arrays.copyOf(q.packet(), 28))));
            host.poll(clock.nanos());
            step(lookup);
            if (!lookup.isDone() && lookup.nextDeadline() <= clock.nanos()) {
                step(lookup);
            }
            if (!lookup.isDone()) {
                q = onlyQuery();
            }
        }

        ResolverException e = failure(lookup);
        assertEquals(ResolverException.Kind.NO_ANSWER, e.kind());
        assertEquals(0, clock.nanos(), "three refusals take no time");
        assertTrue(e.getMessage().contains(SERVER1 + ":53"), e.getMessage());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void shouldRetryWithDoubledTimeoutsThenSayWhichServersTimedOut() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A); // 1 s first, doubling, 3 rounds, 2 servers
        List<Sent> tries = new ArrayList<>();
        tries.add(start(lookup));
        while (!lookup.isDone()) {
            waitForTimeout(lookup);
            tries.addAll(sentQueries());
        }

        assertEquals(List.of(SERVER1, SERVER2, SERVER1, SERVER2, SERVER1, SERVER2),
                tries.stream().map(Sent::to).toList());
        assertEquals(List.of(0L, 1 * S, 2 * S, 4 * S, 6 * S, 10 * S), tries.stream().map(Sent::at).toList(),
                "each server waits 1 s, then 2 s, then 4 s");
        assertEquals(14 * S, clock.nanos(), "the last try waited 4 s too");
        ResolverException e = failure(lookup);
        assertEquals(ResolverException.Kind.NO_ANSWER, e.kind());
        assertTrue(e.getMessage().contains("www.example.test"), e.getMessage());
        assertTrue(e.getMessage().contains(SERVER1 + ":53"), e.getMessage());
        assertTrue(e.getMessage().contains(SERVER2 + ":53"), e.getMessage());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertEquals(6, lookup.queries());
    }

    @Test
    void shouldNotWaitLongerThanTheLongestTimeout() throws Exception {
        Lookup lookup = resolverWith(oneServer().withTimeout(Duration.ofSeconds(1), Duration.ofSeconds(2), 4))
                .start(WWW, DnsType.A);
        List<Long> at = new ArrayList<>();
        at.add(start(lookup).at());
        while (!lookup.isDone()) {
            waitForTimeout(lookup);
            sentQueries().forEach(q -> at.add(q.at()));
        }

        assertEquals(List.of(0L, 1 * S, 3 * S, 5 * S), at);
        assertEquals(7 * S, clock.nanos());
        assertEquals(ResolverException.Kind.NO_ANSWER, failure(lookup).kind());
    }

    @Test
    void shouldTakeALateAnswerToAnEarlierTryThatTimedOut() throws Exception {
        // A recursive server slower than our first timeout still gets heard: the try that timed
        // out keeps listening (Lookup.EARLIER_TRIES_KEPT), with its own ID and question checked.
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q1 = start(lookup);
        waitForTimeout(lookup);
        Sent q2 = onlyQuery();
        assertTrue(lookup.hasEarlierTries());

        // An answer with q2's ID to q1's port is still no answer.
        line.script(udp(SERVER1, US, 53, q1.sourcePort(), response(q2).answers(List.of(a(WWW, 300, "6.6.6.6")))
                .build().encode(512), true));
        host.poll(clock.nanos());
        step(lookup);
        assertFalse(lookup.isDone());

        line.script(udp(SERVER1, US, 53, q1.sourcePort(), response(q1).answers(List.of(a(WWW, 300, "10.0.0.80")))
                .build().encode(512), true));
        host.poll(clock.nanos());
        step(lookup);

        assertTrue(lookup.isDone());
        assertEquals(List.of(addr("10.0.0.80")), lookup.result().addresses());
        assertEquals(new InetEndpoint(addr(SERVER1), 53), lookup.result().source());
        assertFalse(lookup.hasEarlierTries());
        assertTrue(lookup.ignoredResponses() >= 1);
    }

    // ---------------------------------------------------------------- CNAMEs

    @Test
    void shouldFollowACnameChainWithinOneAnswer() throws Exception {
        DnsName web = DnsName.parse("web.example.test");
        DnsName box = DnsName.parse("box.hosting.test");
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);

        assertTrue(reply(lookup, q, response(q).answers(List.of(cname(WWW, 300, web), cname(web, 300, box),
                a(box, 300, "10.0.9.1"), a(box, 300, "10.0.9.2"))).build()));

        LookupResult r = lookup.result();
        assertEquals(WWW, r.name());
        assertEquals(box, r.canonicalName());
        assertEquals(2, r.cnames().size());
        assertEquals(List.of(addr("10.0.9.1"), addr("10.0.9.2")), r.addresses());
        assertEquals(1, r.queries());
        assertNotNull(cache.get(WWW, DnsType.CNAME, clock.nanos()), "the chain is cached");
        assertNotNull(cache.get(web, DnsType.CNAME, clock.nanos()));
        assertNotNull(cache.get(box, DnsType.A, clock.nanos()));

        // Asked again: the cache follows the chain; no query.
        Lookup again = resolver.start(WWW, DnsType.A);
        assertTrue(step(again));
        assertNoQuery();
        assertEquals(box, again.result().canonicalName());
        assertEquals(2, again.result().cnames().size());
        assertEquals(List.of(addr("10.0.9.1"), addr("10.0.9.2")), again.result().addresses());
    }

    @Test
    void shouldAskForTheTargetOfACnameThatTheAnswerDoesNotResolve() throws Exception {
        DnsName target = DnsName.parse("www.cdn.example.net");
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q1 = start(lookup);

        reply(lookup, q1, response(q1).answers(List.of(cname(WWW, 300, target))).build());
        if (!lookup.isDone() && lookup.nextDeadline() <= clock.nanos()) {
            step(lookup);
        }
        assertFalse(lookup.isDone());
        Sent q2 = onlyQuery();

        assertEquals(Question.in(target, DnsType.A), q2.query().question());
        assertTrue(q2.query().recursionDesired());
        assertTrue(reply(lookup, q2, response(q2).answers(List.of(a(target, 60, "10.0.9.9"))).build()));
        LookupResult r = lookup.result();
        assertEquals(target, r.canonicalName());
        assertEquals(1, r.cnames().size());
        assertEquals(List.of(addr("10.0.9.9")), r.addresses());
        assertEquals(2, r.queries());
    }

    @Test
    void shouldFailACnameLoopWithinOneAnswer() throws Exception {
        DnsName other = DnsName.parse("other.example.test");
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);

        reply(lookup, q, response(q).answers(List.of(cname(WWW, 300, other), cname(other, 300, WWW))).build());

        ResolverException e = failure(lookup);
        assertEquals(ResolverException.Kind.BAD_CNAME_CHAIN, e.kind());
        assertTrue(e.getMessage().contains("loop"), e.getMessage());
        assertNoQuery();
    }

    @Test
    void shouldFailACnameLoopAcrossQueries() throws Exception {
        DnsName other = DnsName.parse("www.example.net");
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q1 = start(lookup);
        reply(lookup, q1, response(q1).answers(List.of(cname(WWW, 300, other))).build());
        if (lookup.nextDeadline() <= clock.nanos()) {
            step(lookup);
        }
        Sent q2 = onlyQuery();

        reply(lookup, q2, response(q2).answers(List.of(cname(other, 300, DnsName.parse("WWW.example.test")))).build());
        if (!lookup.isDone() && lookup.nextDeadline() <= clock.nanos()) {
            step(lookup);
        }

        assertEquals(ResolverException.Kind.BAD_CNAME_CHAIN, failure(lookup).kind());
        assertNoQuery();
    }

    private static List<ResourceRecord> chain(int cnames) {
        List<ResourceRecord> out = new ArrayList<>();
        DnsName name = WWW;
        for (int i = 1; i <= cnames; i++) {
            DnsName next = DnsName.parse("c" + i + ".example.test");
            out.add(cname(name, 300, next));
            name = next;
        }
        out.add(a(name, 300, "10.0.9.1"));
        return out;
    }

    @Test
    void shouldFollowAsManyCnamesAsAllowed() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);

        assertTrue(reply(lookup, q, response(q).answers(chain(resolver.config().maxCnameChain())).build()));

        assertEquals(8, lookup.result().cnames().size());
        assertEquals(List.of(addr("10.0.9.1")), lookup.result().addresses());
    }

    @Test
    void shouldFailAChainLongerThanAllowed() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);

        assertTrue(reply(lookup, q, response(q).answers(chain(resolver.config().maxCnameChain() + 1)).build()));

        ResolverException e = failure(lookup);
        assertEquals(ResolverException.Kind.BAD_CNAME_CHAIN, e.kind());
        assertNoQuery();
    }

    @Test
    void shouldStopAfterTheQueriesAllowed() throws Exception {
        ResolverConfig c = oneServer();
        Resolver few = resolverWith(new ResolverConfig(c.servers(), c.timeout(), c.maxTimeout(), c.attempts(),
                c.maxCnameChain(), 2, c.hosts()));
        Lookup lookup = few.start(WWW, DnsType.A);
        Sent q = start(lookup);
        for (int i = 1; !lookup.isDone() && i < 10; i++) {
            DnsName next = DnsName.parse("hop" + i + ".example.net");
            reply(lookup, q, response(q).answers(List.of(cname(q.query().question().name(), 300, next))).build());
            if (!lookup.isDone() && lookup.nextDeadline() <= clock.nanos()) {
                step(lookup);
            }
            if (!lookup.isDone()) {
                q = onlyQuery();
            }
        }

        assertEquals(ResolverException.Kind.TOO_MANY_QUERIES, failure(lookup).kind());
        assertEquals(2, lookup.queries());
    }

    // ---------------------------------------------------------------- negative answers

    @Test
    void shouldSayANameDoesNotExist() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);

        reply(lookup, q, response(q).rcode(Rcode.NXDOMAIN).authorities(List.of(soa(3600, 300))).build());

        ResolverException e = failure(lookup);
        assertEquals(ResolverException.Kind.NAME_NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("www.example.test"), e.getMessage());
        assertNoQuery();
    }

    @Test
    void shouldSayANameHasNoDataOfTheType() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.MX);
        Sent q = start(lookup);

        reply(lookup, q, response(q).authorities(List.of(soa(3600, 300))).build());

        ResolverException e = failure(lookup);
        assertEquals(ResolverException.Kind.NO_DATA, e.kind());
        assertTrue(e.getMessage().contains("www.example.test"), e.getMessage());
        assertTrue(e.getMessage().contains("MX"), e.getMessage());
    }

    @Test
    void shouldSayTheEndOfACnameChainDoesNotExist() throws Exception {
        // RFC 6604 §2: after CNAMEs, NXDOMAIN is about the last target.
        DnsName gone = DnsName.parse("gone.example.test");
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);

        reply(lookup, q, response(q).rcode(Rcode.NXDOMAIN).answers(List.of(cname(WWW, 300, gone)))
                .authorities(List.of(soa(3600, 300))).build());

        assertEquals(ResolverException.Kind.NAME_NOT_FOUND, failure(lookup).kind());
        assertNotNull(cache.get(WWW, DnsType.CNAME, clock.nanos()), "the CNAME exists");
        assertNotNull(cache.getNegative(gone, DnsType.A, clock.nanos()));
        assertNull(cache.getNegative(WWW, DnsType.A, clock.nanos()), "www itself exists");
    }

    @Test
    void shouldRememberANameDoesNotExistForTheSoaMinimum() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);
        reply(lookup, q, response(q).rcode(Rcode.NXDOMAIN).authorities(List.of(soa(3600, 60))).build());

        clock.set(59 * S);
        Lookup cached = resolver.start(WWW, DnsType.MX); // NXDOMAIN: no type of the name exists
        assertTrue(step(cached));
        assertNoQuery();
        assertEquals(ResolverException.Kind.NAME_NOT_FOUND, failure(cached).kind());

        clock.set(60 * S);
        Lookup expired = resolver.start(WWW, DnsType.A);
        start(expired);
        expired.cancel();
    }

    @Test
    void shouldRememberANegativeAnswerForTheSoaTtlWhenItIsSmaller() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.MX);
        Sent q = start(lookup);
        reply(lookup, q, response(q).authorities(List.of(soa(30, 600))).build());

        clock.set(29 * S);
        Lookup cached = resolver.start(WWW, DnsType.MX);
        assertTrue(step(cached));
        assertNoQuery();
        assertEquals(ResolverException.Kind.NO_DATA, failure(cached).kind());

        Lookup otherType = resolver.start(WWW, DnsType.A);
        start(otherType); // NODATA for MX says nothing about A
        otherType.cancel();

        clock.set(30 * S);
        Lookup expired = resolver.start(WWW, DnsType.MX);
        start(expired);
        expired.cancel();
    }

    @Test
    void shouldNotRememberANegativeAnswerWithoutAnSoa() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);
        reply(lookup, q, response(q).rcode(Rcode.NXDOMAIN).build());
        assertEquals(ResolverException.Kind.NAME_NOT_FOUND, failure(lookup).kind());

        Lookup mx = resolver.start(WWW, DnsType.MX);
        Sent q2 = start(mx);
        reply(mx, q2, response(q2).build());
        assertEquals(ResolverException.Kind.NO_DATA, failure(mx).kind());

        Lookup again = resolver.start(WWW, DnsType.A);
        start(again);
        again.cancel();
        Lookup mxAgain = resolver.start(WWW, DnsType.MX);
        start(mxAgain);
        mxAgain.cancel();
    }

    // ---------------------------------------------------------------- what is cached

    @Test
    void shouldNotCacheRecordsOffTheCnameChain() throws Exception {
        DnsName web = DnsName.parse("web.example.test");
        DnsName bank = DnsName.parse("bank.example.test");
        DnsName ns = DnsName.parse("ns.evil.test");
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);

        reply(lookup, q, response(q)
                .answers(List.of(cname(WWW, 300, web), a(web, 300, "10.0.0.80"), a(bank, 86400, "6.6.6.6"),
                        cname(DnsName.parse("login.example.test"), 86400, DnsName.parse("phish.evil.test")),
                        new ResourceRecord(web, DnsClass.CH, 86400, new RData.A(addr("6.6.6.7")))))
                .authorities(List.of(ResourceRecord.in(ZONE, 86400, new RData.Ns(ns))))
                .additionals(List.of(a(ns, 86400, "6.6.6.8"), a(bank, 86400, "6.6.6.9"))).build());

        assertEquals(List.of(addr("10.0.0.80")), lookup.result().addresses());
        long now = clock.nanos();
        assertNull(cache.get(bank, DnsType.A, now), "a name not asked about");
        assertNull(cache.get(DnsName.parse("login.example.test"), DnsType.CNAME, now));
        assertNull(cache.get(ZONE, DnsType.NS, now), "authority section");
        assertNull(cache.get(ns, DnsType.A, now), "additional section");
        assertEquals(List.of(addr("10.0.0.80")),
                cache.get(web, DnsType.A, now).stream().map(r -> ((RData.A) r.data()).address()).toList(),
                "only class IN on the chain");
        assertEquals(2, cache.size(), "www CNAME, web A, and nothing else");

        Lookup bankLookup = resolver.start(bank, DnsType.A);
        start(bankLookup);
        bankLookup.cancel();
    }

    @Test
    void shouldServeACachedAnswerWithTheTtlLeftUntilItExpires() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q = start(lookup);
        reply(lookup, q, response(q).authoritative(true).answers(List.of(a(WWW, 300, "10.0.0.80"))).build());
        assertTrue(lookup.result().authoritative());
        assertFalse(lookup.result().fromCache());

        clock.set(120 * S);
        Lookup cached = resolver.start(WWW, DnsType.A);
        assertTrue(step(cached), "answered on the first poll");
        assertNoQuery();
        LookupResult r = cached.result();
        assertEquals(List.of(addr("10.0.0.80")), r.addresses());
        assertEquals(180, r.records().get(0).ttl());
        assertTrue(r.fromCache());
        assertEquals(0, r.queries());
        assertNull(r.source());
        assertFalse(r.authoritative(), "the cache is no authority");

        clock.set(300 * S);
        Lookup expired = resolver.start(WWW, DnsType.A);
        Sent q2 = start(expired);
        assertEquals(Question.in(WWW, DnsType.A), q2.query().question());
        expired.cancel();
    }

    @Test
    void shouldAnswerFromTheHostsTableWithoutAQuery() throws Exception {
        Resolver withHosts = resolverWith(resolver.config().withHosts(HostsTable.parse("hosts",
                "10.0.0.50 printer.example.test printer\n10.0.0.51 printer.example.test\n")));

        Lookup lookup = withHosts.start(DnsName.parse("Printer.Example.Test"), DnsType.A);
        assertTrue(step(lookup));
        assertNoQuery();
        LookupResult r = lookup.result();
        assertEquals(List.of(addr("10.0.0.50"), addr("10.0.0.51")), r.addresses());
        assertNull(r.source());
        assertTrue(r.fromCache(), "answered without a query");
        assertEquals(0, r.queries());

        Lookup shortName = withHosts.start(DnsName.parse("printer"), DnsType.A);
        assertTrue(step(shortName));
        assertEquals(List.of(addr("10.0.0.50")), shortName.result().addresses());

        Lookup mx = withHosts.start(DnsName.parse("printer.example.test"), DnsType.MX);
        start(mx); // the hosts table knows addresses only
        mx.cancel();
    }

    @Test
    void shouldAnswerAQuestionForTheCnameItselfWithoutFollowingIt() throws Exception {
        DnsName web = DnsName.parse("web.example.test");
        Lookup lookup = resolver.start(WWW, DnsType.CNAME);
        Sent q = start(lookup);

        assertTrue(reply(lookup, q, response(q).answers(List.of(cname(WWW, 300, web), a(web, 300, "10.0.0.80")))
                .build()));

        LookupResult r = lookup.result();
        assertEquals(List.of(cname(WWW, 300, web)), r.records());
        assertEquals(WWW, r.canonicalName());
        assertEquals(List.of(), r.cnames());
    }

    @Test
    void shouldAskTheNextServerAtOnceWhenTheHostIsUnreachable() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        Sent q1 = start(lookup);

        line.script(ipv4(SERVER1, US, 1, 64, 9, 0, icmp(3, 1, 0, Arrays.copyOf(q1.packet(), 28))));
        host.poll(clock.nanos());
        step(lookup);
        if (lookup.nextDeadline() <= clock.nanos()) {
            step(lookup);
        }
        Sent q2 = onlyQuery();

        assertEquals(SERVER2, q2.to());
        assertEquals(q1.at(), q2.at());
        lookup.cancel();
    }

    @Test
    void shouldSayThatNoServerIsConfigured() throws Exception {
        Lookup lookup = resolverWith(resolver.config().withServers(List.of())).start(WWW, DnsType.A);

        assertTrue(step(lookup));

        ResolverException e = failure(lookup);
        assertEquals(ResolverException.Kind.NO_ANSWER, e.kind());
        assertTrue(e.getMessage().contains("no DNS server"), e.getMessage());
        assertNoQuery();
    }

    @Test
    void shouldRefuseANameThatCannotBeOne() {
        var e = assertThrows(ResolverException.class, () -> Resolver.name("a..example.test"));
        var tooLong = assertThrows(ResolverException.class, () -> Resolver.name("x".repeat(64) + ".test"));

        assertEquals(ResolverException.Kind.BAD_NAME, e.kind());
        assertEquals(ResolverException.Kind.BAD_NAME, tooLong.kind());
        assertTrue(e.getMessage().contains("a..example.test"), e.getMessage());
    }

    @Test
    void shouldReturnALiteralAddressWithoutAQuery() throws Exception {
        assertEquals(List.of(addr("10.0.0.77")), resolver.getHostByName("10.0.0.77"));
        host.poll(clock.nanos());
        assertNoQuery();
    }

    @Test
    void shouldSortMailExchangesByPreference() throws Exception {
        Lookup lookup = resolver.start(ZONE, DnsType.MX);
        Sent q = start(lookup);
        reply(lookup, q, response(q).answers(List.of(
                ResourceRecord.in(ZONE, 300, new RData.Mx(20, DnsName.parse("backup.example.test"))),
                ResourceRecord.in(ZONE, 300, new RData.Mx(10, DnsName.parse("mail.example.test"))),
                ResourceRecord.in(ZONE, 300, new RData.Mx(20, DnsName.parse("backup2.example.test"))))).build());

        assertEquals(List.of(new MxHost(10, DnsName.parse("mail.example.test")),
                new MxHost(20, DnsName.parse("backup.example.test")),
                new MxHost(20, DnsName.parse("backup2.example.test"))), Resolver.mxHosts(lookup.result()));
    }

    @Test
    void shouldCloseTheSocketOfACancelledLookup() throws Exception {
        Lookup lookup = resolver.start(WWW, DnsType.A);
        start(lookup);
        assertEquals(1, host.sockets().openCount());

        lookup.cancel();

        assertEquals(0, host.sockets().openCount());
        assertEquals(-1, lookup.descriptor());
        assertEquals(ResolverException.Kind.NO_ANSWER, failure(lookup).kind());
    }
}
