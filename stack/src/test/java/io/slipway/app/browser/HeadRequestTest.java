package io.slipway.app.browser;

import static io.slipway.app.browser.ScriptedServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HEAD (RFC 9110 §9.3.2): the answer has a head and never a body, whatever its Content-Length or
 * Transfer-Encoding say (RFC 9112 §6.3 item 1); the browser reads none, reports the fields as
 * sent, and the connection carries the next request at once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeadRequestTest {
    private static final Url FILE = Url.parse("http://www.example.test/big.bin");

    private final BrowserNet net = new BrowserNet();
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    @Test
    void shouldReadNoBodyThoughContentLengthNamesOne() throws Exception {
        ScriptedServer server = net.server(80).reply("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: 1000000\r\n\r\n").reply(ok("next"));
        Browser browser = net.browser();

        Fetch head = browser.fetch(Request.head(FILE), sink);

        assertEquals(200, head.status());
        assertEquals(0, head.bodyBytes());
        assertEquals("1000000", head.headers().get("Content-Length"), "the fields as the server sent them");
        assertEquals(0, sink.size());
        // Had the browser waited for a million bytes, this would time out; it reads the next answer.
        browser.get(FILE, sink);
        assertEquals("next", sink.toString(StandardCharsets.US_ASCII));
        assertEquals(1, server.connections());
    }

    @Test
    void shouldReadNoBodyThoughTheAnswerSaysChunked() throws Exception {
        ScriptedServer server = net.server(80).reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                .reply(ok("next"));
        Browser browser = net.browser();

        Fetch head = browser.fetch(Request.head(FILE), sink);
        browser.get(FILE, sink);

        assertEquals(0, head.bodyBytes());
        assertEquals("next", sink.toString(StandardCharsets.US_ASCII));
        assertEquals(1, server.connections());
    }
}
