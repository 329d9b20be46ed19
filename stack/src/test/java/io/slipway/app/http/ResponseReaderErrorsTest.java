package io.slipway.app.http;

import static io.slipway.app.http.Wire.readAll;
import static io.slipway.app.http.Wire.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the reader refuses: broken framing, bad syntax, limits passed, truncation (RFC 9112 §6.3, §8). */
class ResponseReaderErrorsTest {
    private static final HttpLimits SMALL = new HttpLimits(32, 64, 3, 100, 8);

    private static String headError(String response) {
        return assertThrows(HttpProtocolException.class, () -> reader(response).readHead("GET")).getMessage();
    }

    private static String bodyError(HttpLimits limits, String response) throws IOException {
        InputStream body = reader(limits, response).readHead("GET").body();
        return assertThrows(HttpProtocolException.class, () -> readAll(body)).getMessage();
    }

    private static String bodyError(String response) throws IOException {
        return bodyError(HttpLimits.DEFAULT, response);
    }

    @Test
    void shouldRefuseABodyShorterThanItsContentLength() throws IOException {
        // RFC 9112 §8: a message closed before Content-Length octets is incomplete, not shorter.
        String message = bodyError("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel");
        assertEquals("connection closed after 3 of 5 body bytes (Content-Length; RFC 9112 §8)", message);
    }

