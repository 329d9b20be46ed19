package io.slipway.app.http;

import java.util.List;
import java.util.Objects;

/**
 * Incremental request parser for a server: feed whatever arrived; it never blocks, never
 * throws because of what a peer sent, and bounds its memory by {@link HttpLimits} (one line
 * buffer of at most max(request line, header section) bytes, plus the parsed fields).
 *
 * <p>After a request head is complete ({@link State#HEAD_DONE}) the caller takes the
 * {@link #request()} and frames the body by {@link #contentLength()} (RFC 9112 §6.3): that many
 * bytes follow, or, for {@link #CHUNKED}, a chunked body that a {@link ChunkedDecoder} reads. A
 * server that serves only GET and HEAD must still read past (or refuse) a body before the next
 * request, then {@link #reset()} and feed what is left.
 *
 * <p>What is refused, and with which status ({@link #failureStatus()}):
 * <ul>
 * <li>400: bad syntax of the request line or a field line (see {@link HeadParser}: bare CR,
 *     obs-fold, whitespace before a colon, control octets); a target in the wrong form for the
 *     method (RFC 9112 §3.2); no Host in HTTP/1.1, more than one Host, an invalid one (§3.2);
 *     both Content-Length and Transfer-Encoding (§6.3 item 3, where RFC 9112 lets a server
 *     reject, since it is the mark of request smuggling); Transfer-Encoding in HTTP/1.0 (§6.1);
 *     chunked twice or not at all in Transfer-Encoding (§6.1); a Content-Length that is not one
 *     decimal number (§6.3 item 5)</li>
 * <li>414: a request line longer than {@link HttpLimits#maxRequestLineBytes()}</li>
 * <li>431: a header section longer than {@link HttpLimits#maxHeaderSectionBytes()} or more than
 *     {@link HttpLimits#maxHeaderFields()} fields (RFC 6585 §5)</li>
 * <li>413: a Content-Length above {@link HttpLimits#maxBodyBytes()} (RFC 9110 §15.5.14)</li>
 * <li>501: a transfer coding other than chunked (RFC 9112 §6.1), a method other than those of
 *     {@link HttpMethod} (RFC 9110 §9.1)</li>
 * <li>505: a major version other than 1 (RFC 9110 §15.6.6). HTTP/1.2 to 1.9 are taken as 1.1,
 *     as RFC 9110 §6.2 asks</li>
 * </ul>
 * A failed parser consumes nothing more until {@link #reset()}; the server answers with the
 * status and closes the connection, since the framing of what follows is unknown.
 *
 * <p>Lenience, RFC 9112 §2.2: empty lines before the request line are ignored, a bare LF ends a
 * line. Feeding the bytes whole or split anyhow gives the same result.
 */
public final class RequestParser {
    /** Where the parser is. */
    public enum State {
        /** The head is not complete: feed more. */
        NEED_MORE,
        /** The head is complete; {@link #request()} and {@link #contentLength()} tell what it is. */
        HEAD_DONE,
        /** The head is refused; {@link #failureStatus()} is the status to answer with. */
        FAILED
    }

    /** {@link #contentLength()} of a request with {@code Transfer-Encoding: chunked}. */
    public static final long CHUNKED = -1;

    private final HttpLimits limits;
    private final HeadParser head;
    private State state = State.NEED_MORE;
    /** The request line of the head being parsed, once it is complete and valid. */
    private RequestLine requestLine;
    private HttpRequest request;
    private long contentLength;
    private HeadFailure failure;

    /** A parser for requests within {@code limits}. */
    public RequestParser(HttpLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.head = new HeadParser(limits, "request line", false, this::acceptRequestLine);
    }

    /**
     * Consumes up to {@code len} bytes of {@code b} from {@code off}.
     *
     * @return how many were consumed: all of them while the head goes on; when it ends, up to and
     *     including its final LF (what follows is the body or the next, pipelined request and
     *     stays with the caller); when it fails, up to the byte that made it fail; 0 when the
     *     parser is not {@link State#NEED_MORE}
     */
    public int feed(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (state != State.NEED_MORE) {
            return 0;
        }
        int consumed = head.feed(b, off, len);
        if (head.state() == HeadParser.State.DONE) {
            completeHead(head.headers());
        } else if (head.state() == HeadParser.State.FAILED) {
            fail(head.failure());
        }
        return consumed;
    }

    public State state() {
        return state;
    }

    /**
     * The request head.
     *
     * @throws IllegalStateException unless {@link State#HEAD_DONE}
     */
    public HttpRequest request() {
        requireState(State.HEAD_DONE);
        return request;
    }

    /**
     * The declared body length: 0 when the request has no body (RFC 9112 §6.3 item 7), the
     * Content-Length, or {@link #CHUNKED}.
     *
     * @throws IllegalStateException unless {@link State#HEAD_DONE}
     */
    public long contentLength() {
        requireState(State.HEAD_DONE);
        return contentLength;
    }

