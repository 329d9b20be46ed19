package io.slipway.app.browser;

import static io.slipway.app.browser.ScriptedServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Interim responses (RFC 9110 §15.2): a 1xx before the final answer (100 Continue, 103 Early
 * Hints, any other 1xx the browser does not know) has no body and is passed over; the fetch
 * reports the final response, its fields only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InterimResponseTest {
    private static final Url PAGE = Url.parse("http://www.example.test/");

    private final BrowserNet net = new BrowserNet();
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    @Test
    void shouldSkip100ContinueAnd103EarlyHints() throws Exception {
        net.server(80).reply("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                + ok("final", "Content-Type: text/plain"));

        Fetch f = net.browser().get(PAGE, sink);

        assertEquals(200, f.status());
        assertEquals("final", sink.toString(StandardCharsets.US_ASCII));
        assertEquals("text/plain", f.contentType());
        assertNull(f.headers().get("Link"), "the interim response's fields are not the final one's");
    }

    @Test
    void shouldSkipAnUnknown1xx() throws Exception {
        ScriptedServer server = net.server(80).reply("HTTP/1.1 199 Something\r\nX: y\r\n\r\n" + ok("final"))
                .reply(ok("second"));
        Browser browser = net.browser();

        Fetch f = browser.get(PAGE, sink);
        browser.get(PAGE, new ByteArrayOutputStream());

        assertEquals(200, f.status());
        assertEquals(1, server.connections());
    }

    @Test
    void shouldSkipInterimResponsesBeforeARedirect() throws Exception {
        ScriptedServer server = net.server(80).reply("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 302 Found\r\nLocation: /there\r\nContent-Length: 0\r\n\r\n").reply(ok("there"));

        Fetch f = net.browser().fetch(Request.post(PAGE, new byte[] {'x'}, "text/plain"), sink);

        assertEquals(200, f.status());
        assertEquals("/there", server.request(1).target());
    }
}
