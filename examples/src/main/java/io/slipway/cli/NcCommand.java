package io.slipway.cli;

import io.slipway.socket.Addresses;
import io.slipway.socket.ListeningSocket;
import io.slipway.socket.SocketException;
import io.slipway.socket.StreamSocket;
import io.slipway.socket.resolver.Resolver;
import io.slipway.socket.resolver.ResolverException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway nc HOST PORT} and {@code slipway nc -l PORT}: netcat over a serial link. Standard
 * input goes to the connection (its end half-closes the connection, a FIN), the connection goes
 * to standard output; the command ends when both directions have closed. Exit status 0 then, 1
 * when the connection could not be made or failed, 2 for a bad command line.
 */
@Command(name = "nc", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = {"slipway nc --serial PATH --ip A.B.C.D[/N] [OPTIONS] HOST PORT",
            "slipway nc --serial PATH --ip A.B.C.D[/N] [OPTIONS] -l PORT"},
        description = {
            "Connects to HOST PORT (or with -l waits for one connection on PORT) over a serial link, then copies "
                    + "standard input to the connection and the connection to standard output, as netcat does.",
            "",
            "The end of standard input closes our direction (a FIN); the command ends when both directions have "
                    + "closed. Exit status: 0, 1 if the connection failed, 2 for a bad command line."
        })
final class NcCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Slipway parent;

    @Option(names = "-l", order = 1, description = "Listen for one connection on PORT instead of connecting.")
    boolean listen;

    @Option(names = "--nodelay", order = 2, description = "TCP_NODELAY: send each small write at once (interactive use).")
    boolean noDelay;

    @Parameters(arity = "1..2", paramLabel = "HOST PORT", description = "Where to connect; with -l only PORT.")
    List<String> target;

    @Mixin
    LinkOptions link;

    @Mixin
    ResolverOptions dns;

    @Override
    public Integer call() throws Exception {
        String host = listen ? null : checkedHost();
        int port = checkedPort();
        LinkSettings linkSettings = link.settings();
        if (host != null && !Addresses.isLiteral(host)) {
            LookupCommand.checkName(host);
            dns.configFor(linkSettings, "cannot resolve '" + host + "': give a DNS server with --dns A.B.C.D");
        } else if (host != null) {
            PingCommand.checkReachable(PingCommand.parseHost(host), linkSettings);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (HostStack hostStack = HostStack.open("nc", List.of(linkSettings), false)) {
            StreamSocket s;
            try {
                s = listen ? acceptOne(hostStack, port) : connect(hostStack, host, port);
            } catch (SocketException | ResolverException e) {
                err.println("slipway: nc: " + e.getMessage());
                err.flush();
                return Slipway.EXIT_FAILED;
            }
            try (s) {
                s.setNoDelay(noDelay);
                return pipe(s, parent.in(), parent.rawOut(), err);
            }
        }
    }

    private StreamSocket connect(HostStack hostStack, String host, int port) throws IOException {
        int address;
        if (Addresses.isLiteral(host)) {
            address = Addresses.parse(host);
        } else {
            Resolver resolver = new Resolver(hostStack.stack().sockets(), dns.config());
            address = resolver.getHostByName(host).get(0);
        }
        return hostStack.stack().sockets().openStream(address, port);
    }

    private static StreamSocket acceptOne(HostStack hostStack, int port) throws SocketException {
        try (ListeningSocket l = hostStack.stack().sockets().openListening(Addresses.ANY, port, 1)) {
            return l.accept();
        }
    }

    /**
     * Standard input to the connection on a thread of its own, the connection to standard output
     * here; done when the connection's far side has closed and our input has ended.
     */
    private static int pipe(StreamSocket s, InputStream in, OutputStream out, PrintWriter err) throws Exception {
        Thread sender = new Thread(() -> {
            byte[] b = new byte[4096];
            try {
                for (int n; (n = in.read(b)) >= 0; ) {
                    s.getOutputStream().write(b, 0, n);
                }
                s.shutdownOutput();
            } catch (IOException e) {
                // the connection failed: the receiving side reports it
            }
        }, "nc-stdin");
        sender.setDaemon(true);
        sender.start();
        byte[] b = new byte[4096];
        try {
            InputStream fromPeer = s.getInputStream();
            for (int n; (n = fromPeer.read(b)) >= 0; ) {
                out.write(b, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            out.flush();
            err.println("slipway: nc: " + e.getMessage());
            err.flush();
            return Slipway.EXIT_FAILED;
        }
        sender.join(); // both directions closed: ours when standard input ended
        return Slipway.EXIT_OK;
    }

    private String checkedHost() {
        if (target.size() != 2) {
            throw new IllegalArgumentException("nc needs HOST PORT (or -l PORT to listen)");
        }
        return target.get(0);
    }

    private int checkedPort() {
        String text = target.get(target.size() - 1);
        if (listen && target.size() != 1) {
            throw new IllegalArgumentException("nc -l takes only a PORT to listen on");
        }
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number 1..65535, was " + text, e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("PORT must be 1..65535, was " + port);
        }
        return port;
    }
}
