package io.slipway.app.http;

import static io.slipway.app.http.Wire.readAll;
import static io.slipway.app.http.Wire.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Responses read by the browser's reader, one test per framing rule of RFC 9112 §6.3. */
class ResponseReaderTest {
    private static final String NGINX = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n"
            + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Type: text/html\r\nContent-Length: 5\r\n"
            + "Connection: keep-alive\r\nAccept-Ranges: bytes\r\n\r\nhello";

    @Test
    void shouldReadTheHead() throws IOException {
        HttpResponse r = reader(NGINX).readHead("GET");
        assertEquals(1, r.versionMajor());
        assertEquals(1, r.versionMinor());
        assertEquals(200, r.status());
        assertEquals("OK", r.reason());
        assertEquals("nginx/1.22.1", r.headers().get("server"));
        assertEquals(6, r.headers().size());
        assertEquals("HTTP/1.1 200 OK", r.toString());
    }

    @Test
    void shouldReadAContentLengthBody() throws IOException {
        // RFC 9112 §6.3 item 6.
        HttpResponse r = reader(NGINX).readHead("GET");
        assertEquals(5, r.contentLength());
        assertEquals("hello", readAll(r.body()));
        assertTrue(r.keepAlive());
    }

    @Test
    void shouldReadTheBodyByteByByte() throws IOException {
        HttpResponse r = reader(NGINX).readHead("GET");
        StringBuilder b = new StringBuilder();
        for (int c; (c = r.body().read()) >= 0; ) {
            b.append((char) c);
        }
        assertEquals("hello", b.toString());
    }

    @Test
    void shouldReadTheSameFromAStreamThatTrickles() throws IOException {
        String two = NGINX + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n";
        ResponseReader r = Wire.tricklingReader(two);
        assertEquals("hello", readAll(r.readHead("GET").body()));
        assertEquals("abc", readAll(r.readHead("GET").body()));
    }

    @Test
    void shouldReadResponsesOneAfterTheOtherOnAKeptAliveConnection() throws IOException {
        // RFC 9112 §9.3: the body ends where Content-Length says; the next response follows.
        ResponseReader r = reader(NGINX + "HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnopeHTTP/1.1 204 No Content\r\n\r\n");
        assertEquals("hello", readAll(r.readHead("GET").body()));
        HttpResponse second = r.readHead("GET");
        assertEquals(404, second.status());
        assertEquals("nop", readAll(second.body()));
        assertThrows(HttpProtocolException.class, () -> r.readHead("GET"), "\"eHTTP/1.1\" is no status line");
    }

    @Test
    void shouldDrainAnUnreadBodyBeforeTheNextHead() throws IOException {
        ResponseReader r = reader(NGINX + "HTTP/1.1 204 No Content\r\n\r\n");
        HttpResponse first = r.readHead("GET");
        assertEquals('h', first.body().read());
        assertEquals(204, r.readHead("GET").status());
        assertEquals(-1, first.body().read());
    }

