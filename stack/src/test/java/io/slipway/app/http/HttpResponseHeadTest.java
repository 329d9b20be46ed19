package io.slipway.app.http;

import static io.slipway.app.http.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpResponseHeadTest {
    @Test
    void shouldEncodeTheHeadExactly() {
        // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ].
        HttpHeaders h = new HttpHeaders().add("Content-Type", "text/plain; charset=utf-8").add("Content-Length", "5");
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n\r\n",
                text(new HttpResponseHead(200, h).encode()));
    }

    @Test
    void shouldTakeTheReasonFromHttpStatus() {
        HttpResponseHead head = new HttpResponseHead(404, new HttpHeaders());
        assertEquals("Not Found", head.reason());
        assertEquals("HTTP/1.1 404 Not Found\r\n\r\n", text(head.encode()));
    }

    @Test
    void shouldKeepTheSpaceBeforeAnEmptyReason() {
        // RFC 9112 §4: the SP before the reason is there even when the reason is empty.
        assertEquals("HTTP/1.1 299 \r\n\r\n", text(new HttpResponseHead(299, new HttpHeaders()).encode()));
    }

    @Test
    void shouldUseAReasonOfOnesOwn() {
        assertEquals("HTTP/1.1 404 File not found\r\n\r\n",
                text(new HttpResponseHead(404, "File not found", new HttpHeaders()).encode()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 99, 600, 1000, -200})
    void shouldRejectAStatusOutside100To599(int status) {
        // RFC 9110 §15: values outside 100..599 are invalid.
        assertThrows(IllegalArgumentException.class, () -> new HttpResponseHead(status, new HttpHeaders()));
    }

    @Test
    void shouldRejectAReasonThatWouldSplitTheResponse() {
        assertThrows(IllegalArgumentException.class,
                () -> new HttpResponseHead(200, "OK\r\nSet-Cookie: x", new HttpHeaders()));
    }
}
