package io.slipway.cli;

import io.slipway.ip.Ipv4Address;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
 * {@code slipway serve}: a host on a serial link that stays up and answers (ICMP echo today; the
 * servers come with TCP and UDP) until it is stopped by Ctrl-C or SIGTERM, which exit 0. It also
 * stops, with status 1, when its link goes down for good (the port failed, or the program at the
 * other end of a pty closed it) or the stack thread stopped.
 *
 * <p>One link for now; {@link HostStack} takes a list, so that a router's second {@code --serial}
 * can come as a repeated group of {@link LinkOptions}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = "slipway serve --serial PATH --ip A.B.C.D[/N] [OPTIONS]",
        description = {
            "Runs a host on a serial link that answers pings until stopped (Ctrl-C or SIGTERM, exit 0).",
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
            description = "Read commands from standard input, one per line: stats (counters), routes, help. "
                    + "Off by default, so that a serve in the background never waits on the terminal.")
    boolean commands;

    @Mixin
    LinkOptions link;

    @Override
    public Integer call() throws Exception {
        LinkSettings settings = link.settings();
        PrintWriter out = spec.commandLine().getOut();

        StopSignal stop = StopSignal.onShutdown();
        int code = Slipway.EXIT_FAILED;
        try {
            try (HostStack host = HostStack.open("serve", List.of(settings), forward)) {
                out.println("serving " + settings.describe()
                        + (settings.gateway() != Ipv4Address.ANY
                                ? ", default via " + Ipv4Address.format(settings.gateway()) : "")
                        + (forward ? ", forwarding" : ""));
                out.flush();
                if (commands) {
                    readCommands(host, parent.in(), out);
                }
                code = serve(host, stop);
            }
            return code;
        } finally {
            stop.finish(code);
            stop.close();
        }
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

    /** A daemon thread that answers commands on {@code in} until it ends. */
    private static void readCommands(HostStack host, InputStream in, PrintWriter out) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    String command = line.trim();
                    if (!command.isEmpty()) {
                        out.print(answer(host, command));
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

    private static String answer(HostStack host, String command) {
        switch (command) {
            case "stats":
                return host.stats();
            case "routes":
                return host.routes();
            case "help":
                return "commands: stats (counters of every layer), routes (the routing table), help\n";
            default:
                return "unknown command '" + command + "' (commands: stats, routes, help)\n";
        }
    }
}
