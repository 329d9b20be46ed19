package io.slipway.app.http;

import static io.slipway.app.http.Wire.bytes;
import static io.slipway.app.http.Wire.outcome;
import static io.slipway.app.http.Wire.parsedByteByByte;
import static io.slipway.app.http.Wire.parsedWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests that parse, and how the parser is fed: whole, byte by byte, pipelined. */
class RequestParserTest {
    private static final String CURL = "GET /index.html HTTP/1.1\r\nHost: 10.99.0.2:8080\r\n"
            + "User-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";

    @Test
    void shouldParseACurlRequest() {
        RequestParser p = parsedWhole(CURL);
        assertEquals(RequestParser.State.HEAD_DONE, p.state());
        HttpRequest r = p.request();
        assertEquals("GET", r.method());
        assertEquals("/index.html", r.target());
        assertEquals(1, r.versionMajor());
        assertEquals(1, r.versionMinor());
        assertEquals(List.of("Host", "User-Agent", "Accept"), r.headers().names());
        assertEquals("curl/7.88.1", r.headers().get("user-agent"));
        assertEquals(0, p.contentLength());
    }

    @Test
    void shouldConsumeTheHeadAndNothingAfterIt() {
        // RFC 9112 §6: what follows the empty line is the body, or the next request.
        byte[] b = bytes(CURL + "GET /next");
        RequestParser p = new RequestParser(HttpLimits.DEFAULT);
        assertEquals(CURL.length(), p.feed(b, 0, b.length));
    }

    @Test
    void shouldConsumeEverythingWhileTheHeadGoesOn() {
        byte[] b = bytes(CURL);
        RequestParser p = new RequestParser(HttpLimits.DEFAULT);
        assertEquals(10, p.feed(b, 0, 10));
        assertEquals(RequestParser.State.NEED_MORE, p.state());
    }

    @Test
    void shouldFeedFromAnOffset() {
        byte[] b = bytes("xxxx" + CURL);
        RequestParser p = new RequestParser(HttpLimits.DEFAULT);
        assertEquals(CURL.length(), p.feed(b, 4, b.length - 4));
        assertEquals("/index.html", p.request().target());
    }

