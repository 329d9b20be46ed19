package io.slipway.cli;

import io.slipway.ip.Ipv4Address;
import io.slipway.socket.Addresses;
import io.slipway.socket.resolver.Resolver;
import io.slipway.socket.resolver.ResolverConfig;
import io.slipway.socket.resolver.ResolverException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway ping HOST}: ICMP echo over a serial link, printed as Linux ping prints it. The
 * options that Linux ping has keep its letters and meanings ({@code -c -s -i -W -t}); the link is
 * set up by the {@link LinkOptions} every stack command shares.
 */
@Command(name = "ping", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = "slipway ping --serial PATH --ip A.B.C.D[/N] [OPTIONS] HOST",
        description = {
            "Sends ICMP echo requests to HOST over a serial link and prints the replies as Linux ping does.",
            "",
            "Runs until Ctrl-C, or with -c until COUNT requests are answered or the wait after the last "
                    + "is over; then prints a summary. Exit status: 0 if any reply came, 1 if none, "
                    + "2 for a bad command line."
        },
        footer = {
            "",
            "Example, over one end of a socat pty pair whose other end runs 'slipway serve --ip 10.0.0.2/24':",
            "  slipway ping --serial /tmp/pty/B --ip 10.0.0.1/24 -c 3 10.0.0.2"
        })
