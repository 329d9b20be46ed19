package io.slipway.cli;

import io.slipway.app.dns.server.DnsServer;
import io.slipway.app.http.server.HttpServer;
import io.slipway.app.http.server.HttpServerConfig;
import io.slipway.app.inet.TcpDiscard;
import io.slipway.app.inet.TcpEcho;
import io.slipway.app.inet.UdpEcho;
import io.slipway.ip.Ipv4Address;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway serve}: a host on a serial link that stays up and answers — pings, and DNS on
 * UDP port 53 when given zones or recursion — until it is stopped by Ctrl-C, SIGTERM or the
 * {@code quit} command, which exit 0. It also
 * stops, with status 1, when its link goes down for good (the port failed, or the program at the
 * other end of a pty closed it) or the stack thread stopped.
 *
 * <p>One link for now; {@link HostStack} takes a list, so that a router's second {@code --serial}
 * can come as a repeated group of {@link LinkOptions}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = "slipway serve --serial PATH --ip A.B.C.D[/N] [OPTIONS]",
        description = {
            "Runs a host on a serial link that answers pings, echo (port 7) and discard (port 9) over TCP and UDP, "
                    + "DNS queries with --dns-zone or --dns-recursive, and web requests with --http-root, until stopped "
                    + "(Ctrl-C, SIGTERM or 'quit' with --commands: exit 0).",
            "",
            "Prints one line when it is up. Stops with status 1 if the link goes down for good "
                    + "(the port failed, or the program at the other end of a pty closed it)."
        },
        footer = {
            "",
            "Example, over one end of a socat pty pair (socat -d -d pty,raw,echo=0,link=/tmp/pty/A "
                    + "pty,raw,echo=0,link=/tmp/pty/B):",
            "  slipway serve --serial /tmp/pty/A --ip 10.0.0.2/24"
        })
final class ServeCommand implements Callable<Integer> {
    /** How often the command looks at the link and the stack while it waits to be stopped. */
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    @Spec
    CommandSpec spec;

    @ParentCommand
    Slipway parent;

    @Option(names = "--forward", order = 20,
            description = "Forward datagrams that are not for us (a router, RFC 1812); hosts do not (RFC 1122).")
    boolean forward;

    @Option(names = "--commands", order = 21,
            description = "Read commands from standard input, one per line: netstat, stats, arp, route, quit, help. "
                    + "Off by default: a serve in the background must not read the terminal (it would be stopped).")
    boolean commands;

    @Mixin
    LinkOptions link;

    @Mixin
    DnsServeOptions dns;

    @Option(names = "--no-echo", order = 22,
            description = "Do not run the echo service (RFC 862) on TCP and UDP port 7.")
    boolean noEcho;

    @Option(names = "--no-discard", order = 23,
            description = "Do not run the discard service (RFC 863) on TCP and UDP port 9.")
    boolean noDiscard;

