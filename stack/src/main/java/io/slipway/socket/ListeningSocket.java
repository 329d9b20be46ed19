package io.slipway.socket;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A listening stream socket as a Java object: {@link #accept()} gives the next connection. */
public final class ListeningSocket implements AutoCloseable {
    private final Sockets sockets;
    private final int descriptor;
    private boolean closed;

    ListeningSocket(Sockets sockets, int descriptor) {
        this.sockets = sockets;
        this.descriptor = descriptor;
    }

    public int descriptor() {
        return descriptor;
    }

    /** Waits for the next connection (at most the timeout set with {@link #setTimeout}). */
    public StreamSocket accept() throws SocketException {
        return new StreamSocket(sockets, sockets.accept(descriptor, null));
    }

    public ListeningSocket setTimeout(Duration timeout) throws SocketException {
        sockets.setReceiveTimeout(descriptor, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    public InetEndpoint localAddress() throws SocketException {
        return sockets.localAddress(descriptor);
    }

    /** Closes the socket once; a second close does nothing (its descriptor may be another socket's by then). */
    @Override
    public synchronized void close() throws SocketException {
        if (!closed) {
            closed = true;
            sockets.close(descriptor);
        }
    }
}
