package io.slipway.app.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * The connection's input with a buffer in front, shared by a {@link ResponseReader} and the
 * bodies it hands out, so that bytes read ahead (the next response on a kept-alive connection)
 * stay for the next reader of the same connection instead of being lost.
 */
final class ByteSource {
    private final InputStream in;
    final byte[] buffer;
    /** Next unread byte of {@link #buffer}. */
    int position;
    /** End of the bytes read into {@link #buffer}. */
    int limit;
    private boolean ended;

    ByteSource(InputStream in, int bufferBytes) {
        this.in = in;
        this.buffer = new byte[bufferBytes];
    }

    /**
     * Makes at least one byte available, reading (and so blocking) only when none is.
     *
     * @return false at the end of the stream
     */
    boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        if (ended) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            ended = true;
            return false;
        }
        if (n == 0) {
            // InputStream.read blocks until at least one byte; 0 would make every reader spin.
            throw new IOException("the input stream returned 0 bytes from a blocking read");
        }
        position = 0;
        limit = n;
        return true;
    }

    int available() {
        return limit - position;
    }

    void skip(int n) {
        position += n;
    }

    /** Copies up to {@code len} buffered bytes; call after {@link #fill()} returned true. */
    int take(byte[] b, int off, int len) {
        int n = Math.min(len, available());
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }
}
