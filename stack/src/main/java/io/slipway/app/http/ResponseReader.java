package io.slipway.app.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Blocking response reader for a client on its own thread (the browser), one per connection:
 * reads a head from the stream, then gives the body as an InputStream decoded per RFC 9112
 * §6.3, enforcing {@link HttpLimits}. Interim 1xx responses (100 Continue, 103 Early Hints)
 * are skipped (RFC 9110 §15.2); 101 is returned, with no body, as the last response on the
 * connection.
 *
 * <p>It reads ahead into a buffer of its own, so use one reader for all the responses of a
 * connection. The head is parsed as a request's is (see {@link HeadParser}), except that obs-fold
 * is unfolded, as RFC 9112 §5.2 asks of a user agent, and the status line may lack the SP
 * before an empty reason.
 *
 * <p>Not thread-safe. After an {@link HttpProtocolException} the connection is unusable: close it.
 */
public final class ResponseReader {
    private static final int BUFFER_BYTES = 8 * 1024;

    private final HttpLimits limits;
    private final ByteSource source;
    private final HeadParser head;
    private StatusLine statusLine;
    /** The body handed out last, drained before the next head is read. */
    private BodyStream body;
    /** Set once a head was refused: what follows it cannot be framed. */
    private String brokenBy;

    /** A reader of the responses that {@code in} (a connection's input) carries. */
    public ResponseReader(InputStream in, HttpLimits limits) {
        this.source = new ByteSource(Objects.requireNonNull(in, "in"), BUFFER_BYTES);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.head = new HeadParser(limits, "status line", true, this::acceptStatusLine);
    }

    /**
     * Bytes read from the stream and not yet taken: between responses (the last body read to its
     * end), bytes that no request asked for.
     */
    public int bufferedBytes() {
        return source.available();
    }

    /**
     * Reads the next final response's head; what is left of the previous body is read and
     * discarded first.
     *
     * @param requestMethod the method of the request this answers (HEAD and CONNECT change the framing)
     * @throws EOFException when the stream ends before any byte of a response (a server closed a
     *     kept-alive connection: retry on a new one)
     * @throws HttpProtocolException on bad syntax, a limit passed, or the stream ending within the head
     * @throws IOException when the stream itself fails
     */
    public HttpResponse readHead(String requestMethod) throws IOException {
        Objects.requireNonNull(requestMethod, "requestMethod");
        if (brokenBy != null) {
            throw new HttpProtocolException("connection unusable after an earlier error: " + brokenBy);
        }
        if (body != null) {
            BodyStream previous = body;
            body = null;
            previous.drain();
        }
        boolean anyByte = false;
        while (true) {
            anyByte = readOneHead(anyByte);
            if (statusLine.status / 100 == 1 && statusLine.status != HttpStatus.SWITCHING_PROTOCOLS) {
                continue; // RFC 9112 §6.3 item 1: an interim response has no body; the final one follows.
            }
            ResponseFraming framing;
            try {
                framing = ResponseFraming.of(requestMethod, statusLine, head.headers(), source, limits);
            } catch (HttpProtocolException e) {
                brokenBy = e.getMessage();
                throw e;
            }
            body = framing.body;
            return new HttpResponse(statusLine, head.headers(), framing);
        }
    }

    /** @return true (a byte was read), for the EOF check of the next head */
    private boolean readOneHead(boolean anyByteBefore) throws IOException {
        boolean anyByte = anyByteBefore;
        head.reset();
        while (head.state() == HeadParser.State.NEED_MORE) {
            if (!source.fill()) {
                if (!anyByte) {
                    throw new EOFException("connection closed before a response");
                }
                throw broken("connection closed within a response head");
            }
            anyByte = true;
            source.skip(head.feed(source.buffer, source.position, source.available()));
        }
        if (head.state() == HeadParser.State.FAILED) {
            throw broken(head.failure().reason());
        }
        return true;
    }

    private HeadFailure acceptStatusLine(String line) {
        statusLine = StatusLine.parse(line);
        return statusLine.failure;
    }

    private HttpProtocolException broken(String reason) {
        brokenBy = reason;
        return new HttpProtocolException(reason);
    }
}
