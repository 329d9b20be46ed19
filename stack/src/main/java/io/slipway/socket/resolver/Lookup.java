package io.slipway.socket.resolver;

import io.slipway.base.Clock;
import io.slipway.socket.InetEndpoint;
import io.slipway.socket.SocketException;
import io.slipway.socket.Sockets;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.Question;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.Rcode;
import io.slipway.socket.dns.DnsMessage;
import io.slipway.socket.dns.Sections;
import io.slipway.socket.dns.ResourceRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One lookup in progress: a state machine over non-blocking datagram sockets, driven by
 * {@link #poll} — from an application thread by {@link Resolver#lookup}, or on the stack thread by
 * a {@code Service}. Not thread-safe: one thread drives it.
 *
 * <p>What it does (RFC 1034 §5.3.3, as a stub resolver):
 * <ol>
 *   <li>Answers from the hosts table (type A) or the cache — records, a cached negative answer,
 *       or a cached CNAME to follow — without a query when it can.
 *   <li>Otherwise asks the servers in order, each try from a new socket on a random port with a
 *       random ID (RFC 5452 §9.2), waiting {@code timeout}, doubled every round (backoff). A
 *       server that refuses (ICMP port unreachable), fails (SERVFAIL, REFUSED, ...) or cannot be
 *       reached is skipped at once. A try that timed out keeps listening (up to
 *       {@link #EARLIER_TRIES_KEPT} of them): a recursive server slower than our timeout still
 *       gets its answer heard.
 *   <li>Accepts a response only from the server asked, with the query's ID and question, and QR
 *       set (RFC 5452 §3); anything else is ignored and the wait goes on.
 *   <li>Follows the CNAME chain through the answer (bounded, loops detected); caches the RRsets
 *       of the chain — nothing else the response carries, so a server cannot plant records for
 *       names it was not asked about — and NXDOMAIN or NODATA with the authority's SOA (RFC 2308).
 *       When the chain leaves the answer before reaching data, it asks for the chain's end.
 * </ol>
 */
public final class Lookup {
    /** Timed-out tries still listened to for a late answer; older ones are closed. */
    static final int EARLIER_TRIES_KEPT = 4;
    private static final String TIMED_OUT = "timed out";
    private final Resolver resolver;
    private final Sockets sockets;
    private final ResolverConfig config;
    private final DnsName name;
    private final int type;
    private DnsName current;
    private final List<ResourceRecord> cnames = new ArrayList<>();
    private final Set<DnsName> seen = new HashSet<>();
    /** Per server, what went wrong with each try, in order: for the message when none answers. */
    private final Map<InetEndpoint, List<String>> failures = new LinkedHashMap<>();
    private int queries;
    private int ignored;
    // The try in flight, null while there is none.
    private int round;
    private int serverIndex;
    private QueryExchange exchange;
    /** Tries that timed out but may still be answered, oldest first; all ask {@code question}. */
    private final ArrayDeque<QueryExchange> earlier = new ArrayDeque<>();
    private Question question;
    private InetEndpoint server;
    private long deadline = Clock.NEVER;
    private long lastPoll;
    // The outcome.
    private boolean done;
    private LookupResult result;
    private ResolverException failure;

    Lookup(Resolver resolver, DnsName name, int type) {
        this.resolver = resolver;
        this.sockets = resolver.sockets();
        this.config = resolver.config();
        this.name = name;
        this.type = type;
        this.current = name;
        seen.add(name.toLowerCase());
    }

    public DnsName name() {
        return name;
    }

    public int type() {
        return type;
    }

    public boolean isDone() {
        return done;
    }

    /** The socket of the query in flight, to wait on; -1 when there is none. */
    public int descriptor() {
        return exchange == null ? -1 : exchange.descriptor();
    }

    /**
     * When {@link #poll} must run again though nothing arrives: the try's timeout; the last poll
     * (due at once) before the first try is sent; {@link Clock#NEVER} once done.
     */
    public long nextDeadline() {
        return done ? Clock.NEVER : exchange != null ? deadline : lastPoll;
    }

    /** Queries sent so far. */
    public int queries() {
        return queries;
    }

    /** Datagrams that came to the queries' sockets and were not their answers (RFC 5452 checks). */
    public int ignoredResponses() {
        int n = ignored + (exchange == null ? 0 : exchange.ignored());
        for (QueryExchange e : earlier) {
            n += e.ignored();
        }
        return n;
    }

    /** True while tries that timed out are still listened to: a blocking caller must look at them too. */
    public boolean hasEarlierTries() {
        return !earlier.isEmpty();
    }

    /** The answer; throws what the lookup failed with. Only once {@link #isDone()}. */
    public LookupResult result() throws ResolverException {
        if (!done) {
            throw new IllegalStateException("lookup of " + name + " is still running");
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    /** Does what is due at {@code nowNanos}; true once the lookup is done. */
    public boolean poll(long nowNanos) {
        lastPoll = nowNanos;
        if (done) {
            return true;
        }
        if (exchange != null) {
            receive(nowNanos);
            if (!done && exchange != null && nowNanos - deadline >= 0) {
                failTry(TIMED_OUT, nowNanos);
            }
        }
        // Nothing in flight: the start, or an answer sent us on (the next server, a CNAME's end).
        if (!done && exchange == null && !answerLocally(nowNanos)) {
            startTry(nowNanos);
        }
        return done;
    }

    /** Gives up: closes the sockets in flight. */
    public void cancel() {
        closeAll();
        if (!done) {
            fail(ResolverException.Kind.NO_ANSWER, "lookup of " + describe() + " was cancelled");
        }
    }

    // ---------------------------------------------------------------- local answers

    private boolean answerLocally(long nowNanos) {
        DnsCache cache = resolver.cache();
        while (true) {
            if (type == DnsType.A) {
                List<Integer> hosts = config.hosts().addresses(current);
                if (!hosts.isEmpty()) {
                    List<ResourceRecord> records = new ArrayList<>();
                    for (int address : hosts) {
                        records.add(ResourceRecord.in(current, 0, new RData.A(address)));
                    }
                    finish(records, null, false);
                    return true;
                }
            }
            List<ResourceRecord> cached = cache.get(current, type, nowNanos);
            if (cached != null) {
                finish(cached, null, false);
                return true;
            }
            DnsCache.Negative negative = cache.getNegative(current, type, nowNanos);
            if (negative != null) {
                failNegative(negative.nxdomain());
                return true;
            }
            if (type == DnsType.CNAME) {
                return false;
            }
            List<ResourceRecord> cname = cache.get(current, DnsType.CNAME, nowNanos);
            if (cname == null) {
                return false;
            }
            if (!follow(cname.get(0))) {
                return true;
            }
        }
    }

    // ---------------------------------------------------------------- queries

    /** Sends the next try, skipping servers that fail at once; fails the lookup when none is left. */
    private void startTry(long nowNanos) {
        List<InetEndpoint> servers = config.servers();
        while (!done) {
            if (round >= config.attempts() || servers.isEmpty()) {
                failNoAnswer();
                return;
            }
            if (queries >= config.maxQueries()) {
                fail(ResolverException.Kind.TOO_MANY_QUERIES, "lookup of " + describe() + " needed more than "
                        + config.maxQueries() + " queries");
                return;
            }
            server = servers.get(serverIndex);
            question = Question.in(current, type);
            try {
                exchange = QueryExchange.send(sockets, server, question, resolver.nextQueryId(), true);
                queries++;
                deadline = nowNanos + tryTimeoutNanos();
                return;
            } catch (SocketException e) {
                if (e.error() == io.slipway.socket.SocketError.TOO_MANY_SOCKETS) {
                    fail(ResolverException.Kind.NO_ANSWER, "cannot look up " + describe() + ": " + e.getMessage());
                    return;
                }
                failed(server, reason(e));
                advance();
            }
        }
    }

    private long tryTimeoutNanos() {
        long first = config.timeout().toNanos();
        long max = config.maxTimeout().toNanos();
        return round >= 30 ? max : Math.min(max, first << round);
    }

    private void receive(long nowNanos) {
        QueryExchange current = exchange;
        DnsMessage m;
        try {
            m = current.poll();
        } catch (SocketException e) {
            failTry(reason(e), nowNanos); // port unreachable: nobody serves DNS there
            return;
        }
        if (m != null) {
            accept(m, current, nowNanos);
            return;
        }
        for (QueryExchange e : new ArrayList<>(earlier)) {
            try {
                m = e.poll();
            } catch (SocketException x) {
                failed(e.server(), reason(x));
                close(e);
                continue;
            }
            if (m != null) {
                accept(m, e, nowNanos);
                return;
            }
        }
    }

    /** A response from {@code from}: the try in flight, or an earlier one answering late. */
    private void accept(DnsMessage m, QueryExchange from, long nowNanos) {
        InetEndpoint answeredBy = from.server();
        boolean inFlight = from == exchange;
        close(from);
        if (m.truncated()) {
            fail(ResolverException.Kind.TRUNCATED, "the answer for " + describe() + " from " + answeredBy
                    + " did not fit in 512 bytes (TC): it needs DNS over TCP, which slipway's resolver does not do yet");
            return;
        }
        if (m.rcode() != Rcode.NOERROR && m.rcode() != Rcode.NXDOMAIN) {
            failed(answeredBy, "answered " + Rcode.name(m.rcode()));
            if (inFlight) {
                advance(); // the next server, at once; a late failure leaves the try in flight alone
            }
            return;
        }
        Trust trust = m.authoritative() ? Trust.AUTHORITATIVE_ANSWER : Trust.ANSWER;
        DnsCache cache = resolver.cache();
        while (true) {
            List<ResourceRecord> data = Sections.rrset(m.answers(), current, type);
            if (!data.isEmpty()) {
                cache.put(data, trust, nowNanos);
                finish(data, answeredBy, m.authoritative());
                return;
            }
            if (type == DnsType.CNAME) {
                break;
            }
            List<ResourceRecord> cname = Sections.rrset(m.answers(), current, DnsType.CNAME);
            if (cname.isEmpty()) {
                break;
            }
            cache.put(cname, trust, nowNanos);
            if (!follow(cname.get(0))) {
                return;
            }
        }
        ResourceRecord soa = Sections.soaAbove(m.authorities(), current);
        if (m.rcode() == Rcode.NOERROR && soa == null && !m.authoritative() && current.equals(question.name())
                && !Sections.rrset(m.authorities(), referralZone(m), DnsType.NS).isEmpty()) {
            // A referral: the server is authoritative for some zone above, and does not recurse.
            failed(answeredBy, "answered with a referral (it does not recurse)");
            if (inFlight) {
                advance();
            }
            return;
        }
        if (m.rcode() == Rcode.NXDOMAIN) {
            cache.putNegative(current, type, true, soa, nowNanos);
            failNegative(true);
        } else if (soa != null || current.equals(question.name())) {
            cache.putNegative(current, type, false, soa, nowNanos);
            failNegative(false);
        } else {
            // The chain left what this server knows; ask (from the first server) for its end.
            closeAll();
            round = 0;
            serverIndex = 0;
        }
    }

    /** The owner of the authority section's first NS record, or the root when there is none. */
    private static DnsName referralZone(DnsMessage m) {
        for (ResourceRecord r : m.authorities()) {
            if (r.type() == DnsType.NS) {
                return r.name();
            }
        }
        return DnsName.ROOT;
    }

    /** Follows one CNAME; false (and the lookup failed) for a loop or a chain too long. */
    private boolean follow(ResourceRecord cname) {
        DnsName target = ((RData.Cname) cname.data()).target();
        if (cnames.size() >= config.maxCnameChain()) {
            fail(ResolverException.Kind.BAD_CNAME_CHAIN, name + ": more than " + config.maxCnameChain()
                    + " CNAMEs in a row");
            return false;
        }
        if (!seen.add(target.toLowerCase())) {
            fail(ResolverException.Kind.BAD_CNAME_CHAIN, name + ": the CNAME chain loops at " + target);
            return false;
        }
        cnames.add(cname);
        current = target;
        return true;
    }

    private void failed(InetEndpoint s, String why) {
        failures.computeIfAbsent(s, k -> new ArrayList<>()).add(why);
    }

    private void failTry(String why, long nowNanos) {
        failed(server, why);
        if (why.equals(TIMED_OUT)) {
            keepListening();
        } else {
            closeTry();
        }
        advance();
        startTry(nowNanos);
    }

    /** The try in flight timed out: it goes on listening among the earlier ones. */
    private void keepListening() {
        if (earlier.size() == EARLIER_TRIES_KEPT) {
            QueryExchange oldest = earlier.removeFirst();
            ignored += oldest.ignored();
            oldest.close();
        }
        earlier.addLast(exchange);
        exchange = null;
        deadline = Clock.NEVER;
    }

    /** Closes one try, in flight or earlier. */
    private void close(QueryExchange e) {
        if (e == exchange) {
            closeTry();
        } else if (earlier.remove(e)) {
            ignored += e.ignored();
            e.close();
        }
    }

    private void closeAll() {
        closeTry();
        while (!earlier.isEmpty()) {
            QueryExchange e = earlier.removeFirst();
            ignored += e.ignored();
            e.close();
        }
    }

    /** The next server of the round, or the first of the next round. */
    private void advance() {
        serverIndex++;
        if (serverIndex >= config.servers().size()) {
            serverIndex = 0;
            round++;
        }
    }

    private void closeTry() {
        if (exchange != null) {
            ignored += exchange.ignored();
            exchange.close();
            exchange = null;
        }
        deadline = Clock.NEVER;
    }

    // ---------------------------------------------------------------- outcomes

    private void finish(List<ResourceRecord> records, InetEndpoint source, boolean authoritative) {
        closeAll();
        done = true;
        result = new LookupResult(name, type, current, cnames, records, source, authoritative, queries == 0,
                queries);
    }

    private void failNegative(boolean nxdomain) {
        if (nxdomain) {
            fail(ResolverException.Kind.NAME_NOT_FOUND, current + ": no such name (NXDOMAIN)");
        } else {
            fail(ResolverException.Kind.NO_DATA, current + " has no " + DnsType.name(type) + " records");
        }
    }

    private void failNoAnswer() {
        StringBuilder why = new StringBuilder();
        for (Map.Entry<InetEndpoint, List<String>> f : failures.entrySet()) {
            why.append(why.length() == 0 ? "" : "; ").append(f.getKey()).append(' ').append(summary(f.getValue()));
        }
        fail(ResolverException.Kind.NO_ANSWER, "no server answered for " + describe()
                + (config.servers().isEmpty() ? ": no DNS server is configured (--dns)" : ": " + why));
    }

    private void fail(ResolverException.Kind kind, String message) {
        closeAll();
        done = true;
        failure = new ResolverException(kind, message);
    }

    /** {@code timed out 3 times, answered SERVFAIL}: each reason once, in order, with its count. */
    private static String summary(List<String> reasons) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String r : reasons) {
            counts.merge(r, 1, Integer::sum);
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((r, n) -> s.append(s.length() == 0 ? "" : ", ").append(r).append(n > 1 ? " " + n + " times" : ""));
        return s.toString();
    }

    private String describe() {
        return name + " " + DnsType.name(type);
    }

    private static String reason(SocketException e) {
        return "(" + e.error().text() + ")";
    }
}
