package io.slipway.cli.bench;

import io.slipway.socket.Service;
import io.slipway.socket.Shutdown;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;

/**
 * Connects to {@code server:port} and sends {@code total} bytes of the {@link Pattern} as fast as
 * TCP takes them, then shuts its side and closes once the server has closed too. Runs on the
 * stack thread with non-blocking sockets; allocates nothing per call.
 */
final class BulkSender implements Service {
    private final Sockets sockets;
    private final int server;
    private final int port;
    private final long total;
    private final boolean noDelay;
    private final byte[] buffer = new byte[16 * 1024];
    private int fd = -1;
    private boolean connected;
    private long sent;
    private volatile boolean done;
    private volatile String failure;

    BulkSender(Sockets sockets, int server, int port, long total, boolean noDelay) {
        this.sockets = sockets;
        this.server = server;
        this.port = port;
        this.total = total;
        this.noDelay = noDelay;
    }

    @Override
    public void poll(long nowNanos) {
        if (done) {
            return;
        }
        try {
            step();
        } catch (SocketException e) {
            failure = "sender: " + e.getMessage();
            done = true;
        }
    }

    private void step() throws SocketException {
        if (fd < 0) {
            fd = sockets.socket(SocketType.STREAM);
            sockets.setBlocking(fd, false);
            sockets.setNoDelay(fd, noDelay);
            sockets.connect(fd, server, port);
        }
        if (!connected) {
            // WOULD_BLOCK while the handshake is on; throws when it failed (refused, timed out)
            if (sockets.recv(fd, buffer, 0, 1) == Sockets.WOULD_BLOCK && !sockets.isConnected(fd)) {
                return;
            }
            connected = true;
        }
        while (sent < total) {
            int n = (int) Math.min(buffer.length, total - sent);
            Pattern.fill(buffer, n, sent);
            int w = sockets.send(fd, buffer, 0, n);
            if (w == Sockets.WOULD_BLOCK) {
                return;
            }
            sent += w;
            if (w < n) {
                return; // the send ring is full: the rest goes once TCP has made room
            }
        }
        if (sent == total) {
            sockets.shutdown(fd, Shutdown.WRITE);
            sent++; // past total: shut down once
        }
        int n = sockets.recv(fd, buffer, 0, buffer.length);
        if (n == 0) {
            sockets.close(fd);
            done = true;
        }
    }

    boolean isDone() {
        return done;
    }

    String failure() {
        return failure;
    }
}
