package io.slipway.app.http;

import static io.slipway.app.http.Wire.bytes;
import static io.slipway.app.http.Wire.parsedWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Each limit of {@link HttpLimits#DEFAULT} at its boundary: a request that uses all of it
 * passes, one byte (or field) more fails with the status RFC 9110 / RFC 6585 give.
 */
class RequestParserLimitsTest {
    private static final HttpLimits LIMITS = HttpLimits.DEFAULT;

    /** A request line of exactly {@code length} bytes, CRLF not counted. */
    private static String requestLine(int length) {
        String frame = "GET / HTTP/1.1";
        return "GET /" + "a".repeat(length - frame.length()) + " HTTP/1.1";
    }

    /** A head whose header section (after the request line's CRLF, final CRLF included) is {@code bytes} long. */
    private static String headWithSection(int bytes) {
        String host = "Host: a\r\n";
        String padName = "X-Pad: ";
        int padValue = bytes - host.length() - padName.length() - "\r\n".length() - "\r\n".length();
        return "GET / HTTP/1.1\r\n" + host + padName + "p".repeat(padValue) + "\r\n\r\n";
    }

    /** A head with {@code count} field lines, Host among them. */
    private static String headWithFields(int count) {
        StringBuilder b = new StringBuilder("GET / HTTP/1.1\r\nHost: a\r\n");
        for (int i = 1; i < count; i++) {
            b.append("X-").append(i).append(": v\r\n");
        }
        return b.append("\r\n").toString();
    }

    @Test
    void shouldAcceptARequestLineOfExactlyTheLimit() {
        String line = requestLine(LIMITS.maxRequestLineBytes());
        assertEquals(8192, line.length());
        assertEquals(RequestParser.State.HEAD_DONE, parsedWhole(line + "\r\nHost: a\r\n\r\n").state());
    }

    @Test
    void shouldAnswer414ToARequestLineOneByteOverTheLimit() {
        // RFC 9110 §15.5.15: 414 URI Too Long.
        String line = requestLine(LIMITS.maxRequestLineBytes() + 1);
        assertEquals(414, parsedWhole(line + "\r\nHost: a\r\n\r\n").failureStatus());
    }

    @Test
    void shouldNotCountABareLfLineEndingAgainstTheRequestLine() {
        String line = requestLine(LIMITS.maxRequestLineBytes());
        assertEquals(RequestParser.State.HEAD_DONE, parsedWhole(line + "\nHost: a\n\n").state());
    }

    @Test
    void shouldAnswer414BeforeTheLineEnds() {
        // The limit bounds memory, so it is enforced on the byte that passes it.
        byte[] b = bytes(requestLine(LIMITS.maxRequestLineBytes() + 1));
        RequestParser p = new RequestParser(LIMITS);
        assertEquals(LIMITS.maxRequestLineBytes() + 1, p.feed(b, 0, b.length));
        assertEquals(414, p.failureStatus());
    }

    @Test
    void shouldAcceptAHeaderSectionOfExactlyTheLimit() {
        String head = headWithSection(LIMITS.maxHeaderSectionBytes());
        assertEquals(16 * 1024, head.length() - "GET / HTTP/1.1\r\n".length());
        assertEquals(RequestParser.State.HEAD_DONE, parsedWhole(head).state());
    }

    @Test
    void shouldAnswer431ToAHeaderSectionOneByteOverTheLimit() {
        // RFC 6585 §5: 431 Request Header Fields Too Large.
        assertEquals(431, parsedWhole(headWithSection(LIMITS.maxHeaderSectionBytes() + 1)).failureStatus());
    }

    @Test
    void shouldAnswer431ToOneHugeFieldBeforeItEnds() {
        byte[] b = bytes("GET / HTTP/1.1\r\nX: " + "v".repeat(LIMITS.maxHeaderSectionBytes()));
        RequestParser p = new RequestParser(LIMITS);
        p.feed(b, 0, b.length);
        assertEquals(431, p.failureStatus());
    }

    @Test
    void shouldAcceptExactlyTheMaximumNumberOfFields() {
        assertEquals(RequestParser.State.HEAD_DONE, parsedWhole(headWithFields(LIMITS.maxHeaderFields())).state());
    }

    @Test
    void shouldAnswer431ToOneFieldOverTheMaximum() {
        // RFC 6585 §5: too many fields is as much "too large" as too many bytes.
        assertEquals(431, parsedWhole(headWithFields(LIMITS.maxHeaderFields() + 1)).failureStatus());
    }

    @Test
    void shouldAcceptAContentLengthOfExactlyTheBodyLimit() {
        RequestParser p = parsedWhole("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 67108864\r\n\r\n");
        assertEquals(64L * 1024 * 1024, p.contentLength());
    }

    @Test
    void shouldAnswer413ToAContentLengthOneByteOverTheBodyLimit() {
        // RFC 9110 §15.5.14: 413 Content Too Large.
        assertEquals(413, parsedWhole("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 67108865\r\n\r\n").failureStatus());
    }

    @Test
    void shouldAnswer413ToAContentLengthTooLargeForALong() {
        assertEquals(413, parsedWhole("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n")
                .failureStatus());
    }

    @Test
    void shouldApplyLimitsOfItsOwn() {
        HttpLimits small = new HttpLimits(20, 40, 2, 10, 8);
        assertEquals(414, parsedWhole(small, "GET /123456789abcdefg HTTP/1.1\r\n\r\n").failureStatus());
        assertEquals(431, parsedWhole(small, "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n").failureStatus());
        assertEquals(413, parsedWhole(small, "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n").failureStatus());
    }

    @Test
    void shouldBoundItsBufferWhateverThePeerSends() {
        // DESIGN.md: memory is fixed by configuration, never by what a peer sends.
        RequestParser p = new RequestParser(LIMITS);
        byte[] garbage = new byte[1 << 20];
        Arrays.fill(garbage, (byte) 'a');
        byte[] start = bytes("GET / HTTP/1.1\r\nX: ");
        p.feed(start, 0, start.length);
        for (int off = 0; off < garbage.length && p.state() == RequestParser.State.NEED_MORE; off += 4096) {
            p.feed(garbage, off, 4096);
        }
        assertEquals(431, p.failureStatus());
        assertTrue(p.bufferCapacity() <= Math.max(LIMITS.maxRequestLineBytes(), LIMITS.maxHeaderSectionBytes()),
                "buffer " + p.bufferCapacity());
    }

    @Test
    void shouldKeepItsBufferSmallForSmallRequests() {
        assertTrue(parsedWhole("GET / HTTP/1.1\r\nHost: a\r\n\r\n").bufferCapacity() <= 256);
    }
}
