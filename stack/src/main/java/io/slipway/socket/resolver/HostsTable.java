package io.slipway.socket.resolver;

import io.slipway.socket.Addresses;
import io.slipway.socket.dns.DnsName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A static table of names and addresses, read before DNS is asked (what {@code /etc/hosts} is
 * to a BSD resolver). The text form is the hosts file's: an address, then its names, {@code #}
 * to the end of the line a comment.
 *
 * <pre>
 * 10.0.0.2   www.example.test www   # the web server
 * </pre>
 *
 * IPv6 lines ({@code ::1 localhost}), which every Linux hosts file has, are skipped: slipway
 * speaks IPv4 only.
 */
public final class HostsTable {
    public static final HostsTable EMPTY = new HostsTable(Map.of());

    private final Map<DnsName, List<Integer>> addresses;

    private HostsTable(Map<DnsName, List<Integer>> addresses) {
        this.addresses = addresses;
    }

    /**
     * Parses hosts-file text; {@code source} names it in messages.
     *
     * @throws IllegalArgumentException {@code source:line: what is wrong} for a bad address or name
     */
    public static HostsTable parse(String source, String text) {
        Map<DnsName, List<Integer>> map = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 1 && fields[0].isEmpty()) {
                continue;
            }
            try {
                if (fields.length < 2) {
                    throw new IllegalArgumentException("an address needs at least one name");
                }
                if (fields[0].indexOf(':') >= 0) {
                    continue; // an IPv6 line (::1 localhost): slipway speaks IPv4 only
                }
                int address = Addresses.parse(fields[0]);
                for (int f = 1; f < fields.length; f++) {
                    DnsName name = DnsName.parse(fields[f]).toLowerCase();
                    map.computeIfAbsent(name, n -> new ArrayList<>()).add(address);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        Map<DnsName, List<Integer>> frozen = new LinkedHashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new HostsTable(frozen);
    }

    /** The addresses listed for {@code name} (any case), in file order; empty when it is not listed. */
    public List<Integer> addresses(DnsName name) {
        return addresses.getOrDefault(name.toLowerCase(), List.of());
    }

    public int size() {
        return addresses.size();
    }
}
