package io.slipway.app.dns;

import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.ResourceRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A zone's authoritative data and the lookup an authoritative server does in it (RFC 1034
 * §4.3.2 step 3). Read first: RFC 1034 §4.3.2 (the algorithm), RFC 2308 §2–3 (negative answers),
 * RFC 6604 (the rcode after CNAMEs), RFC 2181 §10 (CNAMEs).
 *
 * <p>Built with {@link #of(ZoneFile)} or {@link #of(DnsName, List)}, which check the records make
 * a zone (rules in ZoneIndex: one SOA and NS at the origin, CNAME alone at its name, only
 * NS and glue at delegations, no wildcards). Immutable afterwards: lookups may run on any number
 * of threads.
 *
 * <p>Wildcards (RFC 1034 §4.3.3) are not implemented, so {@code *} owners are refused when the
 * zone is built rather than served as if they were plain names.
 */
public final class Zone {
    /** CNAMEs followed for one question; a longer chain is answered as far as this (loops stop sooner). */
    public static final int MAX_CNAME_CHAIN = 16;

    private final ZoneIndex index;

    private Zone(ZoneIndex index) {
        this.index = index;
    }

    /**
     * The zone of a parsed file. Its origin is the file's starting origin or, when the caller
     * gave none, the owner of the file's first SOA record.
     *
     * @throws ZoneFileException {@code file:line: what}, naming the line of the record at fault
     */
    public static Zone of(ZoneFile file) throws ZoneFileException {
        DnsName origin = file.origin();
        if (origin == null) {
            origin = file.records().stream().filter(r -> r.type() == DnsType.SOA).map(ResourceRecord::name)
                    .findFirst().orElse(null);
            if (origin == null) {
                throw new ZoneFileException(file.sourceName(), 1, "no origin was given and the file has no SOA"
                        + " record to take it from");
            }
        }
        try {
            return new Zone(ZoneIndex.build(origin, file.records()));
        } catch (ZoneProblem p) {
            int line = p.recordIndex() >= 0 ? file.lineOf(p.recordIndex()) : 1;
            throw new ZoneFileException(file.sourceName(), line, p.getMessage());
        }
    }

    /**
     * The zone of {@code origin} holding {@code records}.
     *
     * @throws IllegalArgumentException saying which rule a record breaks
     */
    public static Zone of(DnsName origin, List<ResourceRecord> records) {
        Objects.requireNonNull(origin, "origin");
        try {
            return new Zone(ZoneIndex.build(origin, List.copyOf(records)));
        } catch (ZoneProblem p) {
            throw new IllegalArgumentException(p.getMessage(), p);
        }
    }

    public DnsName origin() {
        return index.origin;
    }

    /** The zone's SOA record, as written. */
    public ResourceRecord soa() {
        return index.soa;
    }

    /** True when {@code name} is at or below the origin: a name {@link #lookup} answers for. */
    public boolean contains(DnsName name) {
        return name.isSubdomainOf(index.origin);
    }

    /**
     * What this zone answers to {@code qname}/{@code qtype} (class IN), following RFC 1034 §4.3.2
     * step 3: a referral at or below a delegation point (3b); the RRset asked for, or every RRset
     * for ANY (3a); a CNAME, followed while its target is in this zone (3a, RFC 2181 §10.1.1);
     * NODATA when the name exists, even as an empty non-terminal, without that type; NXDOMAIN
     * when it does not exist (3c, no wildcards). Negative answers carry the SOA with TTL
     * min(its TTL, MINIMUM) (RFC 2308 §3); answers and referrals carry the A records this zone
     * has for NS and MX hosts as additional data (RFC 1034 §4.3.2 step 6).
     *
     * @throws IllegalArgumentException when qname is outside the zone or qtype is not 0..65535
     */
    public ZoneAnswer lookup(DnsName qname, int qtype) {
        Objects.requireNonNull(qname, "qname");
        if (!contains(qname)) {
            throw new IllegalArgumentException(qname + " is not in the zone " + index.origin);
        }
        if (qtype < 0 || qtype > 0xFFFF) {
            throw new IllegalArgumentException("qtype must be 0..65535: " + qtype);
        }
        List<ResourceRecord> answers = new ArrayList<>();
        Set<DnsName> visited = new HashSet<>();
        DnsName name = qname;
        while (true) {
            visited.add(name);
            DnsName cut = index.cutAtOrAbove(name);
            if (cut != null) {
                return referral(cut, answers);
            }
            ZoneNode node = index.nodes.get(name);
            if (node == null) {
                return negative(index.exists(name) ? ZoneAnswer.Kind.NODATA : ZoneAnswer.Kind.NXDOMAIN, answers);
            }
            if (qtype == DnsType.ANY) {
                answers.addAll(node.all());
                return answer(answers);
            }
            if (node.has(qtype)) {
                answers.addAll(node.rrset(qtype));
                return answer(answers);
            }
            if (!node.has(DnsType.CNAME)) {
                return negative(ZoneAnswer.Kind.NODATA, answers);
            }
            ResourceRecord cname = node.rrset(DnsType.CNAME).get(0);
            answers.add(cname);
            DnsName target = ((RData.Cname) cname.data()).target();
            // Out of the zone, the resolver goes on from the CNAME (RFC 1034 §4.3.2 step 3a: only
            // this server's data is ours to follow); a loop or an over-long chain stops here.
            if (!contains(target) || visited.contains(target) || answers.size() >= MAX_CNAME_CHAIN) {
                return answer(answers);
            }
            name = target;
        }
    }

    /** RFC 1034 §4.3.2 step 3b: the cut's NS RRset in authority, their glue as additional data. */
    private ZoneAnswer referral(DnsName cut, List<ResourceRecord> cnames) {
        List<ResourceRecord> ns = index.nodes.get(cut).rrset(DnsType.NS);
        return new ZoneAnswer(ZoneAnswer.Kind.REFERRAL, cnames, ns, addresses(hostsOf(ns), cnames));
    }

    private ZoneAnswer answer(List<ResourceRecord> answers) {
        return new ZoneAnswer(ZoneAnswer.Kind.ANSWER, answers, List.of(), addresses(hostsOf(answers), answers));
    }

    /**
     * RFC 2308 §3: the SOA goes in authority with TTL min(SOA TTL, MINIMUM), which is how long
     * caches keep the negative answer.
     */
    private ZoneAnswer negative(ZoneAnswer.Kind kind, List<ResourceRecord> cnames) {
        ResourceRecord soa = index.soa;
        long minimum = ((RData.Soa) soa.data()).minimum();
        return new ZoneAnswer(kind, cnames, List.of(soa.withTtl(Math.min(soa.ttl(), minimum))), List.of());
    }

    /** The hosts that additional section processing looks up (RFC 1035 §3.3.9 MX, §3.3.11 NS). */
    private static Set<DnsName> hostsOf(List<ResourceRecord> records) {
        Set<DnsName> hosts = new LinkedHashSet<>();
        for (ResourceRecord r : records) {
            if (r.data() instanceof RData.Ns ns) {
                hosts.add(ns.host());
            } else if (r.data() instanceof RData.Mx mx) {
                hosts.add(mx.exchange());
            }
        }
        return hosts;
    }

    /**
     * The A (and RFC 3597 AAAA, RFC 3596 §3) records this zone holds for {@code hosts}, glue below
     * delegations included, in host order, leaving out any already in the answer.
     */
    private List<ResourceRecord> addresses(Set<DnsName> hosts, List<ResourceRecord> answers) {
        List<ResourceRecord> out = new ArrayList<>();
        for (DnsName host : hosts) {
            ZoneNode node = index.nodes.get(host);
            if (node == null) {
                continue;
            }
            for (int type : new int[] {DnsType.A, ZoneIndex.AAAA}) {
                for (ResourceRecord r : node.rrset(type)) {
                    if (!answers.contains(r)) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }
}
