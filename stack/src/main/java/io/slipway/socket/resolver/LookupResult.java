package io.slipway.socket.resolver;

import io.slipway.socket.InetEndpoint;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.ResourceRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to one lookup.
 *
 * @param name the name asked
 * @param type the type asked
 * @param canonicalName where the CNAME chain ended: the name that holds the records
 * @param cnames the CNAME records followed from {@code name}, in order
 * @param records the records of {@code type} at {@code canonicalName}
 * @param source where the answer came from: a server, or null for the cache or the hosts table
 * @param authoritative the answer came from a server authoritative for it (AA); false from a
 *     recursive server, the cache or the hosts table
 * @param fromCache answered without a query
 * @param queries how many queries the lookup sent
 */
public record LookupResult(DnsName name, int type, DnsName canonicalName, List<ResourceRecord> cnames,
        List<ResourceRecord> records, InetEndpoint source, boolean authoritative, boolean fromCache, int queries) {
    public LookupResult {
        cnames = List.copyOf(cnames);
        records = List.copyOf(records);
    }

    /** The IPv4 addresses among the records, in order. */
    public List<Integer> addresses() {
        List<Integer> out = new ArrayList<>();
        for (ResourceRecord r : records) {
            if (r.data() instanceof RData.A a) {
                out.add(a.address());
            }
        }
        return out;
    }
}
