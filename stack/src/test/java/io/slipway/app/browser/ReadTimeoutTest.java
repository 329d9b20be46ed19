package io.slipway.app.browser;

import static io.slipway.app.browser.ScriptedServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that takes the request and never answers: the fetch fails once the read timeout has
 * passed, saying so. A timeout is a slow server, not a closed connection, so even a GET on a
 * kept connection is not asked again (only a connection closed under the request is stale,
 * RFC 9112 §9.3.1). Nothing here measures how long the wait was.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadTimeoutTest {
    private static final Url PAGE = Url.parse("http://www.example.test/slow");
    private static final BrowserConfig IMPATIENT = BrowserNet.CONFIG.withReadTimeout(Duration.ofMillis(300));

    private final BrowserNet net = new BrowserNet();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    @Test
    void shouldFailWhenTheServerNeverAnswers() throws Exception {
        net.server(80).silence();

        BrowserException e = assertThrows(BrowserException.class,
                () -> net.browser(IMPATIENT, null).get(PAGE, new ByteArrayOutputStream()));

        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(e.getMessage().contains(PAGE.toString()), e.getMessage());
    }

    @Test
    void shouldNotAskAgainWhenTheServerIsSlowOnAKeptConnection() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("first")).silence().reply(ok("never asked"));
        Browser browser = net.browser(IMPATIENT, null);
        browser.get(PAGE, new ByteArrayOutputStream());

        BrowserException e = assertThrows(BrowserException.class, () -> browser.get(PAGE, new ByteArrayOutputStream()));

        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertEquals(1, server.connections());
        assertEquals(2, server.received().size());
    }

    @Test
    void shouldFailWhenTheBodyStopsComing() throws Exception {
        net.server(80).reply("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome but not all");

        BrowserException e = assertThrows(BrowserException.class,
                () -> net.browser(IMPATIENT, null).get(PAGE, new ByteArrayOutputStream()));

        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }
}
