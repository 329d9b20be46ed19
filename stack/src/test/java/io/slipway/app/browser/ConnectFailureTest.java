package io.slipway.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server that cannot be reached, or a name that cannot be resolved: the error names the URL, then why. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectFailureTest {
    private final BrowserNet net = new BrowserNet();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    @Test
    void shouldNameTheUrlWhenNothingListensOnItsPort() {
        Browser browser = net.browser();

        BrowserException e = assertThrows(BrowserException.class,
                () -> browser.get(Url.parse("http://www.example.test:8081/a"), new ByteArrayOutputStream()));

        assertEquals("http://www.example.test:8081/a: connect 10.0.0.2:8081: connection refused", e.getMessage());
    }

    @Test
    void shouldNameTheUrlWhenItsHostCannotBeResolved() {
        Browser browser = new Browser(net.browserSockets(), null, BrowserConfig.DEFAULT, BrowserListener.NONE);

        BrowserException e = assertThrows(BrowserException.class,
                () -> browser.get(Url.parse("http://nowhere.test/"), new ByteArrayOutputStream()));

        assertEquals("http://nowhere.test/: cannot resolve 'nowhere.test': no DNS server to ask (give one with --dns)",
                e.getMessage());
    }
}
