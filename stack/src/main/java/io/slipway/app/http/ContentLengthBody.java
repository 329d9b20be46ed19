package io.slipway.app.http;

import java.io.IOException;

/**
 * A body of Content-Length bytes (RFC 9112 §6.3 item 6). The connection closing before they
 * have all come makes the message incomplete (RFC 9112 §8), an error, not a shorter body.
 */
final class ContentLengthBody extends BodyStream {
    private final ByteSource source;
    private final long length;
    private long remaining;

    ContentLengthBody(ByteSource source, long length) {
        this.source = source;
        this.length = length;
        this.remaining = length;
    }

    @Override
    int readSome(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        if (!source.fill()) {
            throw new HttpProtocolException("connection closed after " + (length - remaining) + " of "
                    + length + " body bytes (Content-Length; RFC 9112 §8)");
        }
        int n = source.take(b, off, (int) Math.min(len, remaining));
        remaining -= n;
        return n;
    }
}
