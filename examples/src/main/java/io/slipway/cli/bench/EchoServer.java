package io.slipway.cli.bench;

import io.slipway.socket.PeerAddress;
import io.slipway.socket.Service;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;

/** Accepts one connection on {@code port} and echoes what arrives, with TCP_NODELAY, until the peer closes. */
final class EchoServer implements Service {
    private final Sockets sockets;
    private final int listenFd;
    private final PeerAddress from = new PeerAddress();
    private final byte[] buffer = new byte[4096];
    private int fd = -1;
    private volatile String failure;
    private boolean done;

    EchoServer(Sockets sockets, int port) throws SocketException {
        this.sockets = sockets;
        listenFd = sockets.socket(SocketType.STREAM);
        sockets.setBlocking(listenFd, false);
        sockets.bind(listenFd, 0, port);
        sockets.listen(listenFd, 1);
    }

    @Override
    public void poll(long nowNanos) {
        if (done) {
            return;
        }
        try {
            if (fd < 0) {
                int accepted = sockets.accept(listenFd, from);
                if (accepted == Sockets.WOULD_BLOCK) {
                    return;
                }
                fd = accepted;
                sockets.setBlocking(fd, false);
                sockets.setNoDelay(fd, true);
                sockets.close(listenFd);
            }
            for (int n; (n = sockets.recv(fd, buffer, 0, buffer.length)) != Sockets.WOULD_BLOCK; ) {
                if (n == 0) {
                    sockets.close(fd);
                    done = true;
                    return;
                }
                // A few bytes at a time: the send ring always has room for them.
                sockets.send(fd, buffer, 0, n);
            }
        } catch (SocketException e) {
            failure = "echo server: " + e.getMessage();
            done = true;
        }
    }

    String failure() {
        return failure;
    }
}