    @Test
    void shouldConsumeNothingOnceTheHeadIsDone() {
        RequestParser p = parsedWhole(CURL);
        assertEquals(0, p.feed(bytes("GET"), 0, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        CURL,
        "GET / HTTP/1.0\r\n\r\n",
        "POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nname=slip&x",
        "PUT /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "\r\n\nGET / HTTP/1.1\nHost: a\n\n",
        "GET / HTTP/1.1\r\nHost: a\r\nX: caf\u00e9 \t\r\n\r\n",
        "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
        "GET / HTTP/2.0\r\n\r\n",
        "BREW /pot HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET / HTTP/1.1\rHost: a\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\n",
    })
    void shouldGiveTheSameResultFedByteByByteAsInOnePiece(String request) {
        // A parser fed by a TCP stream sees any split of the same bytes.
        assertEquals(outcome(parsedWhole(request)), outcome(parsedByteByByte(HttpLimits.DEFAULT, request)));
    }

    @Test
    void shouldParseTwoPipelinedRequestsFromOneBuffer() {
        // RFC 9112 §9.3.2: a client may send requests without waiting for responses.
        byte[] b = bytes("GET /a HTTP/1.1\r\nHost: h\r\n\r\nHEAD /b HTTP/1.1\r\nHost: h\r\n\r\n");
        RequestParser p = new RequestParser(HttpLimits.DEFAULT);
        int first = p.feed(b, 0, b.length);
        assertEquals("GET /a HTTP/1.1", p.request().toString());
        p.reset();
        int second = p.feed(b, first, b.length - first);
        assertEquals("HEAD /b HTTP/1.1", p.request().toString());
        assertEquals(b.length, first + second);
    }

    @Test
    void shouldParseTheRequestAfterABodyOnTheSameConnection() {
        byte[] b = bytes("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\nHost: h\r\n\r\n");
        RequestParser p = new RequestParser(HttpLimits.DEFAULT);
        int head = p.feed(b, 0, b.length);
        int next = head + (int) p.contentLength();
        p.reset();
        p.feed(b, next, b.length - next);
        assertEquals("/b", p.request().target());
    }

    @Test
    void shouldGiveAFreshRequestAfterReset() {
        RequestParser p = parsedWhole(CURL);
        HttpRequest first = p.request();
        p.reset();
        assertEquals(RequestParser.State.NEED_MORE, p.state());
        byte[] b = bytes("GET /other HTTP/1.1\r\nHost: b\r\n\r\n");
        p.feed(b, 0, b.length);
        assertEquals("/index.html", first.target());
        assertEquals(3, first.headers().size());
        assertEquals(1, p.request().headers().size());
    }

    @Test
    void shouldIgnoreEmptyLinesBeforeTheRequestLine() {
        // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request-line.
        RequestParser p = parsedWhole("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
        assertEquals(RequestParser.State.HEAD_DONE, p.state());
    }

    @Test
    void shouldIgnoreUpToEightEmptyLinesBeforeTheRequestLine() {
        assertEquals(RequestParser.State.HEAD_DONE, parsedWhole("\r\n".repeat(8) + "GET / HTTP/1.1\r\nHost: a\r\n\r\n").state());
    }

    @Test
    void shouldRejectMoreThanEightEmptyLinesBeforeTheRequestLine() {
        // Bounded, so that a peer cannot keep a connection busy on empty lines alone.
        assertEquals(400, parsedWhole("\r\n".repeat(9) + "GET / HTTP/1.1\r\nHost: a\r\n\r\n").failureStatus());
    }

    @Test
    void shouldAcceptBareLfAsLineEnding() {
        // RFC 9112 §2.2: a recipient MAY recognize a single LF as a line terminator.
        RequestParser p = parsedWhole("GET / HTTP/1.1\nHost: a\nAccept: */*\n\n");
        assertEquals("*/*", p.request().headers().get("Accept"));
    }

    @Test
    void shouldTrimWhitespaceAroundAFieldValue() {
        // RFC 9112 §5.1: field-line = field-name ":" OWS field-value OWS.
        RequestParser p = parsedWhole("GET / HTTP/1.1\r\nHost:\t a \t\r\nX:\r\n\r\n");
        assertEquals("a", p.request().headers().get("Host"));
        assertEquals("", p.request().headers().get("X"));
    }

    @Test
    void shouldKeepObsTextInAValueAsLatin1() {
        // RFC 9110 §5.5: obs-text octets are opaque data; kept one char per octet.
        RequestParser p = parsedWhole("GET / HTTP/1.1\r\nHost: a\r\nX: caf\u00e9\r\n\r\n");
        assertEquals("caf\u00e9", p.request().headers().get("X"));
    }

    @Test
    void shouldKeepRepeatedFieldsAsSeparateLines() {
        RequestParser p = parsedWhole("GET / HTTP/1.1\r\nHost: a\r\nAccept: a\r\naccept: b\r\n\r\n");
        assertEquals(List.of("a", "b"), p.request().headers().getAll("Accept"));
    }

    @Test
    void shouldParseAnHttp10RequestWithoutHost() {
        // RFC 9112 §3.2: Host is required in HTTP/1.1 only.
        RequestParser p = parsedWhole("GET / HTTP/1.0\r\n\r\n");
        assertEquals(0, p.request().versionMinor());
        assertFalse(p.request().keepAlive());
    }

    @Test
    void shouldKeepAliveAnHttp10RequestWithKeepAlive() {
        // RFC 9112 Appendix C.2.2.
        assertTrue(parsedWhole("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").request().keepAlive());
    }

    @Test
    void shouldKeepAliveAnHttp11Request() {
        assertTrue(parsedWhole(CURL).request().keepAlive());
    }

    @Test
    void shouldNotKeepAliveAnHttp11RequestWithConnectionClose() {
        // RFC 9112 §9.6.
        assertFalse(parsedWhole("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").request().keepAlive());
    }

    @Test
    void shouldTakeAHigherMinorVersionAsHttp11() {
        // RFC 9110 §6.2: process it as the highest minor version implemented.
        RequestParser p = parsedWhole("GET / HTTP/1.7\r\nHost: a\r\n\r\n");
        assertEquals(1, p.request().versionMinor());
    }

    @Test
    void shouldAcceptAnAbsoluteFormTarget() {
        // RFC 9112 §3.2.2: a server MUST accept the absolute-form.
        assertEquals("http://example.test/a?b",
                parsedWhole("GET http://example.test/a?b HTTP/1.1\r\nHost: example.test\r\n\r\n").request().target());
    }

    @Test
    void shouldAcceptTheAsteriskFormForOptions() {
        // RFC 9112 §3.2.4.
        assertEquals("*", parsedWhole("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").request().target());
    }

    @Test
    void shouldAcceptTheAuthorityFormForConnect() {
        // RFC 9112 §3.2.3.
        assertEquals("example.test:443",
                parsedWhole("CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n").request().target());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH"})
    void shouldAcceptEveryKnownMethod(String method) {
        assertEquals(method, parsedWhole(method + " / HTTP/1.1\r\nHost: a\r\n\r\n").request().method());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.test", "example.test:8080", "10.99.0.2", "[::1]:80", "[v1.x]",
        "xn--bcher-kva.example", "a_b-c~d.e", "host:"})
    void shouldAcceptValidHostValues(String host) {
        // RFC 9110 §7.2, RFC 3986 §3.2.2; an empty Host is what a client sends without an authority.
        assertEquals(RequestParser.State.HEAD_DONE, parsedWhole("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").state());
    }

    @Test
    void shouldThrowWhenTheRequestIsAskedForBeforeTheHeadIsDone() {
        RequestParser p = new RequestParser(HttpLimits.DEFAULT);
        assertThrows(IllegalStateException.class, p::request);
        assertThrows(IllegalStateException.class, p::contentLength);
        assertThrows(IllegalStateException.class, p::failureStatus);
    }

    @Test
    void shouldRejectOutOfBoundsArguments() {
        RequestParser p = new RequestParser(HttpLimits.DEFAULT);
        assertThrows(IndexOutOfBoundsException.class, () -> p.feed(new byte[4], 2, 3));
    }
}
