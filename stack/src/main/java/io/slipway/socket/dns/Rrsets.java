package io.slipway.socket.dns;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RRsets for truncation (RFC 2181 §5, §9): the records of a section with the same owner name
 * (compared without case), type and class form one set, and a truncated response carries only
 * whole sets.
 */
final class Rrsets {
    private Rrsets() {
    }

    private record Key(DnsName name, int type, int dnsClass) {
        static Key of(ResourceRecord r) {
            return new Key(r.name(), r.type(), r.dnsClass());
        }
    }

    /**
     * How many of {@code records}, from the first, to keep when only the first {@code fitting}
     * fit: the longest such prefix that leaves none of its RRsets' records behind. Members of a
     * set are normally adjacent; if one set is split across the section, the whole of it counts.
     */
    static int wholePrefix(List<ResourceRecord> records, int fitting) {
        Map<Key, Integer> last = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            last.put(Key.of(records.get(i)), i);
        }
        int keep = 0;
        int reach = -1;
        for (int j = 1; j <= fitting; j++) {
            // reach: the last index of any set that has a record among the first j.
            reach = Math.max(reach, last.get(Key.of(records.get(j - 1))));
            if (reach < j) {
                keep = j;
            }
        }
        return keep;
    }
}
