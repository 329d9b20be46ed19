package io.slipway.socket.dns;

import java.util.ArrayList;
import java.util.List;

/** Picking records out of a message's sections, as resolvers and servers do. */
public final class Sections {
    private Sections() {
    }

    /** The class-IN records of {@code section} owned by {@code owner} (any case) with {@code type}, in order. */
    public static List<ResourceRecord> rrset(List<ResourceRecord> section, DnsName owner, int type) {
        List<ResourceRecord> out = new ArrayList<>();
        for (ResourceRecord r : section) {
            if (r.type() == type && r.dnsClass() == DnsClass.IN && r.name().equals(owner)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The SOA in an authority section for a zone that contains {@code name} (RFC 2308 §3: the
     * negative answer's SOA), or null when there is none.
     */
    public static ResourceRecord soaAbove(List<ResourceRecord> authority, DnsName name) {
        for (ResourceRecord r : authority) {
            if (r.type() == DnsType.SOA && name.isSubdomainOf(r.name())) {
                return r;
            }
        }
        return null;
    }
}
