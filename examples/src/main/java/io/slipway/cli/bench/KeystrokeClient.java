package io.slipway.cli.bench;

import io.slipway.base.Clock;
import io.slipway.socket.Service;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;

/**
 * Sends one byte at a time to an echo service ({@link io.slipway.app.inet.TcpEcho}) with
 * TCP_NODELAY and times each byte's echo:
 * the next byte right after the echo ({@code intervalNanos} 0: request/response round trips as
 * fast as they go), or one every {@code intervalNanos} (keystrokes). Keeps the round-trip times
 * in a preallocated array; allocates nothing per call.
 */
final class KeystrokeClient implements Service {
    private static final int MAX_SAMPLES = 1 << 16;

    private final Sockets sockets;
    private final int server;
    private final int port;
    private final long intervalNanos;
    private final byte[] key = {'k'};
    private final byte[] echo = new byte[16];
    private final long[] samples = new long[MAX_SAMPLES];
    private int fd = -1;
    private boolean connected;
    private boolean waiting;
    private long sentAt;
    private long nextAt;
    private long lastPoll;
    private volatile long roundTrips;
    private volatile String failure;

    KeystrokeClient(Sockets sockets, int server, int port, long intervalNanos) {
        this.sockets = sockets;
        this.server = server;
        this.port = port;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void poll(long nowNanos) {
        lastPoll = nowNanos;
        if (failure != null) {
            return;
        }
        try {
            step(nowNanos);
        } catch (SocketException e) {
            failure = "keystroke client: " + e.getMessage();
        }
    }

    private void step(long nowNanos) throws SocketException {
        if (fd < 0) {
            fd = sockets.socket(SocketType.STREAM);
            sockets.setBlocking(fd, false);
            sockets.setNoDelay(fd, true);
            sockets.connect(fd, server, port);
        }
        if (!connected) {
            if (sockets.recv(fd, echo, 0, 1) == Sockets.WOULD_BLOCK && !sockets.isConnected(fd)) {
                return;
            }
            connected = true;
            nextAt = nowNanos;
        }
        if (waiting) {
            int n = sockets.recv(fd, echo, 0, echo.length);
            if (n == Sockets.WOULD_BLOCK) {
                return;
            }
            if (n == 0) {
                failure = "keystroke client: the server closed";
                return;
            }
            long rtt = nowNanos - sentAt;
            long count = roundTrips;
            if (count < MAX_SAMPLES) {
                samples[(int) count] = rtt;
            }
            roundTrips = count + 1;
            waiting = false;
            nextAt = intervalNanos == 0 ? nowNanos : sentAt + intervalNanos;
        }
        if (!waiting && nowNanos - nextAt >= 0) {
            if (sockets.send(fd, key, 0, 1) == 1) {
                sentAt = nowNanos;
                waiting = true;
            }
        }
    }

    @Override
    public long nextDeadline() {
        return connected && !waiting && nextAt - lastPoll > 0 ? nextAt : Clock.NEVER;
    }

    long roundTrips() {
        return roundTrips;
    }

    /** The round-trip times measured so far (at most the first 65 536), in order. */
    long[] samples() {
        return java.util.Arrays.copyOf(samples, (int) Math.min(roundTrips, MAX_SAMPLES));
    }

    String failure() {
        return failure;
    }
}
