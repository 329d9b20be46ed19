package io.slipway.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A connected stream (TCP) socket as a Java object, with an {@link InputStream} and an
 * {@link OutputStream} over it (blocking), closed by try-with-resources. The streams' methods
 * throw the socket library's typed exceptions (all {@link IOException}s).
 */
public final class StreamSocket implements AutoCloseable {
    private final Sockets sockets;
    private final int descriptor;
    private final InputStream in = new In();
    private final OutputStream out = new Out();
    private boolean closed;

    StreamSocket(Sockets sockets, int descriptor) {
        this.sockets = sockets;
        this.descriptor = descriptor;
    }

    public int descriptor() {
        return descriptor;
    }

    public InputStream getInputStream() {
        return in;
    }

    public OutputStream getOutputStream() {
        return out;
    }

    public StreamSocket setNoDelay(boolean on) throws SocketException {
        sockets.setNoDelay(descriptor, on);
        return this;
    }

    public StreamSocket setReceiveTimeout(Duration timeout) throws SocketException {
        sockets.setReceiveTimeout(descriptor, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    /** Half-close: a FIN after the data written so far; reading goes on. */
    public void shutdownOutput() throws SocketException {
        sockets.shutdown(descriptor, Shutdown.WRITE);
    }

    public InetEndpoint localAddress() throws SocketException {
        return sockets.localAddress(descriptor);
    }

    public InetEndpoint remoteAddress() throws SocketException {
        return sockets.remoteAddress(descriptor);
    }

    /** Closes the socket once; a second close does nothing (its descriptor may be another socket's by then). */
    @Override
    public synchronized void close() throws SocketException {
        if (!closed) {
            closed = true;
            sockets.close(descriptor);
        }
    }

    @Override
    public String toString() {
        return "StreamSocket[" + descriptor + "]";
    }

    private final class In extends InputStream {
        private final byte[] one = new byte[1];

        @Override
        public int read() throws IOException {
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            int n = sockets.recv(descriptor, b, off, len);
            if (n == Sockets.WOULD_BLOCK) {
                throw nonBlocking("read");
            }
            return n == 0 ? -1 : n; // end of stream
        }
    }

    private final class Out extends OutputStream {
        private final byte[] one = new byte[1];

        @Override
        public void write(int b) throws IOException {
            one[0] = (byte) b;
            write(one, 0, 1);
        }

        /** All of it, or an exception: a send timeout that cut it short fails the write. */
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return;
            }
            int n = sockets.send(descriptor, b, off, len);
            if (n == Sockets.WOULD_BLOCK) {
                throw nonBlocking("write");
            }
            if (n < len) {
                throw new TimedOutException("write: " + n + " of " + len + " bytes queued before the send timeout");
            }
        }
    }

    /** The streams are blocking by nature: a descriptor put in non-blocking mode cannot serve them. */
    private SocketException nonBlocking(String what) {
        return new SocketException(SocketError.INVALID, what + " on the stream of socket " + descriptor
                + ", which is in non-blocking mode: use Sockets.send and Sockets.recv");
    }
}