    @Test
    void shouldReadAChunkedBodyWithExtensionsAndTrailers() throws IOException {
        // RFC 9112 §7.1: chunk extensions ignored, trailer fields read and discarded.
        HttpResponse r = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n6 ; a=\"q;x\"\r\n world\r\n0\r\nExpires: never\r\nX-Sum: 1\r\n\r\n")
                .readHead("GET");
        assertEquals(-1, r.contentLength());
        assertEquals("hello world", readAll(r.body()));
        assertTrue(r.keepAlive());
    }

    @Test
    void shouldReadTheResponseAfterAChunkedOne() throws IOException {
        ResponseReader r = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\ncd");
        assertEquals("ab", readAll(r.readHead("GET").body()));
        assertEquals("cd", readAll(r.readHead("GET").body()));
    }

    @Test
    void shouldReadABodyDelimitedByClose() throws IOException {
        // RFC 9112 §6.3 item 8: neither Content-Length nor Transfer-Encoding: read until close.
        HttpResponse r = reader("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end").readHead("GET");
        assertEquals(-1, r.contentLength());
        assertEquals("until the end", readAll(r.body()));
        assertFalse(r.keepAlive(), "the close is the end of the body");
    }

    @Test
    void shouldReadNoBodyForAHeadRequest() throws IOException {
        // RFC 9112 §6.3 item 1: a response to HEAD has no body, whatever its Content-Length.
        ResponseReader r = reader("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
        HttpResponse head = r.readHead("HEAD");
        assertEquals(0, head.contentLength());
        assertEquals("1234", head.headers().get("Content-Length"));
        assertEquals("", readAll(head.body()));
        assertTrue(head.keepAlive());
        assertEquals("x", readAll(r.readHead("GET").body()));
    }

    @Test
    void shouldReadNoBodyFor204() throws IOException {
        // RFC 9112 §6.3 item 1.
        ResponseReader r = reader("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        assertEquals("", readAll(r.readHead("DELETE").body()));
        assertEquals(200, r.readHead("GET").status());
    }

    @Test
    void shouldReadNoBodyFor304EvenWithAContentLength() throws IOException {
        // RFC 9112 §6.3 item 1; RFC 9110 §8.6: a 304 may carry the length the 200 would have.
        ResponseReader r = reader("HTTP/1.1 304 Not Modified\r\nContent-Length: 615\r\nETag: \"x\"\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\ny");
        HttpResponse notModified = r.readHead("GET");
        assertEquals(0, notModified.contentLength());
        assertEquals("", readAll(notModified.body()));
        assertEquals("y", readAll(r.readHead("GET").body()));
    }

    @Test
    void shouldSkip100Continue() throws IOException {
        // RFC 9110 §15.2: a client MUST be able to parse interim responses and go on to the final one.
        HttpResponse r = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
                .readHead("PUT");
        assertEquals(201, r.status());
        assertEquals("ok", readAll(r.body()));
    }

    @Test
    void shouldSkipSeveralInterimResponsesWithFields() throws IOException {
        // RFC 8297: 103 Early Hints carries fields; RFC 2518: 102 Processing.
        HttpResponse r = reader("HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").readHead("GET");
        assertEquals(200, r.status());
        assertEquals(List.of("Content-Length"), r.headers().names());
    }

    @Test
    void shouldReturn101AsTheLastResponse() throws IOException {
        // RFC 9110 §15.2.2: after 101 the connection speaks another protocol.
        HttpResponse r = reader("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
                .readHead("GET");
        assertEquals(101, r.status());
        assertEquals(0, r.contentLength());
        assertFalse(r.keepAlive());
    }

    @Test
    void shouldReadNoBodyForA2xxToConnect() throws IOException {
        // RFC 9112 §6.3 item 2: a 2xx to CONNECT makes the connection a tunnel.
        HttpResponse r = reader("HTTP/1.1 200 Connection Established\r\n\r\n\u0016\u0003\u0001").readHead("CONNECT");
        assertEquals(0, r.contentLength());
        assertFalse(r.keepAlive());
    }

    @Test
    void shouldKeepAliveAnHttp10ResponseOnlyWithKeepAlive() throws IOException {
        // RFC 9112 §9.3 and Appendix C.2.2.
        assertFalse(reader("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").readHead("GET").keepAlive());
        assertTrue(reader("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n").readHead("GET").keepAlive());
    }

    @Test
    void shouldNotKeepAliveAResponseWithConnectionClose() throws IOException {
        assertFalse(reader("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").readHead("GET").keepAlive());
    }

    @Test
    void shouldReadAPythonHttpServerResponse() throws IOException {
        // python3 -m http.server: HTTP/1.0, Content-type spelled so, closes after the body.
        String body = "<html>hi</html>\n";
        HttpResponse r = reader("HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11.2\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-type: text/html\r\nContent-Length: " + body.length()
                + "\r\nLast-Modified: Sat, 05 Nov 1994 08:49:37 GMT\r\n\r\n" + body).readHead("GET");
        assertEquals(0, r.versionMinor());
        assertEquals("text/html", r.headers().get("Content-Type"));
        assertEquals(body, readAll(r.body()));
        assertFalse(r.keepAlive());
    }

    @Test
    void shouldUnfoldObsFoldInAResponse() throws IOException {
        // RFC 9112 §5.2: a user agent replaces each obs-fold with SP.
        HttpResponse r = reader("HTTP/1.1 200 OK\r\nX-Long: one\r\n   two\r\n\tthree\r\nContent-Length: 0\r\n\r\n").readHead("GET");
        assertEquals("one two three", r.headers().get("X-Long"));
    }

    @Test
    void shouldAcceptAStatusLineWithoutReason() throws IOException {
        // RFC 9112 §4: the reason may be empty; some servers leave out the SP before it too.
        assertEquals("", reader("HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n").readHead("GET").reason());
        assertEquals("", reader("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n").readHead("GET").reason());
    }

    @Test
    void shouldAcceptAnUnknownStatusCodeInRange() throws IOException {
        // RFC 9110 §15: an unrecognized code is understood as the x00 of its class.
        assertEquals(299, reader("HTTP/1.1 299 Whatever\r\nContent-Length: 0\r\n\r\n").readHead("GET").status());
    }

    @Test
    void shouldAcceptBareLfLineEndingsInTheHead() throws IOException {
        // RFC 9112 §2.2.
        assertEquals("ok", readAll(reader("HTTP/1.1 200 OK\nContent-Length: 2\n\nok").readHead("GET").body()));
    }

    @Test
    void shouldThrowEofWhenTheConnectionClosesBeforeAResponse() {
        // A server may close an idle kept-alive connection (RFC 9112 §9.5): the client retries.
        assertThrows(EOFException.class, () -> reader("").readHead("GET"));
    }

    @Test
    void shouldThrowEofAfterTheLastResponseOfAConnection() throws IOException {
        ResponseReader r = reader(NGINX);
        readAll(r.readHead("GET").body());
        assertThrows(EOFException.class, () -> r.readHead("GET"));
    }

    @Test
    void shouldNotCloseTheConnectionWhenTheBodyIsClosed() throws IOException {
        ResponseReader r = reader(NGINX + "HTTP/1.1 204 No Content\r\n\r\n");
        r.readHead("GET").body().close();
        assertEquals(204, r.readHead("GET").status());
    }
}
