package io.slipway.app.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A request head as parsed or to be sent: request line (RFC 9112 §3) and header fields. The
 * headers are the caller's object, not a copy: what is added to them later is sent.
 */
public final class HttpRequest {
    private final String method;
    private final String target;
    private final int versionMajor;
    private final int versionMinor;
    private final HttpHeaders headers;

    /** An HTTP/1.1 request. */
    public HttpRequest(String method, String target, HttpHeaders headers) {
        this(method, target, 1, 1, headers);
    }

    /**
     * @param method a token (RFC 9110 §9.1); not limited to {@link HttpMethod}'s
     * @param target the request-target (RFC 9112 §3.2) as sent: visible US-ASCII, not empty
     * @param versionMajor 1
     * @param versionMinor 0 or 1
     * @throws IllegalArgumentException for a method that is not a token, a target with a space or
     *     a control or non-ASCII character, a version other than 1.0 and 1.1
     */
    public HttpRequest(String method, String target, int versionMajor, int versionMinor, HttpHeaders headers) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        this.headers = Objects.requireNonNull(headers, "headers");
        if (!HttpSyntax.isToken(method)) {
            throw new IllegalArgumentException("method is not a token: " + LogText.quote(method));
        }
        if (!RequestLine.isTargetSyntax(target)) {
            throw new IllegalArgumentException("request-target must be visible US-ASCII: " + LogText.quote(target));
        }
        if (versionMajor != 1 || (versionMinor != 0 && versionMinor != 1)) {
            throw new IllegalArgumentException("not HTTP/1.0 or HTTP/1.1: " + versionMajor + "." + versionMinor);
        }
        this.method = method;
        this.target = target;
        this.versionMajor = versionMajor;
        this.versionMinor = versionMinor;
    }

    public String method() {
        return method;
    }

    public String target() {
        return target;
    }

    public int versionMajor() {
        return versionMajor;
    }

    public int versionMinor() {
        return versionMinor;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /**
     * Whether the connection persists after this request's response (RFC 9112 §9.3): not with
     * {@code Connection: close}; otherwise yes in HTTP/1.1, and in HTTP/1.0 only with
     * {@code Connection: keep-alive} (RFC 9112 Appendix C.2.2).
     */
    public boolean keepAlive() {
        return Persistence.persists(versionMinor, headers);
    }

    /**
     * The head as sent: request line, field lines, empty line, every line ending CRLF; US-ASCII
     * (obs-text octets of a value, if any, as themselves).
     */
    public byte[] encodeHead() {
        StringBuilder b = new StringBuilder(64 + 32 * headers.size());
        b.append(method).append(' ').append(target).append(" HTTP/").append(versionMajor).append('.')
                .append(versionMinor).append("\r\n");
        headers.appendTo(b);
        b.append("\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The request line: {@code GET /index.html HTTP/1.1}. */
    @Override
    public String toString() {
        return method + " " + target + " HTTP/" + versionMajor + "." + versionMinor;
    }
}
