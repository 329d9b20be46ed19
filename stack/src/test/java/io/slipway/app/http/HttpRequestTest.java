package io.slipway.app.http;

import static io.slipway.app.http.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRequestTest {
    @Test
    void shouldEncodeTheHeadExactly() {
        // RFC 9112 §2.1, §3: request-line CRLF, field lines CRLF each, then an empty line.
        HttpHeaders h = new HttpHeaders().add("Host", "10.99.0.2:8080").add("User-Agent", "slipway").add("Accept", "*/*");
        byte[] head = new HttpRequest("GET", "/index.html", h).encodeHead();
        assertEquals("GET /index.html HTTP/1.1\r\nHost: 10.99.0.2:8080\r\nUser-Agent: slipway\r\nAccept: */*\r\n\r\n",
                text(head));
    }

    @Test
    void shouldEncodeAnHttp10HeadWithoutFields() {
        assertEquals("HEAD / HTTP/1.0\r\n\r\n", text(new HttpRequest("HEAD", "/", 1, 0, new HttpHeaders()).encodeHead()));
    }

    @Test
    void shouldEncodeObsTextAsItsOctets() {
        HttpHeaders h = new HttpHeaders().add("X-Name", "caf\u00e9");
        byte[] head = new HttpRequest("GET", "/", h).encodeHead();
        assertEquals((byte) 0xE9, head[head.length - 5]);
    }

    @Test
    void shouldBeHttp11ByDefault() {
        HttpRequest r = new HttpRequest("GET", "/", new HttpHeaders());
        assertEquals(1, r.versionMajor());
        assertEquals(1, r.versionMinor());
        assertEquals("GET / HTTP/1.1", r.toString());
    }

    @Test
    void shouldKeepAnHttp11ConnectionAlive() {
        // RFC 9112 §9.3: HTTP/1.1 persists unless "close" is sent.
        assertTrue(new HttpRequest("GET", "/", new HttpHeaders()).keepAlive());
    }

    @Test
    void shouldCloseAnHttp11ConnectionOnConnectionClose() {
        // RFC 9112 §9.3, §9.6; the option is case-insensitive and may share the list.
        HttpHeaders h = new HttpHeaders().add("Connection", "Upgrade, Close");
        assertFalse(new HttpRequest("GET", "/", h).keepAlive());
    }

    @Test
    void shouldCloseAnHttp10ConnectionByDefault() {
        // RFC 9112 §9.3: HTTP/1.0 persists only with keep-alive.
        assertFalse(new HttpRequest("GET", "/", 1, 0, new HttpHeaders()).keepAlive());
    }

    @Test
    void shouldKeepAnHttp10ConnectionAliveOnKeepAlive() {
        // RFC 9112 Appendix C.2.2: the keep-alive connection option of HTTP/1.0.
        HttpHeaders h = new HttpHeaders().add("Connection", "Keep-Alive");
        assertTrue(new HttpRequest("GET", "/", 1, 0, h).keepAlive());
    }

    @Test
    void shouldLetCloseWinOverKeepAlive() {
        HttpHeaders h = new HttpHeaders().add("Connection", "keep-alive").add("Connection", "close");
        assertFalse(new HttpRequest("GET", "/", 1, 0, h).keepAlive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "G ET", "GET\r\n", "GÉT"})
    void shouldRejectAMethodThatIsNotAToken(String method) {
        assertThrows(IllegalArgumentException.class, () -> new HttpRequest(method, "/", new HttpHeaders()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/a b", "/a\r\nHost: evil", "/caf\u00e9"})
    void shouldRejectATargetThatIsNotVisibleAscii(String target) {
        // RFC 9112 §3.2: the target is a URI reference, no whitespace, no controls.
        assertThrows(IllegalArgumentException.class, () -> new HttpRequest("GET", target, new HttpHeaders()));
    }

    @Test
    void shouldRejectAVersionOtherThan10And11() {
        assertThrows(IllegalArgumentException.class, () -> new HttpRequest("GET", "/", 2, 0, new HttpHeaders()));
    }
}
