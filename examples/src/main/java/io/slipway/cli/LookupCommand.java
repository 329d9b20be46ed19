package io.slipway.cli;

import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.resolver.LookupResult;
import io.slipway.socket.resolver.Resolver;
import io.slipway.socket.resolver.ResolverException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway lookup NAME}: asks DNS over a serial link, through the socket library's
 * resolver, and prints the answer as nslookup does. Exit status 0 with an answer; 1 when the
 * name does not exist (NXDOMAIN), has no records of the type, or no server answered; 2 for a bad
 * command line.
 */
@Command(name = "lookup", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = "slipway lookup --serial PATH --ip A.B.C.D[/N] --dns SERVER [OPTIONS] NAME",
        description = {
            "Looks NAME up in DNS over a serial link and prints the answer as nslookup does.",
            "",
            "Exit status: 0 for an answer, 1 if the name does not exist, has no such records or no server "
                    + "answered, 2 for a bad command line."
        },
        footer = {
            "",
            "Example, with 'slipway serve --ip 10.0.0.2/24 --dns-zone example.test.zone' at the other end:",
            "  slipway lookup --serial /tmp/pty/B --ip 10.0.0.1/24 --dns 10.0.0.2 --type MX example.test"
        })
final class LookupCommand implements Callable<Integer> {
    static final List<String> TYPES = List.of("A", "MX", "CNAME", "NS", "SOA", "TXT", "PTR");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The name to look up, e.g. www.example.test.")
    String name;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "A", order = 20,
            description = "Record type: A, MX, CNAME, NS, SOA, TXT or PTR. Default: ${DEFAULT-VALUE}.")
    String type;

    @Mixin
    LinkOptions link;

    @Mixin
    ResolverOptions dns;

    @Override
    public Integer call() throws Exception {
        int qtype = checkType(type);
        DnsName qname = checkName(name);
        LinkSettings linkSettings = link.settings();
        var config = dns.configFor(linkSettings, "lookup needs a DNS server: give --dns A.B.C.D");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (HostStack host = HostStack.open("lookup", List.of(linkSettings), false)) {
            Resolver resolver = new Resolver(host.stack().sockets(), config);
            if (!config.servers().isEmpty()) {
                print(out, LookupFormat.server(config.servers().get(0)));
            }
            try {
                LookupResult r = resolver.lookup(qname, qtype);
                print(out, LookupFormat.answer(r));
                return Slipway.EXIT_OK;
            } catch (ResolverException e) {
                out.flush();
                err.println(failure(qname, qtype, e));
                err.flush();
                return Slipway.EXIT_FAILED;
            }
        }
    }

    /** nslookup's words for each failure. */
    static String failure(DnsName qname, int qtype, ResolverException e) {
        String shown = LookupFormat.bare(qname);
        return switch (e.kind()) {
            case NAME_NOT_FOUND -> "** server can't find " + shown + ": NXDOMAIN";
            case NO_DATA -> "*** Can't find " + shown + ": No answer (no " + DnsType.name(qtype) + " records)";
            default -> ";; " + e.getMessage();
        };
    }

    static int checkType(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        if (!TYPES.contains(t)) {
            throw new IllegalArgumentException("--type must be one of " + String.join(", ", TYPES) + ", was " + text);
        }
        return DnsType.parse(t);
    }

    static DnsName checkName(String text) {
        try {
            return Resolver.name(text);
        } catch (ResolverException e) {
            throw new IllegalArgumentException("NAME: " + e.getMessage(), e);
        }
    }

    private static void print(PrintWriter out, List<String> lines) {
        for (String line : lines) {
            out.println(line);
        }
        out.flush();
    }
}
