package io.slipway.app.dns.server;

import io.slipway.app.dns.ZoneFile;
import io.slipway.app.dns.ZoneFileException;
import io.slipway.app.dns.ZoneFileParser;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.ResourceRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where recursion starts: the root's name servers and their addresses (RFC 1034 §5.3.2's SBELT,
 * the "root hints" file BIND reads), in master-file syntax:
 *
 * <pre>
 * .                  3600000  NS  a.root-servers.test.
 * a.root-servers.test. 3600000  A   10.0.1.2
 * </pre>
 *
 * The file's NS records must belong to the root, and at least one of their hosts needs an A
 * record; anything else in it is refused, so a typo cannot point recursion at nowhere silently.
 */
public record RootHints(List<ResourceRecord> servers, List<ResourceRecord> addresses) {
    public RootHints {
        servers = List.copyOf(servers);
        addresses = List.copyOf(addresses);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("root hints name no root server (an NS record for '.')");
        }
    }

    /** Reads a hints file; a bad one fails with one line naming the file and line. */
    public static RootHints read(Path file) throws IOException, ZoneFileException {
        return of(ZoneFileParser.parse(file, DnsName.ROOT));
    }

    public static RootHints parse(String sourceName, String text) throws ZoneFileException {
        return of(ZoneFileParser.parse(sourceName, text, DnsName.ROOT));
    }

    private static RootHints of(ZoneFile file) throws ZoneFileException {
        List<ResourceRecord> ns = new ArrayList<>();
        List<ResourceRecord> a = new ArrayList<>();
        for (int i = 0; i < file.records().size(); i++) {
            ResourceRecord r = file.records().get(i);
            if (r.type() == DnsType.NS && r.name().isRoot()) {
                ns.add(r);
            } else if (r.type() == DnsType.A) {
                a.add(r);
            } else {
                throw new ZoneFileException(file.sourceName(), file.lineOf(i), "root hints hold only NS records for '.'"
                        + " and A records for their hosts, not " + r);
            }
        }
        List<ResourceRecord> usable = new ArrayList<>();
        for (ResourceRecord r : a) {
            for (ResourceRecord n : ns) {
                if (((RData.Ns) n.data()).host().equals(r.name())) {
                    usable.add(r);
                    break;
                }
            }
        }
        if (ns.isEmpty() || usable.isEmpty()) {
            throw new ZoneFileException(file.sourceName(), 1, "root hints need an NS record for '.' and an A record"
                    + " for its host");
        }
        return new RootHints(ns, usable);
    }

    /** The root servers' addresses, in file order. */
    public List<Integer> serverAddresses() {
        List<Integer> out = new ArrayList<>();
        for (ResourceRecord r : addresses) {
            out.add(((RData.A) r.data()).address());
        }
        return out;
    }
}