final class PingCommand implements Callable<Integer> {
    /** 65 535 bytes of IPv4 datagram minus its header (20) and the ICMP echo header (8). */
    static final int MAX_SIZE = 65_535 - PingFormat.HEADERS;
    /** Linux ping's shortest interval for an unprivileged user. */
    static final double MIN_INTERVAL_SECONDS = 0.002;
    /** Keeps seconds-to-nanoseconds far from overflowing (about 24 days). */
    static final double MAX_SECONDS = Integer.MAX_VALUE / 1000.0;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST",
            description = "IPv4 address or host name to ping (a name is looked up with --dns or --hosts).")
    String host;

    @Option(names = "-c", paramLabel = "COUNT",
            description = "Send COUNT requests, then wait for their answers and stop. Default: until Ctrl-C.")
    Integer count;

    @Option(names = "-s", paramLabel = "SIZE", defaultValue = "56",
            description = "Data bytes per request, 0.." + MAX_SIZE + "; 8 or more carry the send time, "
                    + "which gives the round trip. Default: ${DEFAULT-VALUE} (84-byte packets).")
    int size;

    @Option(names = "-i", paramLabel = "SECONDS", defaultValue = "1",
            description = "Seconds between requests, decimals allowed, at least " + MIN_INTERVAL_SECONDS
                    + ". Default: ${DEFAULT-VALUE}.")
    double interval;

    @Option(names = "-W", paramLabel = "SECONDS", defaultValue = "10",
            description = "With -c: how long to wait after the last request when no reply has come at all "
                    + "(once one has, the wait is twice the longest round trip, as in Linux ping); "
                    + "0 waits until Ctrl-C. Default: ${DEFAULT-VALUE}.")
    double timeout;

    @Option(names = "-t", paramLabel = "TTL",
            description = "Time to live of the requests, 1..255. Default: the stack's, 64.")
    Integer ttl;

    @Mixin
    LinkOptions link;

    @Mixin
    ResolverOptions dns;

    @Override
    public Integer call() throws Exception {
        Pinger.Settings settings = checkPingOptions();
        LinkSettings linkSettings = link.settings();
        boolean byName = isHostName(host);
        ResolverConfig resolverConfig = null;
        if (byName) {
            LookupCommand.checkName(host);
            resolverConfig = dns.configFor(linkSettings, "cannot resolve '" + host + "': give a DNS server with --dns "
                    + "A.B.C.D (or a --hosts file), or an IPv4 address");
        } else {
            checkReachable(settings.target(), linkSettings);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        StopSignal stop = StopSignal.onShutdown();
        int code = Slipway.EXIT_FAILED;
        try {
            try (HostStack hostStack = HostStack.open("ping", List.of(linkSettings), false)) {
                if (byName) {
                    int target = resolve(hostStack, resolverConfig, err);
                    if (target == Addresses.ANY) {
                        return code;
                    }
                    checkReachable(target, linkSettings);
                    settings = settings.withTarget(target);
                }
                code = new Pinger(hostStack, settings, out, err, stop).run();
            }
            return code;
        } finally {
            // After the port is closed: a Ctrl-C waiting in the shutdown hook exits with this code.
            stop.finish(code);
            stop.close();
        }
    }

    /** HOST's first address from the resolver, or ANY (and the reason on stderr) when it has none. */
    private int resolve(HostStack hostStack, ResolverConfig config, PrintWriter err) throws IOException {
        Resolver resolver = new Resolver(hostStack.stack().sockets(), config);
        try {
            List<Integer> addresses = resolver.getHostByName(host);
            return addresses.get(0);
        } catch (ResolverException e) {
            // Linux ping's words for a name that does not resolve.
            err.println("slipway: ping: " + host + ": " + (e.kind() == ResolverException.Kind.NAME_NOT_FOUND
                    || e.kind() == ResolverException.Kind.NO_DATA ? "Name or service not known" : e.getMessage()));
            err.flush();
            return Addresses.ANY;
        }
    }

    /** True when HOST is a name to resolve rather than a dotted-quad address. */
    static boolean isHostName(String text) {
        return !text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** The ping's own options, checked; throws {@link IllegalArgumentException} with one line. */
    Pinger.Settings checkPingOptions() {
        int target = isHostName(host) ? Addresses.ANY : parseHost(host);
        if (count != null && count < 1) {
            throw new IllegalArgumentException("-c must be at least 1 (leave it out to ping until Ctrl-C), was "
                    + count);
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("-s must be 0.." + MAX_SIZE
                    + " (an IPv4 datagram's 65535 bytes less 28 of headers), was " + size);
        }
        if (!(interval >= MIN_INTERVAL_SECONDS && interval <= MAX_SECONDS)) {
            throw new IllegalArgumentException("-i must be " + MIN_INTERVAL_SECONDS + ".." + (long) MAX_SECONDS
                    + " seconds, was " + seconds(interval));
        }
        if (!(timeout >= 0 && timeout <= MAX_SECONDS)) {
            throw new IllegalArgumentException("-W must be 0.." + (long) MAX_SECONDS + " seconds, was "
                    + seconds(timeout));
        }
        if (ttl != null && (ttl < 1 || ttl > 255)) {
            throw new IllegalArgumentException("-t must be 1..255, was " + ttl);
        }
        return new Pinger.Settings(host, target, count != null ? count : 0, size, nanos(interval), nanos(timeout),
                ttl != null ? ttl : 0, ThreadLocalRandom.current().nextInt(1 << 16));
    }

    /** An IPv4 address that names one host. */
    static int parseHost(String text) {
        int address;
        try {
            address = Ipv4Address.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("HOST: " + e.getMessage(), e);
        }
        if (address == Ipv4Address.ANY || address == Ipv4Address.LIMITED_BROADCAST
                || Ipv4Address.isMulticast(address)) {
            throw new IllegalArgumentException("HOST " + text + " is not a single host's address");
        }
        if (Ipv4Address.isLoopback(address)) {
            throw new IllegalArgumentException("HOST " + text + " is a loopback address; slipway has no loopback "
                    + "interface (ping the --ip address to reach this stack itself)");
        }
        return address;
    }

    /** Refuses, before the port is opened, a destination the link's routes cannot reach. */
    static void checkReachable(int target, LinkSettings link) {
        checkReachable(target, link, "HOST");
    }

    /** The same for a destination named {@code what} (HOST, DNS server) in the message. */
    static void checkReachable(int target, LinkSettings link, String what) {
        String host = Ipv4Address.format(target);
        if (link.address().prefixLength() < 31 && target == link.address().broadcast()) {
            throw new IllegalArgumentException(what + " " + host + " is the broadcast address of " + link.address()
                    + "; broadcast pings are not supported (hosts ignore them: Linux by default, slipway always)");
        }
        if (!link.routes(target)) {
            throw new IllegalArgumentException("no route to " + host + ": it is outside " + link.address()
                    + (link.peer() != Ipv4Address.ANY ? " and is not the --peer" : "")
                    + "; give --gateway, or an --ip prefix that contains it");
        }
    }

    /** {@code 0.5}, {@code 2} rather than {@code 2.0}. */
    private static String seconds(double seconds) {
        return seconds == Math.rint(seconds) && Math.abs(seconds) < 1e15 ? Long.toString((long) seconds)
                : Double.toString(seconds);
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }
}
