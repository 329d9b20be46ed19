package io.slipway.app.browser;

import static io.slipway.app.browser.ScriptedServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Persistent connections (RFC 9112 §9.3): a second request to the same server goes over the
 * connection the first one used, unless the server said it would close it ({@code Connection:
 * close}, an HTTP/1.0 answer without keep-alive) or the browser was told not to keep it; a
 * request to another server closes the kept one; closing the browser closes it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KeepAliveTest {
    private static final Url FIRST = Url.parse("http://www.example.test/one");
    private static final Url SECOND = Url.parse("http://www.example.test/two");

    private final BrowserNet net = new BrowserNet();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    private static ByteArrayOutputStream sink() {
        return new ByteArrayOutputStream();
    }

    @Test
    void shouldCarryTheSecondRequestOverTheSameConnection() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("one")).reply(ok("two"));
        Browser browser = net.browser();

        browser.get(FIRST, sink());
        browser.get(SECOND, sink());

        assertEquals(1, server.connections());
        assertEquals(2, server.received().size());
        assertEquals(1, server.request(1).connection());
        assertEquals("/two", server.request(1).target());
    }

    @Test
    void shouldNotTakeBytesNoRequestAskedForAsTheNextAnswer() throws Exception {
        // A server that sent more than the response (here a whole second one, unasked) has lost
        // the count of requests and answers on that connection: the next request goes on a new
        // one rather than read the stray bytes as its answer (RFC 9112 §9.3's pairing).
        ScriptedServer server = net.server(80)
                .reply(ok("one") + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstray")
                .reply(ok("two"));
        Browser browser = net.browser();
        ByteArrayOutputStream first = sink();
        ByteArrayOutputStream second = sink();

        browser.get(FIRST, first);
        browser.get(SECOND, second);

        assertEquals("one", first.toString());
        assertEquals("two", second.toString());
        assertEquals(2, server.connections());
    }

    @Test
    void shouldCarryRequestsToTheSameHostByAnotherNameOrCaseOverTheSameConnection() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("one")).reply(ok("two"));
        Browser browser = net.browser();

        browser.get(FIRST, sink());
        browser.get(Url.parse("http://WWW.EXAMPLE.TEST:80/two"), sink());

        assertEquals(1, server.connections());
    }

    @Test
    void shouldOpenANewConnectionAfterConnectionClose() throws Exception {
        ScriptedServer server = net.server(80).replyAndClose(ok("one", "Connection: close")).reply(ok("two"));
        Browser browser = net.browser();

        browser.get(FIRST, sink());
        browser.get(SECOND, sink());

        assertEquals(2, server.connections());
        assertEquals(2, server.request(1).connection());
    }

    @Test
    void shouldNotKeepAnHttp10ConnectionThatDidNotOfferKeepAlive() throws Exception {
        // The server does not close: the browser must not wait for it, nor reuse the connection.
        ScriptedServer server = net.server(80).reply("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\none")
                .reply(ok("two"));
        Browser browser = net.browser();

        browser.get(FIRST, sink());
        browser.get(SECOND, sink());

        assertEquals(2, server.connections());
    }

    @Test
    void shouldKeepAnHttp10ConnectionThatOfferedKeepAlive() throws Exception {
        ScriptedServer server = net.server(80)
                .reply("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\none").reply(ok("two"));
        Browser browser = net.browser();

        browser.get(FIRST, sink());
        browser.get(SECOND, sink());

        assertEquals(1, server.connections());
    }

    @Test
    void shouldCloseEachConnectionWhenKeepAliveIsOff() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("one")).reply(ok("two"));
        Browser browser = net.browser(BrowserNet.CONFIG.withKeepAlive(false), null);

        browser.get(FIRST, sink());
        browser.get(SECOND, sink());

        assertEquals(2, server.connections());
        server.awaitConnectionsEnded(); // the browser closed both: nothing stays open
        assertEquals(List.of(), net.browserSocketStates());
    }

    @Test
    void shouldCloseTheKeptConnectionForAnotherServer() throws Exception {
        ScriptedServer first = net.server(80).reply(ok("one"));
        ScriptedServer second = net.server(8080).reply(ok("two"));
        Browser browser = net.browser();

        browser.get(FIRST, sink());
        browser.get(Url.parse("http://www.example.test:8080/two"), sink());

        assertEquals(1, first.connections());
        assertEquals(1, second.connections());
        first.awaitConnectionsEnded(); // the browser closed the first when it left for the second
        assertEquals(List.of("ESTABLISHED"), net.browserSocketStates());
    }

    @Test
    void shouldCloseTheKeptConnectionWhenClosed() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("one"));
        Browser browser = net.browser();
        browser.get(FIRST, sink());
        assertEquals(List.of("ESTABLISHED"), net.browserSocketStates());

        browser.close();

        server.awaitConnectionsEnded();
        assertEquals(List.of(), net.browserSocketStates());
    }
}
