package io.slipway.app.dns;

import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.ResourceRecord;
import java.util.List;
import java.util.Objects;

/**
 * What a master file holds once parsed: its records in file order, and where each came from, so
 * that {@link Zone#of(ZoneFile)} can name the line of a record that does not fit the zone.
 *
 * @param sourceName the file as the user named it, for messages
 * @param origin the origin in effect at the start of the file (the one the caller gave), or null
 *     when none was given and the file sets its own with {@code $ORIGIN}
 * @param records every record, absolute names, in file order
 * @param lines for each record, the line where it starts, from 1
 */
public record ZoneFile(String sourceName, DnsName origin, List<ResourceRecord> records, List<Integer> lines) {
    public ZoneFile {
        Objects.requireNonNull(sourceName, "sourceName");
        records = List.copyOf(records);
        lines = List.copyOf(lines);
        if (records.size() != lines.size()) {
            throw new IllegalArgumentException(records.size() + " records but " + lines.size() + " line numbers");
        }
    }

    /** The line where record {@code index} starts. */
    public int lineOf(int index) {
        return lines.get(index);
    }
}
