package io.slipway.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 4xx or 5xx is an answer, not a failure to fetch (RFC 9110 §15.5, §15.6): the fetch reports
 * its status, reason, fields and body, as a browser shows the server's error page; only the
 * caller decides it is an error ({@link Fetch#isSuccess}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ErrorStatusTest {
    private static final Url PAGE = Url.parse("http://www.example.test/missing.html");

    private final BrowserNet net = new BrowserNet();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    @ParameterizedTest
    @CsvSource({"400, Bad Request", "403, Forbidden", "404, Not Found", "500, Internal Server Error",
        "503, Service Unavailable"})
    void shouldReportTheStatusAndTheErrorPage(int status, String reason) throws Exception {
        String page = "<h1>" + status + " " + reason + "</h1>";
        net.server(80).reply("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/html\r\n"
                + "Retry-After: 120\r\nContent-Length: " + page.length() + "\r\n\r\n" + page);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        Fetch f = net.browser().get(PAGE, sink);

        assertEquals(status, f.status());
        assertEquals(reason, f.reason());
        assertFalse(f.isSuccess());
        assertEquals(page, sink.toString(StandardCharsets.US_ASCII));
        assertEquals(page.length(), f.bodyBytes());
        assertEquals("120", f.headers().get("Retry-After"));
    }

    @Test
    void shouldKeepTheConnectionAfterAnError() throws Exception {
        ScriptedServer server = net.server(80).reply("HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\ngone")
                .reply(ScriptedServer.ok("here"));
        Browser browser = net.browser();

        browser.get(PAGE, new ByteArrayOutputStream());
        Fetch f = browser.get(Url.parse("http://www.example.test/"), new ByteArrayOutputStream());

        assertEquals(200, f.status());
        assertEquals(1, server.connections());
    }

    @Test
    void shouldReportAnEmptyReason() throws Exception {
        net.server(80).reply("HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n");

        Fetch f = net.browser().get(PAGE, new ByteArrayOutputStream());

        assertEquals(404, f.status());
        assertEquals("", f.reason());
    }
}
