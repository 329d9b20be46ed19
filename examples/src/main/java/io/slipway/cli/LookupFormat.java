package io.slipway.cli;

import io.slipway.socket.InetEndpoint;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.ResourceRecord;
import io.slipway.socket.resolver.LookupResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code slipway lookup} prints, in the shape nslookup (BIND 9) prints it, except that mail
 * exchanges come sorted by preference, the order a mailer tries them:
 *
 * <pre>
 * Server:         10.0.0.1
 * Address:        10.0.0.1#53
 *
 * Non-authoritative answer:
 * ftp.example.test        canonical name = www.example.test.
 * Name:   www.example.test
 * Address: 10.0.3.80
 * </pre>
 */
final class LookupFormat {
    private LookupFormat() {
    }

    static List<String> server(InetEndpoint server) {
        String address = io.slipway.socket.Addresses.format(server.address());
        return List.of("Server:\t\t" + address, "Address:\t" + address + "#" + server.port(), "");
    }

    static List<String> answer(LookupResult r) {
        List<String> out = new ArrayList<>();
        out.add(r.authoritative() ? "Authoritative answer:" : "Non-authoritative answer:");
        for (ResourceRecord c : r.cnames()) {
            out.add(bare(c.name()) + "\tcanonical name = " + ((RData.Cname) c.data()).target());
        }
        for (ResourceRecord rr : byPreference(r.records())) {
            out.addAll(record(rr));
        }
        return out;
    }

    /** MX records lowest preference first (RFC 5321 §5.1: the order to try them); others as they came. */
    static List<ResourceRecord> byPreference(List<ResourceRecord> records) {
        List<ResourceRecord> sorted = new ArrayList<>(records);
        sorted.sort(java.util.Comparator.comparingInt(
                rr -> rr.data() instanceof RData.Mx mx ? mx.preference() : 0));
        return sorted;
    }

    static List<String> record(ResourceRecord rr) {
        String owner = bare(rr.name());
        RData d = rr.data();
        if (d instanceof RData.A a) {
            return List.of("Name:\t" + owner, "Address: " + a);
        }
        if (d instanceof RData.Mx mx) {
            return List.of(owner + "\tmail exchanger = " + mx.preference() + " " + mx.exchange());
        }
        if (d instanceof RData.Cname c) {
            return List.of(owner + "\tcanonical name = " + c.target());
        }
        if (d instanceof RData.Ns ns) {
            return List.of(owner + "\tnameserver = " + ns.host());
        }
        if (d instanceof RData.Txt txt) {
            return List.of(owner + "\ttext = " + txt);
        }
        if (d instanceof RData.Soa soa) {
            return List.of(owner, "\torigin = " + bare(soa.mname()), "\tmail addr = " + bare(soa.rname()),
                    "\tserial = " + soa.serial(), "\trefresh = " + soa.refresh(), "\tretry = " + soa.retry(),
                    "\texpire = " + soa.expire(), "\tminimum = " + soa.minimum());
        }
        if (d instanceof RData.Ptr p) {
            return List.of(owner + "\tname = " + p.target());
        }
        return List.of(owner + "\trdata_" + rr.type() + " = " + d);
    }

    /** nslookup writes the names it was asked about without the root's dot. */
    static String bare(DnsName name) {
        String s = name.toString();
        return s.length() > 1 && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
