package io.slipway.app.http;

import java.io.InputStream;

/**
 * A response as a {@link ResponseReader} read it: the head, and the body as a stream decoded
 * from its framing. Read the body to -1 before the next request on the connection (the reader
 * does it for the caller otherwise).
 */
public final class HttpResponse {
    private final int versionMajor;
    private final int versionMinor;
    private final int status;
    private final String reason;
    private final HttpHeaders headers;
    private final long contentLength;
    private final boolean keepAlive;
    private final InputStream body;

    HttpResponse(StatusLine line, HttpHeaders headers, ResponseFraming framing) {
        this.versionMajor = line.versionMajor;
        this.versionMinor = line.versionMinor;
        this.status = line.status;
        this.reason = line.reason;
        this.headers = headers;
        this.contentLength = framing.contentLength;
        this.keepAlive = framing.keepAlive;
        this.body = framing.body;
    }

    public int versionMajor() {
        return versionMajor;
    }

    /** 0 or 1 (a higher 1.x is taken as 1.1, RFC 9110 §6.2). */
    public int versionMinor() {
        return versionMinor;
    }

    public int status() {
        return status;
    }

    /** The reason phrase as sent, possibly empty; not to be relied on (RFC 9112 §4). */
    public String reason() {
        return reason;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /**
     * The body's length from its framing: the Content-Length, 0 when there is no body (HEAD,
     * 1xx, 204, 304, even if a Content-Length field is there), -1 when unknown (chunked, or until
     * the server closes).
     */
    public long contentLength() {
        return contentLength;
    }

    /**
     * Whether the connection may carry another request once this body is fully read: it
     * persists by RFC 9112 §9.3 ({@link HttpRequest#keepAlive()}'s rules, from the response's
     * side) and the body's end is not the connection's close.
     */
    public boolean keepAlive() {
        return keepAlive;
    }

    /**
     * The content, decoded from the framing (chunk trailers read and discarded). Ends at -1
     * where the message ends; throws {@link HttpProtocolException} when the connection closes
     * before that, or the framing is broken or above a limit. Closing it does nothing.
     */
    public InputStream body() {
        return body;
    }

    /** The status line as read: {@code HTTP/1.1 200 OK}. */
    @Override
    public String toString() {
        return "HTTP/" + versionMajor + "." + versionMinor + " " + status + " " + reason;
    }
}
