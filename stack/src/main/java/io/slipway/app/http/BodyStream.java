package io.slipway.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A response body as read from the connection, decoded from its framing (RFC 9112 §6.3). It
 * ends (-1) where the framing says the message ends, and throws {@link HttpProtocolException}
 * where the framing breaks; it never reads into the next message. {@link #close()} does not
 * close the connection: whoever owns the socket does that.
 */
abstract class BodyStream extends InputStream {
    private final byte[] one = new byte[1];

    /** Reads 1 to {@code len} bytes ({@code len} &gt; 0), or -1 at the end of the body. */
    abstract int readSome(byte[] b, int off, int len) throws IOException;

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        return len == 0 ? 0 : readSome(b, off, len);
    }

    @Override
    public final int read() throws IOException {
        return readSome(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    /** Reads to the end and throws the bytes away, so that the next head can be read. */
    void drain() throws IOException {
        byte[] scratch = new byte[4096];
        while (readSome(scratch, 0, scratch.length) >= 0) {
            // discard
        }
    }
}
