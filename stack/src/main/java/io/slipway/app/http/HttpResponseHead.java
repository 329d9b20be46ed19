package io.slipway.app.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A response head to send: status line (RFC 9112 §4) and header fields. The headers are the
 * caller's object, not a copy. Framing headers (Content-Length, Transfer-Encoding) are the
 * caller's to set: this class writes what it is given.
 */
public final class HttpResponseHead {
    private final int status;
    private final String reason;
    private final HttpHeaders headers;

    /**
     * An HTTP/1.1 status line with the reason phrase of {@link HttpStatus#reason}.
     *
     * @throws IllegalArgumentException for a status outside 100..599 (RFC 9110 §15)
     */
    public HttpResponseHead(int status, HttpHeaders headers) {
        this(status, HttpStatus.reason(status), headers);
    }

    /**
     * An HTTP/1.1 status line with a reason phrase of one's own (RFC 9112 §4:
     * {@code reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )}, or empty).
     *
     * @throws IllegalArgumentException for a status outside 100..599 or a reason with a control character
     */
    public HttpResponseHead(int status, String reason, HttpHeaders headers) {
        Objects.requireNonNull(reason, "reason");
        this.headers = Objects.requireNonNull(headers, "headers");
        if (!HttpStatus.isValid(status)) {
            throw new IllegalArgumentException("status code outside 100..599: " + status);
        }
        if (!StatusLine.isReasonPhrase(reason)) {
            throw new IllegalArgumentException("invalid reason phrase: " + LogText.quote(reason));
        }
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The head as sent: status line, field lines, empty line, every line ending CRLF. */
    public byte[] encode() {
        StringBuilder b = new StringBuilder(64 + 32 * headers.size());
        b.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        headers.appendTo(b);
        b.append("\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The status line: {@code HTTP/1.1 404 Not Found}. */
    @Override
    public String toString() {
        return "HTTP/1.1 " + status + " " + reason;
    }
}
