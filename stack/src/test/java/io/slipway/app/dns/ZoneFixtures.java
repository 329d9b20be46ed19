package io.slipway.app.dns;

import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.ResourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Zones and records for the zone tests, written as master-file text. */
final class ZoneFixtures {
    static final DnsName ORIGIN = DnsName.parse("example.test.");

    /** SOA (TTL 1h, MINIMUM 5m), NS and the server's address: the least a zone needs. */
    static final String HEAD = String.join("\n",
            "$TTL 1h",
            "@ SOA ns hostmaster 1 2h 30m 2w 5m",
            "@ NS ns",
            "ns A 192.0.2.2") + "\n";

    private ZoneFixtures() {
    }

    /** The zone of {@link #HEAD} and {@code lines}. */
    static Zone zone(String... lines) {
        try {
            return Zone.of(ZoneFileParser.parse("t.zone", HEAD + String.join("\n", lines) + "\n", ORIGIN));
        } catch (ZoneFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The realistic zone in {@code example.test.zone} (SOA over several lines, MX, CNAME, TXT, a delegation). */
    static Zone example() {
        try {
            return Zone.of(ZoneFileParser.parse(examplePath(), ORIGIN));
        } catch (ZoneFileException e) {
            throw new AssertionError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path examplePath() {
        try {
            return Path.of(ZoneFixtures.class.getResource("example.test.zone").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records from master-file lines, relative to example.test. and each with its TTL. */
    static List<ResourceRecord> rrs(String... lines) {
        try {
            return ZoneFileParser.parse("expected", String.join("\n", lines) + "\n", ORIGIN).records();
        } catch (ZoneFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static DnsName name(String text) {
        return DnsName.parse(text);
    }
}
