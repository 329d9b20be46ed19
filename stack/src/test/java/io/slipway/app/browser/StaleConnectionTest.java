package io.slipway.app.browser;

import static io.slipway.app.browser.ScriptedServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A kept-alive connection the server has closed (RFC 9112 §9.3.1: a server may close an idle
 * connection at any time, and a client must be ready to retry): a GET or HEAD that finds the
 * connection gone before any byte of an answer is asked again once on a new connection; a POST,
 * which the server may have acted on, is not repeated (RFC 9110 §9.2.2) — unless the browser
 * knew the connection was closed before it sent anything.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StaleConnectionTest {
    private static final Url FIRST = Url.parse("http://www.example.test/one");
    private static final Url SECOND = Url.parse("http://www.example.test/two");

    private final BrowserNet net = new BrowserNet();
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    private static Request post(Url url) {
        return Request.post(url, "order=1".getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded");
    }

    /** Waits until the browser's host has taken the server's FIN on the kept connection. */
    private void awaitServerClosedIt() {
        BrowserNet.waitFor("the server's FIN on the kept connection", () ->
                net.browserSocketStates().equals(List.of("CLOSE_WAIT")));
    }

    @Test
    void shouldAskAGetAgainOnANewConnectionWhenTheKeptOneClosesWithoutAnAnswer() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("one")).closeWithoutReply().reply(ok("two"));
        Browser browser = net.browser();
        browser.get(FIRST, new ByteArrayOutputStream());

        Fetch f = browser.get(SECOND, sink);

        assertEquals(200, f.status());
        assertEquals("two", sink.toString(StandardCharsets.US_ASCII));
        assertEquals(2, server.connections());
        assertEquals(3, server.received().size());
        assertEquals(server.request(1).head(), server.request(2).head(), "the same request, asked again");
        assertEquals(2, server.request(2).connection());
    }

    @Test
    void shouldAskAHeadAgainToo() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("one")).closeWithoutReply()
                .reply("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n");
        Browser browser = net.browser();
        browser.get(FIRST, new ByteArrayOutputStream());

        Fetch f = browser.fetch(Request.head(SECOND), sink);

        assertEquals(200, f.status());
        assertEquals(2, server.connections());
        assertEquals("HEAD /two HTTP/1.1", server.request(2).requestLine());
    }

    @Test
    void shouldAskAgainOnlyOnce() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("one")).closeWithoutReply().closeWithoutReply()
                .reply(ok("never asked"));
        Browser browser = net.browser();
        browser.get(FIRST, new ByteArrayOutputStream());

        BrowserException e = assertThrows(BrowserException.class, () -> browser.get(SECOND, sink));

        assertTrue(e.getMessage().contains(SECOND.toString()), e.getMessage());
        assertEquals(2, server.connections());
        assertEquals(3, server.received().size());
        assertEquals(1, server.unusedSteps());
        assertEquals(0, sink.size());
    }

    @Test
    void shouldNotAskAPostAgainWhenTheConnectionClosesAfterItWasSent() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("one")).closeWithoutReply().reply(ok("never asked"));
        Browser browser = net.browser();
        browser.get(FIRST, new ByteArrayOutputStream());

        BrowserException e = assertThrows(BrowserException.class, () -> browser.fetch(post(SECOND), sink));

        assertTrue(e.getMessage().contains(SECOND.toString()), e.getMessage());
        assertEquals(1, server.connections(), "no second connection for a request that must not be repeated");
        assertEquals(2, server.received().size());
        assertEquals("POST /two HTTP/1.1", server.request(1).requestLine());
    }

    @Test
    void shouldUseANewConnectionForAGetWhenTheServerClosedTheKeptOneWhileIdle() throws Exception {
        ScriptedServer server = net.server(80).replyAndClose(ok("one")).reply(ok("two"));
        Browser browser = net.browser();
        browser.get(FIRST, new ByteArrayOutputStream());
        awaitServerClosedIt();

        Fetch f = browser.get(SECOND, sink);

        assertEquals(200, f.status());
        assertEquals("two", sink.toString(StandardCharsets.US_ASCII));
        assertEquals(2, server.connections());
        assertEquals("/two", server.request(1).target());
    }

    /**
     * The browser knows before it writes a byte that the server closed the connection (its FIN
     * arrived while the connection was idle), so nothing of the POST could have been applied:
     * it goes on a new connection, once (RFC 9112 §9.3.1 forbids retrying a POST only when it
     * may have been applied).
     */
    @Test
    void shouldSendAPostOnANewConnectionWhenTheServerClosedTheKeptOneWhileIdle() throws Exception {
        ScriptedServer server = net.server(80).replyAndClose(ok("one")).reply(ok("taken"));
        Browser browser = net.browser();
        browser.get(FIRST, new ByteArrayOutputStream());
        awaitServerClosedIt();

        Fetch f = browser.fetch(post(SECOND), sink);

        assertEquals(200, f.status());
        assertEquals("taken", sink.toString(StandardCharsets.US_ASCII));
        assertEquals(2, server.connections());
        assertEquals(2, server.received().size(), "the POST arrived once");
        assertEquals("order=1", server.request(1).bodyText());
    }
}
