package io.slipway.app.http;

import static io.slipway.app.http.Wire.parsedWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a request's body is framed (RFC 9112 §6), and the Host rules (§3.2). */
class RequestParserFramingTest {
    private static RequestParser head(String fields) {
        return parsedWhole("POST /up HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n");
    }

    private static int status(String fields) {
        RequestParser p = head(fields);
        assertEquals(RequestParser.State.FAILED, p.state(), fields);
        return p.failureStatus();
    }

    @Test
    void shouldFrameNoBodyWithoutContentLengthOrTransferEncoding() {
        // RFC 9112 §6.3 item 7: a request without either has no body.
        assertEquals(0, head("").contentLength());
    }

    @Test
    void shouldFrameTheContentLength() {
        // RFC 9112 §6.3 item 6.
        assertEquals(1234, head("Content-Length: 1234\r\n").contentLength());
    }

    @Test
    void shouldFrameChunked() {
        // RFC 9112 §6.3 item 4.
        assertEquals(RequestParser.CHUNKED, head("Transfer-Encoding: chunked\r\n").contentLength());
    }

    @Test
    void shouldReadTransferCodingNamesCaseInsensitively() {
        // RFC 9112 §7: transfer-coding names are case-insensitive.
        assertEquals(RequestParser.CHUNKED, head("Transfer-Encoding: Chunked\r\n").contentLength());
    }

    @Test
    void shouldAcceptRepeatedIdenticalContentLengths() {
        // RFC 9110 §8.6: a recipient MAY take a list of one repeated value as that value.
        assertEquals(5, head("Content-Length: 5, 5\r\nContent-Length: 5\r\n").contentLength());
    }

    @Test
    void shouldAcceptAContentLengthWithLeadingZeros() {
        assertEquals(5, head("Content-Length: 005\r\n").contentLength());
    }

    @Test
    void shouldRejectConflictingContentLengths() {
        // RFC 9112 §6.3 item 5: differing values make the framing invalid, 400.
        assertEquals(400, status("Content-Length: 5\r\nContent-Length: 6\r\n"));
    }

    @Test
    void shouldRejectAConflictingContentLengthList() {
        assertEquals(400, status("Content-Length: 5, 6\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "+5", "0x10", "5 5", "five", "", "5,", "1e3", "5.0"})
    void shouldRejectAContentLengthThatIsNotDigits(String value) {
        // RFC 9110 §8.6: Content-Length = 1*DIGIT.
        assertEquals(400, status("Content-Length: " + value + "\r\n"));
    }

    @Test
    void shouldRejectBothContentLengthAndTransferEncoding() {
        // RFC 9112 §6.3 item 3: the sign of request smuggling; a server may reject it.
        assertEquals(400, status("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"));
    }

    @Test
    void shouldAnswer501ToATransferCodingItDoesNotKnow() {
        // RFC 9112 §6.1: a server SHOULD answer 501 to a coding it does not understand.
        assertEquals(501, status("Transfer-Encoding: gzip, chunked\r\n"));
    }

    @Test
    void shouldAnswer501ToChunkedWithParameters() {
        assertEquals(501, status("Transfer-Encoding: chunked;q=1\r\n"));
    }

    @Test
    void shouldRejectChunkedTwice() {
        // RFC 9112 §6.1: a sender MUST NOT apply chunked more than once.
        assertEquals(400, status("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"));
    }

    @Test
    void shouldRejectAnEmptyTransferEncoding() {
        assertEquals(400, status("Transfer-Encoding: , \r\n"));
    }

    @Test
    void shouldRejectATransferEncodingThatIsNotAToken() {
        assertEquals(400, status("Transfer-Encoding: \"chunked\"\r\n"));
    }

    @Test
    void shouldRejectTransferEncodingInHttp10() {
        // RFC 9112 §6.1: HTTP/1.0 with Transfer-Encoding is treated as faulty framing.
        assertEquals(400, parsedWhole("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n").failureStatus());
    }

    @Test
    void shouldRejectAnHttp11RequestWithoutHost() {
        // RFC 9112 §3.2: a server MUST answer 400.
        assertEquals(400, parsedWhole("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n").failureStatus());
    }

    @Test
    void shouldRejectTwoHostFields() {
        // RFC 9112 §3.2: more than one Host field line, 400.
        assertEquals(400, status("Host: b\r\n"));
    }

    @Test
    void shouldRejectTwoHostFieldsInHttp10() {
        assertEquals(400, parsedWhole("GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n").failureStatus());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a/b", "a@b", "[::1", "[]", "a:80x", "a:b", "%zz", "a%2"})
    void shouldRejectAnInvalidHost(String host) {
        // RFC 9112 §3.2: a Host field with an invalid value, 400.
        assertEquals(400, parsedWhole("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").failureStatus());
    }
}
