package io.slipway.app.browser;

import io.slipway.app.http.HttpLimits;
import io.slipway.app.http.ResponseReader;
import io.slipway.socket.InetEndpoint;
import io.slipway.socket.SocketException;
import io.slipway.socket.Sockets;
import io.slipway.socket.StreamSocket;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An HTTP connection to one server: the stream socket and the response reader over its input.
 * Kept between requests while the server allows (RFC 9112 §9.3).
 */
final class Connection implements AutoCloseable {
    final StreamSocket socket;
    final InetEndpoint remote;
    final ResponseReader reader;
    final OutputStream out;
    /** Requests this connection has carried. */
    int requests;

    Connection(StreamSocket socket, InetEndpoint remote, HttpLimits limits) {
        this.socket = socket;
        this.remote = remote;
        this.reader = new ResponseReader(socket.getInputStream(), limits); // it buffers what it reads
        this.out = socket.getOutputStream();
    }

    int descriptor() {
        return socket.descriptor();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (SocketException e) {
            // already closed
        }
    }

    /**
     * Whether the kept connection is still open and quiet, as it must be between a response and
     * the next request: nothing to read from the socket. The server's FIN (it closed the idle
     * connection), a reset, or bytes nobody asked for all make it unfit for another request.
     */
    boolean isIdle(Sockets sockets) {
        if (reader.bufferedBytes() > 0) {
            return false;
        }
        try {
            return !sockets.awaitReadable(descriptor(), 0);
        } catch (SocketException e) {
            return false;
        }
    }

    /**
     * Whether the request failed because the kept-alive connection was gone under it (RFC 9112
     * §9.3.1: the server closed it as the request went out), which a fresh connection may cure:
     * the stream ended before any byte of an answer, or the connection was reset or shut. Not a
     * timeout (a slow server, not a closed connection: asking again would only double the wait
     * and the load), not an interrupt, not the stack stopping.
     */
    static boolean isStale(IOException e) {
        if (e instanceof java.io.EOFException) {
            return true;
        }
        if (e instanceof SocketException s) {
            return switch (s.error()) {
                case CONNECTION_RESET, CONNECTION_ABORTED, SHUT_DOWN, NOT_CONNECTED -> true;
                default -> false;
            };
        }
        return false;
    }
}
