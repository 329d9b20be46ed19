package io.slipway.app.browser;

import static io.slipway.app.browser.ScriptedServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.http.HttpLimits;
import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Answers the browser cannot read are failures, never a successful short body (RFC 9112 §8: a
 * message cut short is incomplete; §6.3: framing that cannot be trusted is an error the client
 * cannot recover from): each fails with a {@link BrowserException} naming the URL and what was
 * wrong, and the broken connection is not used again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResponseErrorsTest {
    private static final Url PAGE = Url.parse("http://www.example.test/page");

    private final BrowserNet net = new BrowserNet();
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    private BrowserException fails(Browser browser, String... expectedInMessage) {
        BrowserException e = assertThrows(BrowserException.class, () -> browser.get(PAGE, sink));
        assertTrue(e.getMessage().contains(PAGE.toString()), "names the URL: " + e.getMessage());
        for (String part : expectedInMessage) {
            assertTrue(e.getMessage().contains(part), "says '" + part + "': " + e.getMessage());
        }
        return e;
    }

    private BrowserException failsOn(String response, String... expectedInMessage) throws Exception {
        net.server(80).replyAndClose(response);
        return fails(net.browser(), expectedInMessage);
    }

    @Test
    void shouldFailABodyCutShortOfItsContentLength() throws Exception {
        failsOn("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b", "10 of 100");
    }

    @Test
    void shouldFailAChunkedBodyCutShortBeforeItsLastChunk() throws Exception {
        failsOn("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", "chunked");
    }

    @Test
    void shouldFailABadChunkSize() throws Exception {
        failsOn("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\nmore\r\n0\r\n\r\n", "chunk");
    }

    @Test
    void shouldFailAChunkWithoutItsCrlf() throws Exception {
        failsOn("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n");
    }

    @Test
    void shouldFailAHeaderSectionAboveTheLimit() throws Exception {
        String big = "X-Padding: " + "p".repeat(HttpLimits.DEFAULT.maxHeaderSectionBytes()) + "\r\n";
        failsOn("HTTP/1.1 200 OK\r\n" + big + "Content-Length: 2\r\n\r\nok");
    }

    @Test
    void shouldFailTooManyHeaderFields() throws Exception {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i <= HttpLimits.DEFAULT.maxHeaderFields(); i++) {
            fields.append("X-F").append(i).append(": v\r\n");
        }
        failsOn("HTTP/1.1 200 OK\r\n" + fields + "Content-Length: 2\r\n\r\nok");
    }

    @Test
    void shouldFailABodyAboveTheLimitOfItsConfig() throws Exception {
        HttpLimits small = new HttpLimits(8192, 16384, 100, 10, 1024);
        BrowserConfig config = new BrowserConfig("slipway/0.1", 5, BrowserNet.CONFIG.readTimeout(), true, small);
        net.server(80).replyAndClose("HTTP/1.0 200 OK\r\n\r\nthis body runs on past ten bytes");

        fails(net.browser(config, null), "limit");
    }

    @Test
    void shouldFailAContentLengthAboveTheLimitBeforeReadingIt() throws Exception {
        HttpLimits small = new HttpLimits(8192, 16384, 100, 10, 1024);
        BrowserConfig config = new BrowserConfig("slipway/0.1", 5, BrowserNet.CONFIG.readTimeout(), true, small);
        net.server(80).replyAndClose("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world");

        fails(net.browser(config, null), "limit");
        assertEquals(0, sink.size());
    }

    @Test
    void shouldFailAStatusLineThatIsNotHttp() throws Exception {
        failsOn("SSH-2.0-OpenSSH_9.6\r\n\r\n", "status line");
    }

    @Test
    void shouldFailBothContentLengthAndTransferEncoding() throws Exception {
        failsOn("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                "Content-Length");
    }

    @Test
    void shouldFailDifferingContentLengths() throws Exception {
        failsOn("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", "Content-Length");
    }

    @Test
    void shouldFailAnAnswerCutShortInItsHead() throws Exception {
        failsOn("HTTP/1.1 200 OK\r\nContent-Ty", "head");
    }

    @Test
    void shouldFailAConnectionClosedWithoutAnAnswer() throws Exception {
        ScriptedServer server = net.server(80).closeWithoutReply().reply(ok("never asked"));

        fails(net.browser(), "closed");

        assertEquals(1, server.connections(), "a new connection that fails is not a stale one: no retry");
    }

    @Test
    void shouldNotUseABrokenConnectionAgain() throws Exception {
        // The bad chunk leaves the connection open, its framing lost: the next request needs a new one.
        ScriptedServer server = net.server(80)
                .reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nnot-hex\r\n")
                .reply(ok("fine"));
        Browser browser = net.browser();
        fails(browser);

        Fetch f = browser.get(PAGE, sink);

        assertEquals(200, f.status());
        assertEquals(2, server.connections());
    }

    @Test
    void shouldFailWhenNothingListens() throws Exception {
        BrowserException e = assertThrows(BrowserException.class,
                () -> net.browser().get(Url.parse("http://www.example.test:8081/"), sink));

        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void shouldFailANameThatDoesNotResolve() throws Exception {
        Url nowhere = Url.parse("http://nowhere.example.test/");

        BrowserException e = assertThrows(BrowserException.class, () -> net.browser().get(nowhere, sink));

        assertTrue(e.getMessage().contains("nowhere.example.test"), e.getMessage());
    }

    @Test
    void shouldFailANameWithoutAResolver() throws Exception {
        Browser browser = new Browser(net.browserSockets(), null, BrowserNet.CONFIG, null);

        BrowserException e = assertThrows(BrowserException.class,
                () -> browser.get(Url.parse("http://www.example.test/"), sink));

        assertTrue(e.getMessage().contains("www.example.test"), e.getMessage());
    }
}
