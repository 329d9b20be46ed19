package io.slipway.cli.bench;

import io.slipway.socket.PeerAddress;
import io.slipway.socket.Service;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;

/**
 * Listens on {@code port}, accepts one connection and reads it to its end, checking every byte
 * against the {@link Pattern}; notes when the first and the last byte arrived. Runs on the stack
 * thread with non-blocking sockets; allocates nothing per call.
 */
final class BulkReceiver implements Service {
    private final Sockets sockets;
    private final int listenFd;
    private final PeerAddress from = new PeerAddress();
    private final byte[] buffer = new byte[16 * 1024];
    private int fd = -1;
    private volatile long received;
    private volatile long firstNanos;
    private volatile long lastNanos;
    private volatile boolean done;
    private volatile String failure;

    BulkReceiver(Sockets sockets, int port) throws SocketException {
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
            step(nowNanos);
        } catch (SocketException e) {
            failure = "receiver: " + e.getMessage();
            done = true;
        }
    }

    private void step(long nowNanos) throws SocketException {
        if (fd < 0) {
            int accepted = sockets.accept(listenFd, from);
            if (accepted == Sockets.WOULD_BLOCK) {
                return;
            }
            fd = accepted;
            sockets.setBlocking(fd, false);
            sockets.close(listenFd);
        }
        for (int n; (n = sockets.recv(fd, buffer, 0, buffer.length)) != Sockets.WOULD_BLOCK; ) {
            if (n == 0) {
                sockets.close(fd);
                done = true;
                return;
            }
            int bad = Pattern.mismatch(buffer, n, received);
            if (bad >= 0) {
                failure = "receiver: byte " + (received + bad) + " differs from what was sent";
            }
            if (received == 0) {
                firstNanos = nowNanos;
            }
            received += n;
            lastNanos = nowNanos;
        }
    }

    long received() {
        return received;
    }

    /** When the first byte arrived. */
    long firstNanos() {
        return firstNanos;
    }

    /** When the last byte so far arrived. */
    long lastNanos() {
        return lastNanos;
    }

    boolean isDone() {
        return done;
    }

    String failure() {
        return failure;
    }
}
