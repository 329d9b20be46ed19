package io.slipway.app.inet;

import io.slipway.socket.PeerAddress;
import io.slipway.socket.Service;
import io.slipway.socket.Shutdown;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;

/**
 * A TCP service on the stack thread, non-blocking: it accepts up to {@link #MAX_CONNECTIONS} at a
 * time and lets {@link #serve} move each one's bytes. A connection the service is done with is
 * closed; one that fails is closed and counted. Connections beyond the limit wait in the listen
 * queue (the backlog) until one ends.
 */
abstract class StreamService implements Service {
    static final int MAX_CONNECTIONS = 8;
    private static final int BACKLOG = 4;

    final Sockets sockets;
    private final String name;
    private final int listenFd;
    private final int[] connections = new int[MAX_CONNECTIONS];
    private final PeerAddress from = new PeerAddress();
    private long served;
    private long failed;

    StreamService(Sockets sockets, String name, int port) throws SocketException {
        this.sockets = sockets;
        this.name = name;
        java.util.Arrays.fill(connections, -1);
        int fd = sockets.socket(SocketType.STREAM);
        try {
            sockets.setBlocking(fd, false);
            sockets.bind(fd, 0, port);
            sockets.listen(fd, BACKLOG);
        } catch (SocketException | RuntimeException e) {
            sockets.close(fd);
            throw e;
        }
        this.listenFd = fd;
    }

    /**
     * Moves what it can for one connection; true when the service is done with it (it is then
     * closed). Non-blocking: never waits.
     */
    abstract boolean serve(int slot, int fd) throws SocketException;

    /** A connection was accepted into {@code slot}: reset its state. */
    void opened(int slot) {
    }

    @Override
    public void poll(long nowNanos) {
        for (int i = 0; i < connections.length; i++) {
            if (connections[i] < 0) {
                int fd = accept();
                if (fd < 0) {
                    break;
                }
                connections[i] = fd;
                opened(i);
            }
        }
        for (int i = 0; i < connections.length; i++) {
            int fd = connections[i];
            if (fd < 0) {
                continue;
            }
            boolean done;
            try {
                done = serve(i, fd);
            } catch (SocketException e) {
                failed++;
                done = true; // reset by the peer, timed out: nothing more to do with it
            }
            if (done) {
                connections[i] = -1;
                served++;
                closeQuietly(fd);
            }
        }
    }

    private int accept() {
        try {
            int fd = sockets.accept(listenFd, from);
            if (fd >= 0) {
                sockets.setBlocking(fd, false); // as on Linux, accept does not pass O_NONBLOCK on
            }
            return fd;
        } catch (SocketException e) {
            return -1;
        }
    }

    /** Half-closes {@code fd} once: the peer sees our end of stream. */
    void shutdownOutput(int fd) throws SocketException {
        sockets.shutdown(fd, Shutdown.WRITE);
    }

    private void closeQuietly(int fd) {
        try {
            sockets.close(fd);
        } catch (SocketException e) {
            // already gone
        }
    }

    /** Connections served to their end, and of those, the ones that failed. */
    public long served() {
        return served;
    }

    public long failed() {
        return failed;
    }

    /** Stops the service: the listener and every connection are closed. */
    public void close() throws SocketException {
        sockets.removeService(this);
        for (int i = 0; i < connections.length; i++) {
            if (connections[i] >= 0) {
                closeQuietly(connections[i]);
                connections[i] = -1;
            }
        }
        sockets.close(listenFd);
    }

    @Override
    public String name() {
        return name;
    }
}
