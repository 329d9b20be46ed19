package io.slipway.app.dns.server;

import io.slipway.app.dns.Zone;
import io.slipway.socket.dns.DnsName;
import java.util.ArrayList;
import java.util.List;

/**
 * The zones a server is authoritative for. A query goes to the zone nearest its name: the one
 * with the longest origin that contains it (a server for both {@code test.} and
 * {@code example.test.} answers {@code www.example.test} from the second).
 */
public final class Zones {
    private final List<Zone> zones;

    public Zones(List<Zone> zones) {
        this.zones = List.copyOf(zones);
        List<DnsName> seen = new ArrayList<>();
        for (Zone z : this.zones) {
            if (seen.contains(z.origin())) {
                throw new IllegalArgumentException("two zones for " + z.origin());
            }
            seen.add(z.origin());
        }
    }

    public static Zones none() {
        return new Zones(List.of());
    }

    /** The zone nearest {@code name}, or null when none contains it. */
    public Zone find(DnsName name) {
        Zone best = null;
        for (Zone z : zones) {
            if (z.contains(name) && (best == null || z.origin().labelCount() > best.origin().labelCount())) {
                best = z;
            }
        }
        return best;
    }

    public List<Zone> all() {
        return zones;
    }

    public boolean isEmpty() {
        return zones.isEmpty();
    }
}
