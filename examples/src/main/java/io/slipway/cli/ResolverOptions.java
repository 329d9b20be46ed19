package io.slipway.cli;

import io.slipway.socket.Addresses;
import io.slipway.socket.InetEndpoint;
import io.slipway.socket.Sockets;
import io.slipway.socket.resolver.HostsTable;
import io.slipway.socket.resolver.Resolver;
import io.slipway.socket.resolver.ResolverConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of every command that resolves names: which DNS servers to ask ({@code --dns},
 * what resolv.conf's {@code nameserver} lines say) and an optional hosts file. A picocli mixin;
 * checked before any port is opened.
 */
final class ResolverOptions {
    @Option(names = "--dns", paramLabel = "A.B.C.D", order = 30,
            description = "A DNS server to ask for names (repeat for more, asked in order). "
                    + "Needed to use names rather than addresses.")
    List<String> servers = new ArrayList<>();

    @Option(names = "--hosts", paramLabel = "FILE", order = 31,
            description = "A hosts file (address, then names, per line) answered before DNS is asked.")
    Path hosts;

    /** The checked configuration; throws {@link IllegalArgumentException} naming the bad option. */
    ResolverConfig config() {
        int[] addresses = new int[servers.size()];
        for (int i = 0; i < addresses.length; i++) {
            String s = servers.get(i);
            try {
                addresses[i] = Addresses.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--dns needs the IPv4 address of a DNS server: " + e.getMessage(), e);
            }
            if (addresses[i] == Addresses.ANY || addresses[i] == Addresses.LIMITED_BROADCAST) {
                throw new IllegalArgumentException("--dns " + s + " is not a server's address");
            }
        }
        ResolverConfig config = ResolverConfig.of(addresses);
        if (hosts != null) {
            try {
                config = config.withHosts(HostsTable.parse(hosts.toString(),
                        Files.readString(hosts, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalArgumentException("--hosts " + hosts + ": cannot read it (" + e.getMessage() + ")", e);
            }
        }
        return config;
    }

    /**
     * The configuration for resolving names over {@code link}: refused (with {@code missing} as
     * the message) when there is neither a server nor a hosts file, or when a server is out of
     * the link's reach.
     */
    ResolverConfig configFor(LinkSettings link, String missing) {
        ResolverConfig config = config();
        if (config.servers().isEmpty() && config.hosts().size() == 0) {
            throw new IllegalArgumentException(missing);
        }
        for (InetEndpoint server : config.servers()) {
            PingCommand.checkReachable(server.address(), link, "DNS server");
        }
        return config;
    }

    Resolver resolver(Sockets sockets) {
        return new Resolver(sockets, config());
    }
}
