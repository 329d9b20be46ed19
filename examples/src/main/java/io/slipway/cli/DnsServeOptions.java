package io.slipway.cli;

import io.slipway.app.dns.Zone;
import io.slipway.app.dns.ZoneFileException;
import io.slipway.app.dns.ZoneFileParser;
import io.slipway.app.dns.server.DnsServer;
import io.slipway.app.dns.server.RecursiveResolver;
import io.slipway.app.dns.server.RootHints;
import io.slipway.app.dns.server.Zones;
import io.slipway.socket.Addresses;
import io.slipway.socket.SocketException;
import io.slipway.socket.Sockets;
import io.slipway.socket.resolver.DnsCache;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code serve}'s DNS options: zones to serve with authority, recursion from root hints. Zone and
 * hints files are read and checked by {@link #load()} before any port is opened, so that a bad
 * file is one line naming it and the line, and exit status 2.
 */
final class DnsServeOptions {
    @Option(names = "--dns-zone", paramLabel = "FILE", order = 40,
            description = "Serve this zone (an RFC 1035 master file with $ORIGIN or an SOA) with authority on "
                    + "UDP port 53; repeat for more zones.")
    List<Path> zoneFiles = new ArrayList<>();

    @Option(names = "--dns-recursive", order = 41,
            description = "Also answer other names by recursion from the root down (needs --dns-root-hints).")
    boolean recursive;

    @Option(names = "--dns-root-hints", paramLabel = "FILE", order = 42,
            description = "The root servers to start recursion at: NS records for '.' and their A records.")
    Path rootHints;

    /** What was loaded: zones and hints, or nothing to serve. */
    record Loaded(Zones zones, RootHints hints) {
        boolean serves() {
            return !zones.isEmpty() || hints != null;
        }
    }

    Loaded load() {
        if (recursive && rootHints == null) {
            throw new IllegalArgumentException("--dns-recursive needs --dns-root-hints FILE: recursion starts at "
                    + "the root servers, and a serial line has no internet to find them on");
        }
        if (!recursive && rootHints != null) {
            throw new IllegalArgumentException("--dns-root-hints is only for --dns-recursive");
        }
        List<Zone> zones = new ArrayList<>();
        for (Path file : zoneFiles) {
            try {
                zones.add(Zone.of(ZoneFileParser.parse(file, null)));
            } catch (ZoneFileException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (IOException e) {
                throw new IllegalArgumentException("--dns-zone " + file + ": cannot read it (" + reason(e) + ")", e);
            }
        }
        RootHints hints = null;
        if (rootHints != null) {
            try {
                hints = RootHints.read(rootHints);
            } catch (ZoneFileException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            } catch (IOException e) {
                throw new IllegalArgumentException("--dns-root-hints " + rootHints + ": cannot read it (" + reason(e)
                        + ")", e);
            }
        }
        try {
            return new Loaded(new Zones(zones), hints);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dns-zone: " + e.getMessage(), e);
        }
    }

    /** Starts the server on every address, port 53. */
    static DnsServer start(Sockets sockets, Loaded loaded) throws SocketException {
        RecursiveResolver recursion = loaded.hints() == null ? null : new RecursiveResolver(sockets, loaded.hints(),
                DnsCache.withDefaults(), new SecureRandom(), Duration.ofSeconds(2));
        return DnsServer.start(sockets, loaded.zones(), recursion, Addresses.ANY, DnsServer.PORT);
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
    }
}
