package io.slipway.app.dns;

import io.slipway.socket.dns.ResourceRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records at one name of a zone, as RRsets (RFC 2181 §5): by type, in the order the first
 * record of each type came, records within an RRset in file order. Filled while the zone is
 * built, then only read, from any thread.
 */
final class ZoneNode {
    private final Map<Integer, List<ResourceRecord>> rrsets = new LinkedHashMap<>();

    /** Appends to the record's RRset; the caller has checked it belongs there. */
    void add(ResourceRecord record) {
        rrsets.computeIfAbsent(record.type(), t -> new ArrayList<>()).add(record);
    }

    /** The RRset of {@code type}, empty if none; not to be changed. */
    List<ResourceRecord> rrset(int type) {
        List<ResourceRecord> set = rrsets.get(type);
        return set == null ? List.of() : Collections.unmodifiableList(set);
    }

    boolean has(int type) {
        return rrsets.containsKey(type);
    }

    boolean isEmpty() {
        return rrsets.isEmpty();
    }

    /** Every record, RRset after RRset (the answer to QTYPE ANY, RFC 1034 §3.7.1). */
    List<ResourceRecord> all() {
        List<ResourceRecord> out = new ArrayList<>();
        for (List<ResourceRecord> set : rrsets.values()) {
            out.addAll(set);
        }
        return out;
    }
}
