package io.slipway.app.http;

import java.io.IOException;

/**
 * A body that ends when the server closes the connection (RFC 9112 §6.3 item 8): a response
 * with neither Content-Length nor Transfer-Encoding. Cut off with an error when it passes the
 * body limit.
 */
final class CloseDelimitedBody extends BodyStream {
    private final ByteSource source;
    private final long maxBytes;
    private long read;

    CloseDelimitedBody(ByteSource source, long maxBytes) {
        this.source = source;
        this.maxBytes = maxBytes;
    }

    @Override
    int readSome(byte[] b, int off, int len) throws IOException {
        if (!source.fill()) {
            return -1;
        }
        if (read == maxBytes) {
            throw new HttpProtocolException("body longer than the limit of " + maxBytes + " bytes");
        }
        int n = source.take(b, off, (int) Math.min(len, maxBytes - read));
        read += n;
        return n;
    }
}
