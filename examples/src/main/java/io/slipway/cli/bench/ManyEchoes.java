package io.slipway.cli.bench;

import io.slipway.socket.PeerAddress;
import io.slipway.socket.Service;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;

/** Echoes on up to {@code slots} connections at once, accepted on {@code port}; closes each when its peer does. */
final class ManyEchoes implements Service {
    private final Sockets sockets;
    private final int listenFd;
    private final int[] fds;
    private final PeerAddress from = new PeerAddress();
    private final byte[] buffer = new byte[2048];
    private volatile int served;
    private volatile int peak;
    private int open;

    ManyEchoes(Sockets sockets, int port, int slots, int backlog) throws SocketException {
        this.sockets = sockets;
        this.fds = new int[slots];
        java.util.Arrays.fill(fds, -1);
        listenFd = sockets.socket(SocketType.STREAM);
        sockets.setBlocking(listenFd, false);
        sockets.bind(listenFd, 0, port);
        sockets.listen(listenFd, backlog);
    }

    @Override
    public void poll(long nowNanos) {
        for (int i = 0; i < fds.length && open < fds.length; i++) {
            if (fds[i] >= 0) {
                continue;
            }
            int fd;
            try {
                fd = sockets.accept(listenFd, from);
            } catch (SocketException e) {
                break;
            }
            if (fd == Sockets.WOULD_BLOCK) {
                break;
            }
            fds[i] = fd;
            open++;
            peak = Math.max(peak, open);
            try {
                sockets.setBlocking(fd, false);
                sockets.setNoDelay(fd, true);
            } catch (SocketException e) {
                close(i);
            }
        }
        for (int i = 0; i < fds.length; i++) {
            if (fds[i] < 0) {
                continue;
            }
            try {
                for (int n; (n = sockets.recv(fds[i], buffer, 0, buffer.length)) != Sockets.WOULD_BLOCK; ) {
                    if (n == 0) {
                        close(i);
                        served++;
                        break;
                    }
                    sockets.send(fds[i], buffer, 0, n); // requests are small: the send ring has room
                }
            } catch (SocketException e) {
                close(i);
            }
        }
    }

    private void close(int i) {
        try {
            sockets.close(fds[i]);
        } catch (SocketException e) {
            // already gone
        }
        fds[i] = -1;
        open--;
    }

    int served() {
        return served;
    }

    /** The most connections open at once. */
    int peak() {
        return peak;
    }
}