    @Test
    void shouldKeepRefusingATruncatedBody() throws IOException {
        InputStream body = reader("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel").readHead("GET").body();
        assertThrows(HttpProtocolException.class, () -> readAll(body));
        assertThrows(HttpProtocolException.class, body::read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5\r\nhel", "5\r\nhello", "5\r\nhello\r\n", "5", "5;ext", "5\r\nhello\r\n0\r\n",
        "5\r\nhello\r\n0\r\nTrailer: x", "5\r\nhello\r\n0\r\n\r"})
    void shouldRefuseAChunkedBodyCutShort(String chunks) throws IOException {
        // RFC 9112 §8: the body ends with the last chunk and the final CRLF, not with the connection.
        bodyError("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);
    }

    @Test
    void shouldRefuseAChunkSizeThatOverflows() throws IOException {
        bodyError("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF\r\n");
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheBodyLimit() throws IOException {
        String message = bodyError(SMALL, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n");
        assertTrue(message.contains("limit"), message);
    }

    @Test
    void shouldRefuseMalformedChunks() throws IOException {
        bodyError("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    }

    @Test
    void shouldRefuseACloseDelimitedBodyOverTheBodyLimit() throws IOException {
        HttpResponse r = reader(SMALL, "HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(101)).readHead("GET");
        byte[] buf = new byte[1000];
        int total = 0;
        try {
            for (int n; (n = r.body().read(buf)) >= 0; ) {
                total += n;
            }
        } catch (HttpProtocolException e) {
            assertEquals(100, total, "every byte up to the limit, none past it");
            return;
        }
        throw new AssertionError("read " + total + " bytes past the limit");
    }

    @Test
    void shouldAcceptACloseDelimitedBodyOfExactlyTheBodyLimit() throws IOException {
        assertEquals(100, readAll(reader(SMALL, "HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(100)).readHead("GET").body()).length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0", "abc", "5, 6", "0x10", "", "1 2", "+3"})
    void shouldRefuseAnInvalidContentLength(String value) {
        // RFC 9112 §6.3 item 5: an unrecoverable error; the user agent closes the connection.
        assertTrue(headError("HTTP/1.1 200 OK\r\nContent-Length: " + value + "\r\n\r\n").contains("Content-Length"));
    }

    @Test
    void shouldRefuseAContentLengthOverTheBodyLimit() {
        assertThrows(HttpProtocolException.class,
                () -> reader(SMALL, "HTTP/1.1 200 OK\r\nContent-Length: 101\r\n\r\n").readHead("GET"));
    }

    @Test
    void shouldRefuseAContentLengthTooLargeForALong() {
        assertTrue(headError("HTTP/1.1 200 OK\r\nContent-Length: 123456789012345678901234567890\r\n\r\n")
                .contains("too large"));
    }

    @Test
    void shouldRefuseTransferEncodingWithContentLength() {
        // RFC 9112 §6.3 item 3: the mark of response splitting, handled as an error.
        headError("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n");
    }

    @Test
    void shouldRefuseATransferCodingOtherThanChunked() {
        assertTrue(headError("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n").contains("gzip"));
    }

    @Test
    void shouldRefuseTransferEncodingInHttp10() {
        // RFC 9112 §6.1: faulty framing.
        headError("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    }

    @Test
    void shouldRefuseATooLongStatusLine() {
        String message = assertThrows(HttpProtocolException.class,
                () -> reader(SMALL, "HTTP/1.1 200 " + "O".repeat(20) + "\r\n\r\n").readHead("GET")).getMessage();
        assertEquals("status line longer than 32 bytes", message);
    }

    @Test
    void shouldAcceptAStatusLineOfExactlyTheLimit() throws IOException {
        assertEquals(200, reader(SMALL, "HTTP/1.1 200 " + "O".repeat(19) + "\r\nContent-Length: 0\r\n\r\n")
                .readHead("GET").status());
    }

    @Test
    void shouldRefuseATooLargeHeaderSection() {
        String message = assertThrows(HttpProtocolException.class,
                () -> reader(SMALL, "HTTP/1.1 200 OK\r\nX: " + "v".repeat(60) + "\r\n\r\n").readHead("GET")).getMessage();
        assertEquals("header section longer than 64 bytes", message);
    }

    @Test
    void shouldRefuseTooManyHeaderFields() {
        assertThrows(HttpProtocolException.class,
                () -> reader(SMALL, "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n").readHead("GET"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2 200 OK", "HTTP/2.0 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK",
        "HTTP/1.1 600 Custom", "HTTP/1.1 099 Low", "http/1.1 200 OK", "HTTP/1.1  200 OK", "ICY 200 OK",
        "HTTP/1.1 200 O\u0000K", "HTTP/1.1 abc OK", "<html>"})
    void shouldRefuseABadStatusLine(String line) {
        // RFC 9112 §4; RFC 9110 §15: codes 100..599.
        headError(line + "\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void shouldRefuseWhitespaceBeforeTheColon() {
        // RFC 9112 §5.1.
        headError("HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n");
    }

    @Test
    void shouldRefuseABareCrInTheHead() {
        // RFC 9112 §2.2.
        headError("HTTP/1.1 200 OK\rContent-Length: 0\r\n\r\n");
    }

    @Test
    void shouldRefuseAConnectionClosedWithinTheHead() {
        String message = headError("HTTP/1.1 200 OK\r\nContent-Len");
        assertEquals("connection closed within a response head", message);
    }

    @Test
    void shouldRefuseAConnectionClosedAfterAnInterimResponse() {
        // Bytes came, so this is no idle close (EOFException) but a truncated exchange.
        IOException e = assertThrows(IOException.class, () -> reader("HTTP/1.1 100 Continue\r\n\r\n").readHead("GET"));
        assertInstanceOf(HttpProtocolException.class, e);
        assertFalse(e instanceof EOFException);
    }

    @Test
    void shouldStayBrokenAfterAnError() {
        ResponseReader r = reader("HTTP/9.9 200 OK\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        assertThrows(HttpProtocolException.class, () -> r.readHead("GET"));
        assertTrue(assertThrows(HttpProtocolException.class, () -> r.readHead("GET")).getMessage().contains("unusable"));
    }

    @Test
    void shouldPassOnTheStreamsOwnErrors() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        ResponseReader r = new ResponseReader(failing, HttpLimits.DEFAULT);
        assertEquals("connection reset", assertThrows(IOException.class, () -> r.readHead("GET")).getMessage());
    }
}
