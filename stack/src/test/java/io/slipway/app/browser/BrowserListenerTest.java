package io.slipway.app.browser;

import static io.slipway.app.browser.ScriptedServer.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.http.HttpResponse;
import io.slipway.app.url.Url;
import io.slipway.socket.Addresses;
import io.slipway.socket.InetEndpoint;
import io.slipway.socket.resolver.LookupResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The trace hooks, in the order the journey of a URL takes them: the URL decoded, the name looked
 * up, the socket made and connected, the request written, the response head read, the body
 * arriving and done, a redirect followed, a kept connection reused, the socket closed. Each
 * event is written as a line; descriptors are written {@code fd}, and checked to be one socket's.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrowserListenerTest {
    private static final Url ONE = Url.parse("http://www.example.test/one");
    private static final Url TWO = Url.parse("http://www.example.test/two");

    private final BrowserNet net = new BrowserNet();
    private final Trace trace = new Trace();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    /** Records each event as a line; the progress of one body as its last report only. */
    private static final class Trace implements BrowserListener {
        final List<String> lines = new ArrayList<>();
        final List<Integer> descriptors = new ArrayList<>();
        final List<byte[]> requests = new ArrayList<>();
        final List<Long> progress = new ArrayList<>();

        private void add(String line) {
            if (line.startsWith("progress ") && !lines.isEmpty() && lines.get(lines.size() - 1).startsWith("progress ")) {
                lines.set(lines.size() - 1, line);
            } else {
                lines.add(line);
            }
        }

        private void fd(int descriptor) {
            descriptors.add(descriptor);
        }

        @Override
        public void onUrl(Url url) {
            add("url " + url);
        }

        @Override
        public void onLookup(String host) {
            add("lookup " + host);
        }

        @Override
        public void onResolved(String host, int address, LookupResult result) {
            add("resolved " + host + " " + Addresses.format(address));
        }

        @Override
        public void onSocket(int descriptor) {
            fd(descriptor);
            add("socket fd");
        }

        @Override
        public void onConnected(int descriptor, InetEndpoint local, InetEndpoint remote) {
            fd(descriptor);
            add("connected fd " + Addresses.format(local.address()) + " -> " + remote);
        }

        @Override
        public void onReused(int descriptor, InetEndpoint remote) {
            fd(descriptor);
            add("reused fd " + remote);
        }

        @Override
        public void onRequest(int descriptor, byte[] message) {
            fd(descriptor);
            requests.add(message);
            String text = new String(message, StandardCharsets.ISO_8859_1);
            add("request fd " + text.substring(0, text.indexOf("\r\n")));
        }

        @Override
        public void onResponse(int descriptor, HttpResponse response) {
            fd(descriptor);
            add("response fd " + response);
        }

        @Override
        public void onBodyProgress(Url url, long soFar, long total) {
            progress.add(soFar);
            add("progress " + url + " " + soFar + "/" + total);
        }

        @Override
        public void onBodyDone(Url url, long bytes, long nanos) {
            add("done " + url + " " + bytes);
        }

        @Override
        public void onRedirect(Url from, Url to, int status) {
            add("redirect " + from + " -> " + to + " " + status);
        }

        @Override
        public void onClosed(int descriptor) {
            fd(descriptor);
            add("closed fd");
        }
    }

    private Browser browser() {
        return net.browser(BrowserNet.CONFIG, trace);
    }

    private void assertOneDescriptor() {
        assertEquals(1, trace.descriptors.stream().distinct().count(), "one socket: " + trace.descriptors);
    }

    @Test
    void shouldTraceAFetchAndAReuseInOrder() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("hello")).reply(ok("two"));
        Browser browser = browser();

        browser.get(ONE, new ByteArrayOutputStream());
        browser.get(TWO, new ByteArrayOutputStream());
        browser.close();

        assertEquals(List.of(
                "url http://www.example.test/one",
                "lookup www.example.test",
                "resolved www.example.test 10.0.0.2",
                "socket fd",
                "connected fd 10.0.0.1 -> 10.0.0.2:80",
                "request fd GET /one HTTP/1.1",
                "response fd HTTP/1.1 200 OK",
                "progress http://www.example.test/one 5/5",
                "done http://www.example.test/one 5",
                "url http://www.example.test/two",
                "lookup www.example.test",
                "resolved www.example.test 10.0.0.2",
                "reused fd 10.0.0.2:80",
                "request fd GET /two HTTP/1.1",
                "response fd HTTP/1.1 200 OK",
                "progress http://www.example.test/two 3/3",
                "done http://www.example.test/two 3",
                "closed fd"), trace.lines);
        assertOneDescriptor();
        assertArrayEquals(ScriptedServer.bytes(server.request(0).head()), trace.requests.get(0),
                "the message traced is the message sent");
    }

    @Test
    void shouldTraceARedirect() throws Exception {
        net.server(8080).reply("HTTP/1.1 302 Found\r\nLocation: /two\r\nContent-Length: 4\r\n\r\nmove")
                .reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");

        browser().get(Url.parse("http://10.0.0.2:8080/one"), new ByteArrayOutputStream());

        assertEquals(List.of(
                "url http://10.0.0.2:8080/one",
                "socket fd",
                "connected fd 10.0.0.1 -> 10.0.0.2:8080",
                "request fd GET /one HTTP/1.1",
                "response fd HTTP/1.1 302 Found",
                "redirect http://10.0.0.2:8080/one -> http://10.0.0.2:8080/two 302",
                "url http://10.0.0.2:8080/two",
                "reused fd 10.0.0.2:8080",
                "request fd GET /two HTTP/1.1",
                "response fd HTTP/1.1 200 OK",
                "progress http://10.0.0.2:8080/two 3/-1",
                "done http://10.0.0.2:8080/two 3"), trace.lines, "a literal address is not looked up");
        assertOneDescriptor();
    }

    @Test
    void shouldTraceTheRetryOnANewConnection() throws Exception {
        net.server(80).reply(ok("hello")).closeWithoutReply().reply(ok("two"));
        Browser browser = browser();
        browser.get(ONE, new ByteArrayOutputStream());
        trace.lines.clear();
        trace.descriptors.clear();

        browser.get(TWO, new ByteArrayOutputStream());

        assertEquals(List.of(
                "url http://www.example.test/two",
                "lookup www.example.test",
                "resolved www.example.test 10.0.0.2",
                "reused fd 10.0.0.2:80",
                "request fd GET /two HTTP/1.1",
                "closed fd",
                "socket fd",
                "connected fd 10.0.0.1 -> 10.0.0.2:80",
                "request fd GET /two HTTP/1.1",
                "response fd HTTP/1.1 200 OK",
                "progress http://www.example.test/two 3/3",
                "done http://www.example.test/two 3"), trace.lines);
    }

    @Test
    void shouldTraceTheCloseOfAConnectionWhoseBodyFailed() throws Exception {
        net.server(80).replyAndClose("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf");

        assertThrows(BrowserException.class, () -> browser().get(ONE, new ByteArrayOutputStream()));

        List<String> tail = trace.lines.subList(trace.lines.size() - 3, trace.lines.size());
        assertEquals(List.of("response fd HTTP/1.1 200 OK", "progress http://www.example.test/one 4/10", "closed fd"),
                tail, "no done for a body that did not arrive: " + trace.lines);
    }

    @Test
    void shouldReportProgressUpToTheWholeBody() throws Exception {
        String body = "x".repeat(50_000);
        net.server(80).reply(ok(body));

        Fetch f = browser().get(ONE, new ByteArrayOutputStream());

        assertEquals(50_000, f.bodyBytes());
        for (int i = 1; i < trace.progress.size(); i++) {
            assertTrue(trace.progress.get(i) > trace.progress.get(i - 1), "grows: " + trace.progress);
        }
        assertEquals(50_000L, trace.progress.get(trace.progress.size() - 1));
        assertTrue(trace.lines.contains("done http://www.example.test/one 50000"), trace.lines.toString());
    }
}
