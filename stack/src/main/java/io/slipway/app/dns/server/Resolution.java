package io.slipway.app.dns.server;

import io.slipway.base.Clock;
import io.slipway.socket.InetEndpoint;
import io.slipway.socket.SocketError;
import io.slipway.socket.SocketException;
import io.slipway.socket.dns.DnsClass;
import io.slipway.socket.dns.DnsMessage;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.Question;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.Rcode;
import io.slipway.socket.dns.ResourceRecord;
import io.slipway.socket.dns.Sections;
import io.slipway.socket.resolver.DnsCache;
import io.slipway.socket.resolver.QueryExchange;
import io.slipway.socket.resolver.Trust;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One iterative resolution (RFC 1034 §5.3.3), driven by {@link #poll} on the stack thread with
 * non-blocking sockets: start at the closest zone cut the cache knows servers for (else the root
 * hints), ask without recursion, and follow referrals down — root, TLD, domain — caching what is
 * learned, until an answer, a negative answer, or failure.
 *
 * <p>Defences against a lying or broken server: a response counts only from the server asked,
 * with the query's ID and question (RFC 5452); answer records are taken only along the CNAME
 * chain from the name asked; a referral must lead strictly closer to the name and below the
 * zone of the server that gave it, and its glue is kept only for the referral's name servers and
 * only within that server's zone (its bailiwick); queries, referrals, CNAMEs and nested
 * resolutions of name-server addresses are all bounded.
 */
final class Resolution {
    static final int MAX_QUERIES = 32;
    static final int MAX_REFERRALS = 16;
    static final int MAX_CNAMES = 8;
    /** Resolutions of name-server addresses inside a resolution, one inside the other. */
    static final int MAX_DEPTH = 3;
    /** Tries of each server of a zone before the resolution fails (Unbound and BIND try several times too). */
    static final int TRIES_PER_SERVER = 3;

    /** Queries a resolution and the ones nested in it have sent: one budget for all. */
    static final class Budget {
        int queries;
    }

    private final RecursiveResolver owner;
    private final Question original;
    private final int depth;
    private final Budget budget;
    private final Consumer<Outcome> done;
    private DnsName current;
    private final List<ResourceRecord> chain = new ArrayList<>();
    private final Set<DnsName> seen = new HashSet<>();
    private final Set<DnsName> unresolvable = new HashSet<>();
    /** Zone cuts a referral has led to: one that leads to a cut seen before is lame (a loop). */
    private final Set<DnsName> cutsVisited = new HashSet<>();
    private int referrals;
    private long lastPoll;
    private boolean queried;
    // Where to ask: the zone cut and its servers' addresses; null servers: choose again.
    private DnsName cut;
    private List<Integer> servers;
    private int attempt;
    // A nested resolution of a name server's address, and the cut it serves.
    private Resolution child;
    private DnsName childCut;
    private DnsName childHost;
    // The query in flight, null while there is none.
    private QueryExchange exchange;
    private long deadline = Clock.NEVER;
    private Outcome outcome;

    Resolution(RecursiveResolver owner, Question question, int depth, Budget budget, Consumer<Outcome> done) {
        this.owner = owner;
        this.original = question;
        this.depth = depth;
        this.budget = budget;
        this.done = done;
        this.current = question.name();
        seen.add(current.toLowerCase());
    }

    Outcome outcome() {
        return outcome;
    }

    /**
     * When this resolution must run though nothing arrives: the query's timeout; or the last poll
     * (due at once) in the passing state where nothing is in flight yet.
     */
    long nextDeadline() {
        if (outcome != null) {
            return Clock.NEVER;
        }
        if (child != null) {
            return child.nextDeadline();
        }
        return exchange != null ? deadline : lastPoll;
    }

    /** Does what is due; true once there is an outcome. */
    boolean poll(long nowNanos) {
        lastPoll = nowNanos;
        if (outcome != null) {
            return true;
        }
        if (child != null) {
            if (!child.poll(nowNanos)) {
                return false;
            }
            childDone();
        }
        if (exchange != null) {
            receive(nowNanos);
            if (exchange != null && nowNanos - deadline >= 0) {
                closeQuery(); // timed out: the next server
            }
        }
        step(nowNanos);
        return outcome != null;
    }

    /** Closes the query in flight, if any; the outcome is not reported. */
    void abandon() {
        closeQuery();
        if (child != null) {
            child.abandon();
        }
    }

    // ---------------------------------------------------------------- steps

    /** Moves on until a query is in flight, a nested resolution runs, or there is an outcome. */
    private void step(long nowNanos) {
        while (outcome == null && child == null && exchange == null) {
            if (servers == null) {
                if (answerFromCache(nowNanos) || !chooseServers(nowNanos)) {
                    return;
                }
            }
            if (attempt >= servers.size() * TRIES_PER_SERVER) {
                finish(Outcome.serverFailure());
                return;
            }
            send(nowNanos);
        }
    }

    private boolean answerFromCache(long nowNanos) {
        DnsCache cache = owner.cache();
        while (true) {
            List<ResourceRecord> data = cache.get(current, original.type(), nowNanos);
            if (data != null) {
                finish(answer(data));
                return true;
            }
            DnsCache.Negative negative = cache.getNegative(current, original.type(), nowNanos);
            if (negative != null) {
                finish(new Outcome(negative.nxdomain() ? Rcode.NXDOMAIN : Rcode.NOERROR, chain, List.of(negative.soa()),
                        !queried));
                return true;
            }
            if (original.type() == DnsType.CNAME) {
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

    /**
     * The closest zone cut above the name with servers whose addresses are known; or a nested
     * resolution of a server's address (false); or the root hints.
     */
    private boolean chooseServers(long nowNanos) {
        DnsCache cache = owner.cache();
        for (DnsName z = current; ; z = z.parent()) {
            List<ResourceRecord> ns = cache.get(z, DnsType.NS, nowNanos);
            if (ns != null) {
                List<Integer> addresses = new ArrayList<>();
                for (ResourceRecord r : ns) {
                    List<ResourceRecord> a = cache.get(((RData.Ns) r.data()).host(), DnsType.A, nowNanos);
                    if (a != null) {
                        for (ResourceRecord x : a) {
                            addresses.add(((RData.A) x.data()).address());
                        }
                    }
                }
                if (!addresses.isEmpty()) {
                    use(z, addresses);
                    return true;
                }
                for (ResourceRecord r : ns) {
                    DnsName host = ((RData.Ns) r.data()).host();
                    // A host inside the zone it serves has no address but its glue: asking for it
                    // would come back to this very cut.
                    if (depth < MAX_DEPTH && !unresolvable.contains(host) && !host.isSubdomainOf(z)) {
                        childCut = z;
                        childHost = host;
                        child = new Resolution(owner, Question.in(host, DnsType.A), depth + 1, budget, o -> { });
                        child.poll(nowNanos);
                        if (child.outcome() != null) {
                            childDone();
                            return servers != null;
                        }
                        return false;
                    }
                }
            }
            if (z.isRoot()) {
                break;
            }
        }
        use(DnsName.ROOT, owner.hints().serverAddresses());
        return true;
    }

    private void childDone() {
        Outcome o = child.outcome();
        child = null;
        List<Integer> addresses = new ArrayList<>();
        if (o.rcode() == Rcode.NOERROR) {
            for (ResourceRecord r : o.answers()) {
                if (r.data() instanceof RData.A a && r.name().equals(childHost)) {
                    addresses.add(a.address());
                }
            }
        }
        if (addresses.isEmpty()) {
            unresolvable.add(childHost);
            servers = null;
        } else {
            use(childCut, addresses);
        }
    }

    private void use(DnsName zone, List<Integer> addresses) {
        cut = zone;
        servers = addresses;
        attempt = 0;
    }

    private void send(long nowNanos) {
        int server = servers.get(attempt % servers.size());
        attempt++;
        if (budget.queries >= MAX_QUERIES) {
            finish(Outcome.serverFailure());
            return;
        }
        try {
            exchange = QueryExchange.send(owner.sockets(), new InetEndpoint(server, DnsServer.PORT),
                    Question.in(current, original.type()), owner.nextQueryId(), false);
            budget.queries++;
            queried = true;
            owner.countUpstreamQuery();
            deadline = nowNanos + owner.timeoutNanos();
        } catch (SocketException e) {
            if (e.error() == SocketError.TOO_MANY_SOCKETS) {
                finish(Outcome.noSocket()); // the host's fault, not the server's: do not burn its tries
            }
            // otherwise no route to this server: the next attempt
        }
    }

    private void receive(long nowNanos) {
        DnsMessage m;
        try {
            m = exchange.poll();
        } catch (SocketException e) {
            closeQuery(); // refused or unreachable: the next server
            return;
        }
        if (m != null) {
            closeQuery();
            handle(m, nowNanos);
        }
    }

    /** A response to our query: an answer, a negative answer, a referral, or a server to skip. */
    private void handle(DnsMessage m, long nowNanos) {
        if (m.truncated() || (m.rcode() != Rcode.NOERROR && m.rcode() != Rcode.NXDOMAIN)) {
            return; // no TCP to retry with; a failing server: the next one
        }
        DnsCache cache = owner.cache();
        Trust trust = m.authoritative() ? Trust.AUTHORITATIVE_ANSWER : Trust.ANSWER;
        DnsName askedName = current;
        while (true) {
            if (!current.isSubdomainOf(cut)) {
                // A CNAME led out of the zone this server serves: what it says about the target is
                // hearsay (RFC 2181 §5.4.1, RFC 5452 §6). Ask the target's own servers.
                servers = null;
                return;
            }
            List<ResourceRecord> data = Sections.rrset(m.answers(), current, original.type());
            if (!data.isEmpty()) {
                cache.put(data, trust, nowNanos);
                finish(answer(data));
                return;
            }
            if (original.type() == DnsType.CNAME) {
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
        if (m.rcode() == Rcode.NXDOMAIN) {
            if (m.authoritative()) {
                cache.putNegative(current, original.type(), true, soa, nowNanos);
                finish(new Outcome(Rcode.NXDOMAIN, chain, soa == null ? List.of() : List.of(soa), false));
            }
            return; // a non-authoritative NXDOMAIN from a server we asked iteratively: skip it
        }
        if (!current.equals(askedName)) {
            servers = null; // the chain left this server's data: ask whoever serves its end
            return;
        }
        List<ResourceRecord> delegation = referral(m.authorities());
        if (!delegation.isEmpty()) {
            if (!cutsVisited.add(delegation.get(0).name().toLowerCase())) {
                return; // a referral back to a cut already tried: a lame server; the next one
            }
            if (++referrals > MAX_REFERRALS) {
                finish(Outcome.serverFailure());
                return;
            }
            cache.put(delegation, Trust.AUTHORITY, nowNanos);
            cacheGlue(delegation, m.additionals(), nowNanos);
            servers = null;
            return;
        }
        if (m.authoritative()) {
            cache.putNegative(current, original.type(), false, soa, nowNanos);
            finish(new Outcome(Rcode.NOERROR, chain, soa == null ? List.of() : List.of(soa), false));
        }
        // Neither an answer nor a referral nor authoritative: a lame server; the next one.
    }

    /** The NS RRset of a zone between the current cut and the name: strictly closer, never sideways. */
    private List<ResourceRecord> referral(List<ResourceRecord> authority) {
        DnsName zone = null;
        for (ResourceRecord r : authority) {
            if (r.type() == DnsType.NS && r.dnsClass() == DnsClass.IN && current.isSubdomainOf(r.name())
                    && r.name().isSubdomainOf(cut) && !r.name().equals(cut)) {
                zone = r.name();
                break;
            }
        }
        return zone == null ? List.of() : Sections.rrset(authority, zone, DnsType.NS);
    }

    /** Glue: A records of the referral's name servers, only inside the referring server's zone. */
    private void cacheGlue(List<ResourceRecord> delegation, List<ResourceRecord> additional, long nowNanos) {
        Map<DnsName, List<ResourceRecord>> glue = new LinkedHashMap<>();
        for (ResourceRecord r : additional) {
            if (r.type() != DnsType.A || r.dnsClass() != DnsClass.IN || !r.name().isSubdomainOf(cut)) {
                continue;
            }
            for (ResourceRecord ns : delegation) {
                if (((RData.Ns) ns.data()).host().equals(r.name())) {
                    glue.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
                    break;
                }
            }
        }
        for (List<ResourceRecord> rrset : glue.values()) {
            owner.cache().put(rrset, Trust.ADDITIONAL, nowNanos);
        }
    }

    private boolean follow(ResourceRecord cname) {
        DnsName target = ((RData.Cname) cname.data()).target();
        if (chain.size() >= MAX_CNAMES || !seen.add(target.toLowerCase())) {
            finish(Outcome.serverFailure()); // a loop, or a chain too long to be meant
            return false;
        }
        chain.add(cname);
        current = target;
        servers = null;
        return true;
    }

    private Outcome answer(List<ResourceRecord> data) {
        List<ResourceRecord> answers = new ArrayList<>(chain);
        answers.addAll(data);
        return new Outcome(Rcode.NOERROR, answers, List.of(), !queried);
    }

    private void finish(Outcome o) {
        closeQuery();
        outcome = o;
        done.accept(o);
    }

    private void closeQuery() {
        if (exchange != null) {
            exchange.close();
            exchange = null;
        }
        deadline = Clock.NEVER;
    }
}
