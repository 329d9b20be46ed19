package io.slipway.app.dns;

import io.slipway.socket.dns.DnsClass;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.ResourceRecord;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A zone's records grouped by name and type, checked to make a zone that can be served. The
 * rules, each with its source:
 * <ul>
 *   <li>class IN only; every name at or below the origin (RFC 1034 §4.2);
 *   <li>no wildcard owners ({@code *} as the first label, RFC 4592): slipway does not synthesise
 *       answers from them, and serving them as plain names would be wrong;
 *   <li>exactly one SOA, at the origin (RFC 1035 §5.2), and NS records at the origin (RFC 1034 §4.2.1);
 *   <li>a CNAME owner has no other data and one CNAME only (RFC 1034 §3.6.2, RFC 2181 §10.1);
 *   <li>the TTLs of an RRset agree (RFC 2181 §5.2); an exact duplicate record is dropped (RFC 2181 §5);
 *   <li>at a delegation point (a name below the origin with NS records) only NS and glue, and below
 *       one only glue: A records, or AAAA in RFC 3597 form (RFC 1034 §4.2.1). Delegations do not
 *       nest: that data belongs in the child zone;
 *   <li>an NS host inside the zone has an address record in it, and is not an alias (RFC 2181
 *       §10.3), as BIND's named-checkzone demands: without glue the delegation cannot be followed.
 * </ul>
 * Checks run in file order, so the first record at fault is the one reported.
 */
final class ZoneIndex {
    /** RFC 3596 §2.1; slipway reads AAAA only in RFC 3597's generic form, but serves it as glue. */
    static final int AAAA = DnsType.AAAA;

    final DnsName origin;
    final ResourceRecord soa;
    /** Names that own records, in canonical order (so that existence below a name is one look-up). */
    final NavigableMap<DnsName, ZoneNode> nodes;
    /** Delegation points: names below the origin with NS records; none is below another. */
    final NavigableSet<DnsName> cuts;

    private ZoneIndex(DnsName origin, ResourceRecord soa, NavigableMap<DnsName, ZoneNode> nodes,
            NavigableSet<DnsName> cuts) {
        this.origin = origin;
        this.soa = soa;
        this.nodes = Collections.unmodifiableNavigableMap(nodes);
        this.cuts = Collections.unmodifiableNavigableSet(cuts);
    }

    static ZoneIndex build(DnsName origin, List<ResourceRecord> records) throws ZoneProblem {
        if (records.isEmpty()) {
            throw new ZoneProblem(-1, "the zone " + origin + " has no records: it needs an SOA and NS records");
        }
        NavigableMap<DnsName, ZoneNode> nodes = new TreeMap<>(CanonicalNameOrder.INSTANCE);
        ResourceRecord soa = null;
        for (int i = 0; i < records.size(); i++) {
            ResourceRecord r = records.get(i);
            checkRecord(origin, r, i);
            if (r.type() == DnsType.SOA) {
                if (!r.name().equals(origin)) {
                    throw new ZoneProblem(i, "an SOA record belongs at the zone's origin " + origin + ", not at "
                            + r.name());
                }
                if (soa != null && !soa.equals(r)) {
                    throw new ZoneProblem(i, "a second SOA record: a zone has exactly one (RFC 1035 §5.2)");
                }
                soa = r;
            }
            addToNode(nodes.computeIfAbsent(r.name(), n -> new ZoneNode()), r, i);
        }
        if (soa == null) {
            throw new ZoneProblem(0, "no SOA record at the zone's origin " + origin + " (RFC 1035 §5.2)");
        }
        if (!nodes.get(origin).has(DnsType.NS)) {
            throw new ZoneProblem(records.indexOf(soa), "no NS records at the zone's origin " + origin
                    + ": a zone names its servers (RFC 1034 §4.2.1)");
        }
        NavigableSet<DnsName> cuts = new TreeSet<>(CanonicalNameOrder.INSTANCE);
        for (var e : nodes.entrySet()) {
            if (!e.getKey().equals(origin) && e.getValue().has(DnsType.NS)) {
                cuts.add(e.getKey());
            }
        }
        checkNoNestedCuts(cuts, records);
        ZoneIndex index = new ZoneIndex(origin, soa, nodes, cuts);
        for (int i = 0; i < records.size(); i++) {
            index.checkPlacement(records.get(i), i);
        }
        return index;
    }

    /** The delegation point at or above {@code name}, or null when the zone holds its data. */
    DnsName cutAtOrAbove(DnsName name) {
        // Names below a cut sort right after it (RFC 4034 §6.1), and cuts do not nest, so the
        // cut above a name, if any, is the greatest cut not after it.
        DnsName cut = cuts.floor(name);
        return cut != null && name.isSubdomainOf(cut) ? cut : null;
    }