    /**
     * The status to answer a refused request with: 400, 413, 414, 431, 501 or 505.
     *
     * @throws IllegalStateException unless {@link State#FAILED}
     */
    public int failureStatus() {
        requireState(State.FAILED);
        return failure.status();
    }

    /**
     * Why the request was refused, one line for logs; peer data in it is quoted and escaped.
     *
     * @throws IllegalStateException unless {@link State#FAILED}
     */
    public String failureReason() {
        requireState(State.FAILED);
        return failure.reason();
    }

    /** Ready for the next request on the same connection (keep-alive), whatever the state. */
    public void reset() {
        head.reset();
        state = State.NEED_MORE;
        requestLine = null;
        request = null;
        contentLength = 0;
        failure = null;
    }

    /** The limits this parser enforces. */
    public HttpLimits limits() {
        return limits;
    }

    /** Bytes of the line buffer, for tests of the memory bound. */
    int bufferCapacity() {
        return head.bufferCapacity();
    }

    private HeadFailure acceptRequestLine(String line) {
        requestLine = RequestLine.parse(line);
        return requestLine.failure;
    }

    private void completeHead(HttpHeaders headers) {
        HeadFailure f = checkHost(headers);
        if (f == null) {
            f = frameBody(headers);
        }
        if (f != null) {
            fail(f);
            return;
        }
        request = new HttpRequest(requestLine.method, requestLine.target, requestLine.versionMajor,
                requestLine.versionMinor, headers);
        state = State.HEAD_DONE;
    }

    /** RFC 9112 §3.2: a server MUST answer 400 to these. */
    private HeadFailure checkHost(HttpHeaders headers) {
        List<String> hosts = headers.getAll("Host");
        if (hosts.size() > 1) {
            return HeadFailure.badRequest("more than one Host field (RFC 9112 §3.2)");
        }
        if (hosts.isEmpty()) {
            return requestLine.versionMinor >= 1 ? HeadFailure.badRequest("HTTP/1.1 request without Host (RFC 9112 §3.2)")
                    : null;
        }
        return HostField.isValid(hosts.get(0)) ? null
                : HeadFailure.badRequest("invalid Host " + LogText.quote(hosts.get(0)) + " (RFC 9110 §7.2)");
    }

    /** RFC 9112 §6.3, items 3 to 7, for a request. */
    private HeadFailure frameBody(HttpHeaders headers) {
        boolean transferEncoding = headers.contains("Transfer-Encoding");
        boolean length = headers.contains("Content-Length");
        if (transferEncoding && length) {
            return HeadFailure.badRequest("both Transfer-Encoding and Content-Length (RFC 9112 §6.3)");
        }
        if (transferEncoding) {
            return frameTransferEncoding(headers);
        }
        if (length) {
            long n = BodyFraming.contentLength(headers.getAll("Content-Length"));
            if (n == BodyFraming.INVALID_LENGTH) {
                return HeadFailure.badRequest("invalid Content-Length " + LogText.quote(String.join(", ",
                        headers.getAll("Content-Length"))) + " (RFC 9112 §6.3)");
            }
            if (n > limits.maxBodyBytes()) {
                return new HeadFailure(HttpStatus.CONTENT_TOO_LARGE,
                        "Content-Length above the limit of " + limits.maxBodyBytes() + " bytes");
            }
            contentLength = n;
            return null;
        }
        contentLength = 0;
        return null;
    }

    private HeadFailure frameTransferEncoding(HttpHeaders headers) {
        if (requestLine.versionMinor == 0) {
            // RFC 9112 §6.1: its framing is faulty, even if a Content-Length is present.
            return HeadFailure.badRequest("Transfer-Encoding in an HTTP/1.0 request (RFC 9112 §6.1)");
        }
        List<String> codings = BodyFraming.transferCodings(headers.getAll("Transfer-Encoding"));
        switch (BodyFraming.coding(codings)) {
            case CHUNKED:
                contentLength = CHUNKED;
                return null;
            case UNSUPPORTED:
                return new HeadFailure(HttpStatus.NOT_IMPLEMENTED, "unsupported transfer coding "
                        + LogText.quote(BodyFraming.firstUnsupported(codings)) + " (RFC 9112 §6.1)");
            default:
                return HeadFailure.badRequest("invalid Transfer-Encoding " + LogText.quote(String.join(", ",
                        headers.getAll("Transfer-Encoding"))) + ": chunked must be there once (RFC 9112 §6.1)");
        }
    }

    private void fail(HeadFailure f) {
        failure = f;
        state = State.FAILED;
    }

    private void requireState(State expected) {
        if (state != expected) {
            throw new IllegalStateException("parser is " + state + ", not " + expected);
        }
    }
}
