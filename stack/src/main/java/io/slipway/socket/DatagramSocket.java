package io.slipway.socket;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A datagram socket as a Java object: one descriptor of {@link Sockets}, closed by
 * try-with-resources. Every method is the {@link Sockets} call of the same name.
 */
public final class DatagramSocket implements AutoCloseable {
    private final Sockets sockets;
    private final int descriptor;
    private boolean closed;

    DatagramSocket(Sockets sockets, int descriptor) {
        this.sockets = sockets;
        this.descriptor = descriptor;
    }

    public int descriptor() {
        return descriptor;
    }

    public DatagramSocket bind(InetEndpoint local) throws SocketException {
        sockets.bind(descriptor, local.address(), local.port());
        return this;
    }

    public DatagramSocket connect(InetEndpoint remote) throws SocketException {
        sockets.connect(descriptor, remote.address(), remote.port());
        return this;
    }

    public DatagramSocket setBlocking(boolean blocking) throws SocketException {
        sockets.setBlocking(descriptor, blocking);
        return this;
    }

    public DatagramSocket setReceiveTimeout(Duration timeout) throws SocketException {
        sockets.setReceiveTimeout(descriptor, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    /** Sends to the connected peer. */
    public int send(byte[] b, int off, int len) throws SocketException {
        return sockets.send(descriptor, b, off, len);
    }

    public int send(byte[] b, int off, int len, InetEndpoint to) throws SocketException {
        return sockets.sendto(descriptor, b, off, len, to.address(), to.port());
    }

    /** One datagram into {@code b}; {@code from} (may be null) gets the sender. */
    public int receive(byte[] b, int off, int len, PeerAddress from) throws SocketException {
        return sockets.recvfrom(descriptor, b, off, len, from);
    }

    public boolean awaitReadable(Duration timeout) throws SocketException {
        return sockets.awaitReadable(descriptor, timeout.toNanos());
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

    @Override
    public String toString() {
        return "DatagramSocket[" + descriptor + "]";
    }
}
