package io.slipway.cli.trace;

import io.slipway.app.browser.BrowserListener;
import io.slipway.app.http.HttpResponse;
import io.slipway.app.url.Url;
import io.slipway.hal.Medium;
import io.slipway.ip.Ipv4Address;
import io.slipway.socket.InetEndpoint;
import io.slipway.socket.resolver.LookupResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The journey of a URL as it happens, one line per step and layer, in time order: the browser
 * decodes the URL, the resolver asks for the address, the socket library makes a socket and
 * connects, the frames cross the cable (each described by {@link PacketDescriber}: the DNS query
 * and answer, SYN, SYN+ACK and ACK with their sequence numbers, the request and the response cut
 * into segments, ACKs and window updates, FIN each way), and the server's view of each request.
 *
 * <p>Lines come from the browser's thread, the stack thread of the traced host and the server's
 * stack thread; {@link #line} is synchronized so they never mix.
 */
public final class JourneyTrace implements BrowserListener {
    private final PrintWriter out;
    private volatile long startNanos = System.nanoTime();
    private final String hostName;

    /** Traces for host {@code hostName} ("alice"), to {@code out}. */
    public JourneyTrace(PrintWriter out, String hostName) {
        this.out = out;
        this.hostName = hostName;
    }

    /** What watches the traced host's adapter: each frame, as it goes out or comes in. */
    public TracingAdapter.FrameWatcher wire(Medium medium, Map<Integer, String> names) {
        PacketDescriber describer = new PacketDescriber(medium, names);
        return (outgoing, frame, off, len) -> line("link", (outgoing ? hostName + " sends " : hostName + " gets  ")
                + describer.describe(frame, off, len));
    }

    /** Counts time from now: the journey starts when the URL is typed, not when the hosts were set up. */
    public void restartClock() {
        startNanos = System.nanoTime();
    }

    /** A line of the server's own: what it answered. */
    public void server(String who, String text) {
        line("server", who + ": " + text);
    }

    public synchronized void line(String layer, String text) {
        double t = (System.nanoTime() - startNanos) / 1e9;
        out.println(String.format(Locale.ROOT, "%8.3f  %-8s %s", t, layer, text));
        out.flush();
    }

    @Override
    public void onUrl(Url url) {
        StringBuilder s = new StringBuilder("decoded ").append(url).append(": scheme ").append(url.scheme());
        if (url.host() != null) {
            s.append(", host ").append(url.host());
        }
        if (url.port() > 0) {
            s.append(", port ").append(url.port()).append(url.hasExplicitPort() ? "" : " (the scheme's default)");
        }
        if (url.path() != null) {
            s.append(", path ").append(url.path());
        }
        if (url.isDirectory()) {
            s.append(" (no file name: the server picks its default file)");
        }
        line("browser", s.toString());
    }

    @Override
    public void onLookup(String host) {
        line("resolver", "gethostbyname(\"" + host + "\"): query name " + host + ", class IN, type A");
    }

    @Override
    public void onResolved(String host, int address, LookupResult result) {
        String how = result.fromCache() ? "from the resolver's cache, no query"
                : result.queries() + (result.queries() == 1 ? " query" : " queries") + " to " + result.source()
                        + (result.authoritative() ? ", authoritative" : "");
        line("resolver", host + " is " + Ipv4Address.format(address) + " (" + how + ")");
    }

    @Override
    public void onSocket(int descriptor) {
        line("socket", "socket(STREAM) = descriptor " + descriptor + "; connect(" + descriptor + ", ...) starts the "
                + "three-way handshake");
    }

    @Override
    public void onConnected(int descriptor, InetEndpoint local, InetEndpoint remote) {
        line("socket", "connect(" + descriptor + ") returned: connected " + local + " -> " + remote);
    }

    @Override
    public void onReused(int descriptor, InetEndpoint remote) {
        line("socket", "descriptor " + descriptor + " is still connected to " + remote
                + ": the kept-alive connection carries this request too");
    }

    @Override
    public void onRequest(int descriptor, byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = (end < 0 ? text : text.substring(0, end)).replace("\r\n", " | ");
        line("http", "write(" + descriptor + ", " + message.length + " bytes): " + head);
    }

    @Override
    public void onResponse(int descriptor, HttpResponse response) {
        StringBuilder s = new StringBuilder("read(" + descriptor + "): HTTP/" + response.versionMajor() + "."
                + response.versionMinor() + " " + response.status() + " " + response.reason());
        for (String name : new String[] {"Content-Type", "Content-Length", "Transfer-Encoding", "Location"}) {
            String value = response.headers().get(name);
            if (value != null) {
                s.append(" | ").append(name).append(": ").append(value);
            }
        }
        line("http", s.toString());
    }

    @Override
    public void onBodyDone(Url url, long bytes, long nanos) {
        line("http", String.format(Locale.ROOT, "body of %s complete: %d bytes in %.3f s", url.requestTarget(), bytes,
                nanos / 1e9));
    }

    @Override
    public void onRedirect(Url from, Url to, int status) {
        line("browser", status + ": redirected from " + from + " to " + to);
    }

    @Override
    public void onClosed(int descriptor) {
        line("socket", "close(" + descriptor + "): our FIN follows the data");
    }
}
