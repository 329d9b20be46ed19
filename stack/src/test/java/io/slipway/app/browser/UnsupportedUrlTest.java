package io.slipway.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.url.Url;
import io.slipway.app.url.UrlException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * URLs the browser cannot fetch fail at once with one clear line, before any socket is opened:
 * https and ftp are "not supported yet", mailto names a mailbox, news a newsgroup; a malformed
 * URL is refused by the URL parser, naming the bad part, before the browser sees it.
 */
class UnsupportedUrlTest {
    /** Opening a socket on a null socket library would throw NullPointerException: none is opened. */
    private final List<String> events = new ArrayList<>();
    private final Browser browser = new Browser(null, null, BrowserConfig.DEFAULT, new BrowserListener() {
        @Override
        public void onSocket(int descriptor) {
            events.add("socket");
        }

        @Override
        public void onLookup(String host) {
            events.add("lookup");
        }
    });

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://www.example.test/     | https is not supported yet",
        "ftp://ftp.example.test/pub/   | ftp is not supported yet",
        "mailto:tone@cyber.co.kr       | mailbox",
        "news:comp.protocols.tcp-ip    | news"})
    void shouldSayWhatItCannotFetch(String text, String expected) {
        Url url = Url.parse(text);

        BrowserException e = assertThrows(BrowserException.class, () -> browser.get(url, new ByteArrayOutputStream()));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(url.toString()), "names the URL: " + e.getMessage());
        assertEquals(List.of(), events, "nothing looked up, no socket opened");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://www.example.test:99999/ | port",
        "http://www.exa mple.test/      | host",
        "gopher://gopher.example.test/  | scheme",
        "http://www.example.test/%zz    | percent-encoding"})
    void shouldNameTheBadPartOfAMalformedUrl(String text, String part) {
        UrlException e = assertThrows(UrlException.class, () -> Url.parse(text));

        assertEquals(part, e.part(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad " + part + " in '" + text + "': "), e.getMessage());
    }

    @Test
    void shouldFailAPostToHttpsBeforeSendingIt() {
        Url url = Url.parse("https://www.example.test/form");

        BrowserException e = assertThrows(BrowserException.class,
                () -> browser.fetch(Request.post(url, new byte[] {1}, "application/octet-stream"),
                        new ByteArrayOutputStream()));

        assertTrue(e.getMessage().contains("https is not supported yet"), e.getMessage());
    }
}