    @Option(names = "--http-root", paramLabel = "DIR", order = 24,
            description = "Serve the files under DIR over HTTP/1.1: GET and HEAD, DIR/index.html for a directory, "
                    + "ranges, If-Modified-Since, keep-alive. One log line per request on standard error.")
    Path httpRoot;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "80", order = 25,
            description = "The HTTP server's TCP port (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Override
    public Integer call() throws Exception {
        LinkSettings settings = link.settings();
        DnsServeOptions.Loaded dnsData = dns.load();
        HttpServerConfig http = httpConfig(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();

        StopSignal stop = StopSignal.onShutdown();
        int code = Slipway.EXIT_FAILED;
        try {
            try (HostStack host = HostStack.open("serve", List.of(settings), forward)) {
                DnsServer server = dnsData.serves() ? DnsServeOptions.start(host.stack().sockets(), dnsData) : null;
                String services = startServices(host);
                if (http != null) {
                    HttpServer.start(host.stack().sockets(), http);
                    services += ", HTTP on port " + httpPort + " from " + http.root();
                }
                out.println("serving " + settings.describe()
                        + (settings.gateway() != Ipv4Address.ANY
                                ? ", default via " + Ipv4Address.format(settings.gateway()) : "")
                        + (forward ? ", forwarding" : "")
                        + (server != null ? ", DNS on port 53" + zonesText(dnsData)
                                + (server.isRecursive() ? ", recursive" : "") : "") + services);
                out.flush();
                if (commands) {
                    readCommands(host, server, stop, parent.in(), out);
                }
                code = serve(host, stop);
            }
            return code;
        } finally {
            stop.finish(code);
            stop.close();
        }
    }

    /** The HTTP server's settings, checked before any port is opened; null without --http-root. */
    private HttpServerConfig httpConfig(PrintWriter err) {
        if (httpRoot == null) {
            return null;
        }
        if (!Files.isDirectory(httpRoot)) {
            throw new IllegalArgumentException("--http-root " + httpRoot + " is not a directory");
        }
        if (httpPort < 1 || httpPort > 65535) {
            throw new IllegalArgumentException("--http-port must be 1..65535, was " + httpPort);
        }
        return HttpServerConfig.of(httpRoot).withPort(httpPort).withAccessLog(line -> {
            err.println("http " + line);
            err.flush();
        });
    }

    /** Waits to be stopped; returns the exit status, or throws when the link went down. */
    private static int serve(HostStack host, StopSignal stop) throws IOException, InterruptedException {
        while (!stop.await(CHECK_NANOS)) {
            if (!host.isRunning()) {
                return Slipway.EXIT_FAILED; // the runner has said why on stderr
            }
            if (host.allLinksDown()) {
                throw new IOException("serve: " + host.linkDown());
            }
        }
        return Slipway.EXIT_OK;
    }

    /** Echo and discard, TCP and UDP, unless switched off; what serve's first line says of them. */
    private String startServices(HostStack host) throws io.slipway.socket.SocketException {
        var sockets = host.stack().sockets();
        StringBuilder said = new StringBuilder();
        if (!noEcho) {
            new TcpEcho(sockets, TcpEcho.PORT);
            new UdpEcho(sockets, TcpEcho.PORT, true);
            said.append(", echo on port 7");
        }
        if (!noDiscard) {
            new TcpDiscard(sockets, TcpDiscard.PORT);
            new UdpEcho(sockets, TcpDiscard.PORT, false);
            said.append(", discard on port 9");
        }
        return said.toString();
    }

    private static String zonesText(DnsServeOptions.Loaded loaded) {
        StringBuilder s = new StringBuilder();
        for (var z : loaded.zones().all()) {
            s.append(s.length() == 0 ? " for " : ", ").append(z.origin());
        }
        return s.toString();
    }

    /** A daemon thread that answers commands on {@code in} until it ends or says quit. */
    private static void readCommands(HostStack host, DnsServer server, StopSignal stop, InputStream in,
            PrintWriter out) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    String command = line.trim();
                    if (command.equals("quit") || command.equals("exit")) {
                        stop.raise();
                        return;
                    }
                    if (!command.isEmpty()) {
                        out.print(answer(host, server, command));
                        out.flush();
                    }
                }
            } catch (IOException | IllegalStateException e) {
                // Standard input closed, or the stack stopped: no more commands.
            }
        }, "slipway-commands");
        reader.setDaemon(true);
        reader.start();
    }

    static final String COMMANDS = "netstat (the socket table), stats (counters of every layer), arp (ARP caches), "
            + "route (the routing table), quit, help";

    private static String answer(HostStack host, DnsServer server, String command) {
        switch (command) {
            case "netstat":
                return host.netstat();
            case "stats":
                return host.stats() + (server != null ? "dns: " + server.events() + "\n" : "");
            case "arp":
                return host.arp();
            case "route":
            case "routes":
                return host.routes();
            case "help":
                return "commands: " + COMMANDS + "\n";
            default:
                return "unknown command '" + command + "' (commands: netstat, stats, arp, route, quit, help)\n";
        }
    }
}
