package io.slipway.cli.bench;

import io.slipway.socket.Service;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;

/**
 * {@code count} connections to an echo service ({@link io.slipway.app.inet.TcpEcho}), all opened before any sends, then each sending
 * {@code exchanges} requests of {@code size} bytes, one at a time, reading each echo whole before
 * the next; then closing. Non-blocking, on the stack thread; counts completed connections and failures.
 */
final class ManyClients implements Service {
    private final Sockets sockets;
    private final int server;
    private final int port;
    private final int exchanges;
    private final byte[] request;
    private final byte[] buffer;
    private final int[] fds;
    private final int[] done;
    private final int[] got;
    private final boolean[] connected;
    private final boolean[] asked;
    private volatile int connectedCount;
    private volatile int completed;
    private volatile int failed;
    private volatile String firstFailure;

    ManyClients(Sockets sockets, int server, int port, int count, int exchanges, int size) {
        this.sockets = sockets;
        this.server = server;
        this.port = port;
        this.exchanges = exchanges;
        this.request = new byte[size];
        this.buffer = new byte[size];
        Pattern.fill(request, size, 0);
        this.fds = new int[count];
        this.done = new int[count];
        this.got = new int[count];
        this.connected = new boolean[count];
        this.asked = new boolean[count];
        java.util.Arrays.fill(fds, -1);
    }

    @Override
    public void poll(long nowNanos) {
        for (int i = 0; i < fds.length; i++) {
            if (done[i] < 0) {
                continue;
            }
            try {
                step(i);
            } catch (SocketException e) {
                if (firstFailure == null) {
                    firstFailure = "connection " + i + ": " + e.getMessage();
                }
                failed++;
                done[i] = -1;
                close(i);
            }
        }
    }

    private void step(int i) throws SocketException {
        if (fds[i] < 0) {
            fds[i] = sockets.socket(SocketType.STREAM);
            sockets.setBlocking(fds[i], false);
            sockets.setNoDelay(fds[i], true);
            sockets.connect(fds[i], server, port);
            return;
        }
        if (!connected[i]) {
            if (!sockets.isConnected(fds[i])) {
                if (sockets.recv(fds[i], buffer, 0, 1) != Sockets.WOULD_BLOCK) {
                    throw new SocketException(io.slipway.socket.SocketError.CONNECTION_RESET, "handshake");
                }
                return;
            }
            connected[i] = true;
            connectedCount++;
        }
        if (connectedCount < fds.length) {
            return; // all open at once before the first request: a thousand concurrent connections
        }
        if (done[i] == 0 && got[i] == 0 && !asked[i]) {
            asked[i] = true;
            sockets.send(fds[i], request, 0, request.length);
        }
        int n = sockets.recv(fds[i], buffer, 0, request.length - got[i]);
        if (n == Sockets.WOULD_BLOCK) {
            return;
        }
        if (n == 0) {
            throw new SocketException(io.slipway.socket.SocketError.CONNECTION_RESET, "closed early");
        }
        got[i] += n;
        if (got[i] < request.length) {
            return;
        }
        got[i] = 0;
        if (++done[i] == exchanges) {
            done[i] = -1;
            close(i);
            completed++;
            return;
        }
        sockets.send(fds[i], request, 0, request.length);
    }

    private void close(int i) {
        if (fds[i] >= 0) {
            try {
                sockets.close(fds[i]);
            } catch (SocketException e) {
                // already gone
            }
            fds[i] = -1;
        }
    }

    /** The most connections that were open at once (all of them, once every handshake completed). */
    int mostConnectedAtOnce() {
        return connectedCount;
    }

    int completed() {
        return completed;
    }

    int failed() {
        return failed;
    }

    String firstFailure() {
        return firstFailure;
    }
}
