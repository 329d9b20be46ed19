package io.slipway.cli;

import io.slipway.app.browser.Browser;
import io.slipway.app.browser.BrowserConfig;
import io.slipway.app.browser.BrowserException;
import io.slipway.app.browser.BrowserListener;
import io.slipway.app.browser.Fetch;
import io.slipway.app.browser.Page;
import io.slipway.app.dns.Zone;
import io.slipway.app.dns.ZoneFileException;
import io.slipway.app.dns.ZoneFileParser;
import io.slipway.app.dns.server.DnsServer;
import io.slipway.app.dns.server.DnsServerEvent;
import io.slipway.app.dns.server.Zones;
import io.slipway.app.http.server.HttpServer;
import io.slipway.app.http.server.HttpServerConfig;
import io.slipway.app.http.server.HttpServerEvent;
import io.slipway.app.url.Url;
import io.slipway.cli.trace.JourneyTrace;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.framing.Framing;
import io.slipway.socket.Addresses;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.resolver.MxHost;
import io.slipway.socket.resolver.Resolver;
import io.slipway.socket.resolver.ResolverConfig;
import io.slipway.stack.Stack;
import io.slipway.tcp.TcpEvent;
import io.slipway.tcp.TcpState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The journey of a URL: hosts alice (10.0.0.1) and bob (10.0.0.2), each a whole stack on its own
 * thread, joined by an in-memory cable that behaves like a serial line. bob serves DNS for
 * {@code example.test} (A and MX records) and a small web site over HTTP; alice's browser
 * fetches {@code http://www.example.test/} and the two images the page shows: it decodes the
 * URL, asks bob's DNS server for the address, connects, sends the request, reads the response,
 * and asks for each image over the same kept-alive connection. With a trace, each step is
 * printed as it happens, from the URL down to the frames on the cable.
 */
final class WebDemo {
    static final String ALICE = "10.0.0.1";
    static final String BOB = "10.0.0.2";
    static final String DEFAULT_URL = "http://www.example.test/";
    static final String ZONE = String.join("\n",
            "$ORIGIN example.test.",
            "$TTL 3600",
            "@     SOA ns hostmaster ( 1 3600 600 86400 300 )",
            "@     NS  ns",
            "@     MX  10 mail",
            "ns    A   " + BOB,
            "www   A   " + BOB,
            "mail  A   " + BOB,
            "alice A   " + ALICE, "");

    private final PrintWriter out;
    private final PrintWriter err;
    private final JourneyTrace trace;

    /** {@code trace} may be null: then only a summary is printed. */
    WebDemo(PrintWriter out, PrintWriter err, JourneyTrace trace) {
        this.out = out;
        this.err = err;
        this.trace = trace;
    }

    static LinkSettings link(String name, String ip, String peer, Framing framing, int baud, int mtu) {
        boolean slip = framing.medium() == io.slipway.hal.Medium.IP;
        return LinkSettings.of(name, ip + "/24", slip ? peer : null, null, framing.name(),
                Math.max(baud, 1), mtu, null, null, false);
    }

    /** Browses {@code url} from alice's end of the cable; true when the page and its images arrived. */
    boolean run(Url url, LanAdapter aliceEnd, LanAdapter bobEnd, Framing framing, int baud, int mtu)
            throws IOException {
        say("slipway demo: alice %s browses %s; bob %s serves DNS for example.test and a web site;", ALICE, url, BOB);
        say("they are joined by an in-memory serial cable: %s framing, %s, MTU %d", framing.name(),
                baud == 0 ? "unpaced" : baud + " baud", mtu);
        say("");
        try (DemoSite site = DemoSite.create();
                HostStack alice = HostStack.start("alice", List.of(new HostStack.Attachment(
                        link("cable0/a", ALICE, BOB, framing, baud, mtu), aliceEnd, null)), false);
                HostStack bob = HostStack.start("bob", List.of(new HostStack.Attachment(
                        link("cable0/b", BOB, ALICE, framing, baud, mtu), bobEnd, null)), false)) {
            DnsServer dns = DnsServer.start(bob.stack().sockets(), new Zones(List.of(zone())), null, Addresses.ANY,
                    DnsServer.PORT);
            HttpServerConfig http = HttpServerConfig.of(site.root());
            if (trace != null) {
                http = http.withAccessLog(line -> trace.server("bob", line));
            }
            HttpServer web = HttpServer.start(bob.stack().sockets(), http);
            Resolver resolver = new Resolver(alice.stack().sockets(), ResolverConfig.of(Addresses.parse(BOB))
                    .withTimeout(Duration.ofSeconds(2), Duration.ofSeconds(8), 3));
            BrowserListener listener = trace != null ? trace : BrowserListener.NONE;
            Page page;
            if (trace != null) {
                trace.restartClock();
            }
            long start = System.nanoTime();
            try (Browser browser = new Browser(alice.stack().sockets(), resolver, BrowserConfig.DEFAULT, listener)) {
                page = browser.browse(url, OutputStream.nullOutputStream(), u -> OutputStream.nullOutputStream());
            } catch (BrowserException e) {
                err.println("slipway: demo: " + e.getMessage());
                err.flush();
                return false;
            }
            long elapsed = System.nanoTime() - start;
            awaitClosed(alice);
            List<String> mail = mail(resolver);
            if (trace != null) {
                say("");
            }
            summary(page, baud, elapsed);
            mail.forEach(line -> say("%s", line));
            report(alice, bob, dns, web);
            return page.isComplete();
        }
    }

    private void summary(Page page, int baud, long elapsedNanos) {
        Fetch p = page.page();
        say("%s: %d %s, %s, %d bytes in %.3f s", p.url(), p.status(), p.reason(), p.contentType(), p.bodyBytes(),
                p.nanos() / 1e9);
        for (Fetch image : page.images()) {
            say("  image %s: %d %s, %s, %d bytes in %.3f s", image.url(), image.status(), image.reason(),
                    image.contentType(), image.bodyBytes(), image.nanos() / 1e9);
        }
        for (String problem : page.problems()) {
            say("  problem: %s", problem);
        }
        double seconds = elapsedNanos / 1e9;
        double rate = page.totalBytes() / Math.max(seconds, 1e-9);
        say("page and %d image%s: %d bytes in %.3f s, %s/s%s", page.images().size(), page.images().size() == 1 ? "" : "s",
                page.totalBytes(), seconds, ProgressBar.size((long) rate),
                baud == 0 ? "" : String.format(Locale.ROOT, " (the line carries at most %s/s of frame bytes)",
                        ProgressBar.size(baud / 10)));
    }

    /** The MX record: where mail for the domain would go — the resolver asks by type as well as by name. */
    private static List<String> mail(Resolver resolver) {
        List<String> lines = new java.util.ArrayList<>();
        try {
            for (MxHost h : resolver.lookupMx("example.test")) {
                lines.add(String.format(Locale.ROOT, "mail for example.test goes to %s (MX preference %d)", h.exchange(),
                        h.preference()));
            }
        } catch (IOException e) {
            lines.add("MX lookup of example.test failed: " + e.getMessage());
        }
        return lines;
    }

    /** Lets the close finish (FIN each way) before the summary, so that the trace comes first; a second at most. */
    private static void awaitClosed(HostStack alice) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < deadline && alice.call(s -> s.tcp().connections().stream()
                .anyMatch(c -> c.state() != TcpState.TIME_WAIT && c.state() != TcpState.CLOSED))) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void report(HostStack alice, HostStack bob, DnsServer dns, HttpServer web) {
        String aliceTcp = alice.call(WebDemo::tcpSummary);
        String bobTcp = bob.call(WebDemo::tcpSummary);
        String dnsText = bob.call(s -> dns.events().get(DnsServerEvent.QUERIES_IN) + " queries, "
                + dns.events().get(DnsServerEvent.RESPONSES_OUT) + " answers");
        String webText = bob.call(s -> count(web.events().get(HttpServerEvent.CONNECTIONS), "connection") + ", "
                + count(web.events().get(HttpServerEvent.REQUESTS), "request") + ", "
                + web.events().get(HttpServerEvent.BODY_BYTES) + " body bytes");
        say("");
        say("what crossed:");
        say("  alice TCP: %s", aliceTcp);
        say("  bob TCP:   %s", bobTcp);
        say("  bob's DNS server: %s; bob's web server: %s", dnsText, webText);
    }

    private static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private static String tcpSummary(Stack s) {
        var e = s.tcp().events();
        return String.format("%d segments out, %d in, %d retransmitted", e.get(TcpEvent.SEGMENTS_OUT),
                e.get(TcpEvent.SEGMENTS_IN), e.get(TcpEvent.RETRANSMITTED_SEGMENTS));
    }

    private static Zone zone() {
        try {
            return Zone.of(ZoneFileParser.parse("example.test.zone", ZONE, DnsName.parse("example.test.")));
        } catch (ZoneFileException e) {
            throw new IllegalStateException("the demo's own zone does not load: " + e.getMessage(), e);
        }
    }

    private void say(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
