package io.slipway.app.browser;

import io.slipway.app.http.HttpLimits;
import io.slipway.app.http.ResponseReader;
import io.slipway.socket.InetEndpoint;
import io.slipway.socket.SocketException;
import io.slipway.socket.StreamSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An HTTP connection to one server: the stream socket, its buffered input (which may hold the
 * start of the next response) and the response reader over it. Kept between requests while the
 * server allows (RFC 9112 §9.3).
 */
final class Connection implements AutoCloseable {
    private static final int INPUT_BUFFER = 8192;

    final StreamSocket socket;
    final InetEndpoint remote;
    final ResponseReader reader;
    final OutputStream out;
    /** Requests this connection has carried. */
    int requests;

    Connection(StreamSocket socket, InetEndpoint remote, HttpLimits limits) {
        this.socket = socket;
        this.remote = remote;
        InputStream in = new BufferedInputStream(socket.getInputStream(), INPUT_BUFFER);
        this.reader = new ResponseReader(in, limits);
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

    /** Whether writing the request failed in a way that a fresh connection may cure (a stale kept-alive one). */
    static boolean isStale(IOException e) {
        return e instanceof java.io.EOFException || e instanceof SocketException;
    }
}