    /** True when {@code name} owns records or is an empty non-terminal (has names below it). */
    boolean exists(DnsName name) {
        DnsName next = nodes.ceilingKey(name);
        return next != null && next.isSubdomainOf(name);
    }

    /** RFC 6895 §3.1: 0 is reserved, OPT (41) and 128..255 are query and meta types. */
    static boolean isDataType(int type) {
        return type != 0 && type != DnsType.OPT && (type < 128 || type > 255);
    }

    private static void checkRecord(DnsName origin, ResourceRecord r, int i) throws ZoneProblem {
        if (r.dnsClass() != DnsClass.IN) {
            throw new ZoneProblem(i, "class " + DnsClass.name(r.dnsClass()) + " is not supported: only IN");
        }
        if (!r.name().isSubdomainOf(origin)) {
            throw new ZoneProblem(i, r.name() + " is outside the zone " + origin);
        }
        if (r.name().labelCount() > 0 && r.name().labelText(0).equals("*")) {
            throw new ZoneProblem(i, "wildcards are not supported: " + r.name() + " (RFC 4592)");
        }
        if (!isDataType(r.type())) {
            throw new ZoneProblem(i, DnsType.name(r.type())
                    + " is not a data type and cannot be in a zone (RFC 6895 §3.1)");
        }
    }

    private static void addToNode(ZoneNode node, ResourceRecord r, int i) throws ZoneProblem {
        List<ResourceRecord> same = node.rrset(r.type());
        if (same.contains(r)) {
            return; // RFC 2181 §5: an RRset holds no duplicates; the copy adds nothing
        }
        if (!same.isEmpty() && same.get(0).ttl() != r.ttl()) {
            throw new ZoneProblem(i, "TTL " + r.ttl() + " differs from " + same.get(0).ttl() + ", the TTL of the other "
                    + r.name() + " " + DnsType.name(r.type()) + " records: an RRset has one TTL (RFC 2181 §5.2)");
        }
        if (r.type() == DnsType.CNAME && !same.isEmpty()) {
            throw new ZoneProblem(i, r.name() + " has two CNAME records: an alias has one target (RFC 2181 §10.1)");
        }
        boolean cnameClash = r.type() == DnsType.CNAME ? !node.isEmpty() : node.has(DnsType.CNAME);
        if (cnameClash) {
            throw new ZoneProblem(i, r.name() + " has a CNAME and other data: an alias owns no other records"
                    + " (RFC 1034 §3.6.2, RFC 2181 §10.1)");
        }
        node.add(r);
    }

    /** Delegations and NS hosts: needs every node and cut, so runs after all records are in. */
    private void checkPlacement(ResourceRecord r, int i) throws ZoneProblem {
        DnsName cut = cutAtOrAbove(r.name());
        if (cut != null) {
            boolean glue = r.type() == DnsType.A || r.type() == AAAA;
            boolean delegation = r.type() == DnsType.NS && r.name().equals(cut);
            if (!glue && !delegation) {
                throw new ZoneProblem(i, DnsType.name(r.type()) + " record at " + r.name() + " is inside the zone"
                        + " delegated at " + cut + ": only its NS records and glue (A records) may be here");
            }
        }
        if (r.data() instanceof RData.Ns ns && ns.host().isSubdomainOf(origin)) {
            ZoneNode host = nodes.get(ns.host());
            if (host != null && host.has(DnsType.CNAME)) {
                throw new ZoneProblem(i, "NS host " + ns.host() + " is an alias (CNAME): NS must name the host"
                        + " itself (RFC 2181 §10.3)");
            }
            if (host == null || !(host.has(DnsType.A) || host.has(AAAA))) {
                throw new ZoneProblem(i, "NS host " + ns.host() + " is inside the zone but has no A record in it:"
                        + " add its address (glue, RFC 1034 §4.2.1)");
            }
        }
    }

    /**
     * Fails when a delegation point is inside another. A cut's descendants sort right after it
     * (RFC 4034 §6.1), so a nested cut, if any, directly follows some cut above it.
     */
    private static void checkNoNestedCuts(NavigableSet<DnsName> cuts, List<ResourceRecord> records)
            throws ZoneProblem {
        DnsName previous = null;
        for (DnsName cut : cuts) {
            if (previous != null && cut.isSubdomainOf(previous)) {
                int first = 0;
                while (!(records.get(first).type() == DnsType.NS && records.get(first).name().equals(cut))) {
                    first++;
                }
                throw new ZoneProblem(first, "NS records at " + cut + " are inside the zone delegated at " + previous
                        + ": delegations do not nest; put them in the child zone");
            }
            previous = cut;
        }
    }
}
