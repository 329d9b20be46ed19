package io.slipway.app.http;

import java.util.List;

/**
 * How a response body is framed, RFC 9112 §6.3 in its order: no body for a response to HEAD,
 * a 1xx, 204 or 304 (item 1), or a 2xx to CONNECT (item 2, a tunnel); chunked (item 4);
 * Content-Length (item 6); else until the server closes (item 8).
 *
 * <p>Refused, as errors the client cannot recover from (RFC 9112 §6.3: a user agent closes the
 * connection and discards the response): both Transfer-Encoding and Content-Length (item 3,
 * the mark of response splitting); Transfer-Encoding in HTTP/1.0 (§6.1); a transfer coding
 * other than chunked (the browser sends no TE, so a server may use no other, RFC 9110 §10.1.4);
 * an invalid Content-Length (item 5), or one above the body limit.
 */
final class ResponseFraming {
    final BodyStream body;
    /** The body's length, 0 when none; -1 when unknown (chunked, until close). */
    final long contentLength;
    /** The connection can carry another request once this body is read. */
    final boolean keepAlive;

    private ResponseFraming(BodyStream body, long contentLength, boolean keepAlive) {
        this.body = body;
        this.contentLength = contentLength;
        this.keepAlive = keepAlive;
    }

    static ResponseFraming of(String requestMethod, StatusLine line, HttpHeaders headers, ByteSource source,
                              HttpLimits limits) throws HttpProtocolException {
        boolean persistent = Persistence.persists(line.versionMinor, headers);
        int status = line.status;
        boolean tunnel = status / 100 == 2 && requestMethod.equals(HttpMethod.CONNECT);
        if (requestMethod.equals(HttpMethod.HEAD) || status / 100 == 1 || status == HttpStatus.NO_CONTENT
                || status == HttpStatus.NOT_MODIFIED || tunnel) {
            // After 101 or a tunnel the connection no longer carries HTTP (RFC 9110 §15.2.2, §9.3.6).
            boolean httpGoesOn = status != HttpStatus.SWITCHING_PROTOCOLS && !tunnel;
            return new ResponseFraming(new EmptyBody(), 0, persistent && httpGoesOn);
        }
        boolean transferEncoding = headers.contains("Transfer-Encoding");
        boolean length = headers.contains("Content-Length");
        if (transferEncoding) {
            if (length) {
                throw new HttpProtocolException("response with both Transfer-Encoding and Content-Length (RFC 9112 §6.3)");
            }
            if (line.versionMinor == 0) {
                throw new HttpProtocolException("Transfer-Encoding in an HTTP/1.0 response (RFC 9112 §6.1)");
            }
            return chunked(headers.getAll("Transfer-Encoding"), source, limits, persistent);
        }
        if (length) {
            long n = BodyFraming.contentLength(headers.getAll("Content-Length"));
            if (n == BodyFraming.INVALID_LENGTH) {
                throw new HttpProtocolException("invalid Content-Length " + LogText.quote(String.join(", ",
                        headers.getAll("Content-Length"))) + " (RFC 9112 §6.3)");
            }
            if (n > limits.maxBodyBytes()) {
                throw new HttpProtocolException("Content-Length " + (n == Long.MAX_VALUE ? "too large" : n)
                        + " above the body limit of " + limits.maxBodyBytes() + " bytes");
            }
            return new ResponseFraming(new ContentLengthBody(source, n), n, persistent);
        }
        return new ResponseFraming(new CloseDelimitedBody(source, limits.maxBodyBytes()), -1, false);
    }

    private static ResponseFraming chunked(List<String> fieldValues, ByteSource source, HttpLimits limits,
                                           boolean persistent) throws HttpProtocolException {
        List<String> codings = BodyFraming.transferCodings(fieldValues);
        switch (BodyFraming.coding(codings)) {
            case CHUNKED:
                return new ResponseFraming(new ChunkedBody(source, new ChunkedDecoder(limits)), -1, persistent);
            case UNSUPPORTED:
                throw new HttpProtocolException("unsupported transfer coding "
                        + LogText.quote(BodyFraming.firstUnsupported(codings)) + ": only chunked is decoded");
            default:
                throw new HttpProtocolException("invalid Transfer-Encoding " + LogText.quote(String.join(", ", fieldValues))
                        + ": chunked must be there once (RFC 9112 §6.1)");
        }
    }
}
