package io.slipway.app.inet;

import io.slipway.socket.PeerAddress;
import io.slipway.socket.Service;
import io.slipway.socket.Shutdown;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;

/**
 * A TCP service on the stack thread, non-blocking: it accepts up to a fixed number of connections
 * at a time, each in a slot of its own, and lets {@link #serve} move each one's bytes. A
 * connection the service is done with is closed; one that fails is closed and counted; either way
 * {@link #closed} lets the subclass let go of what the slot held. Connections beyond the limit
 * wait in the listen queue (the backlog) until one ends.
 */
public abstract class StreamService implements Service {
    /** The slots of the small services (echo, discard). */
    public static final int SMALL_SERVICE_CONNECTIONS = 8;
    /** The listen queue of the small services. */
    public static final int SMALL_SERVICE_BACKLOG = 4;

    protected final Sockets sockets;
    private final String name;
    private final int listenFd;
    private final int[] connections;
    private final PeerAddress from = new PeerAddress();
    private long served;
    private long failed;

    /** A small service: {@link #SMALL_SERVICE_CONNECTIONS} slots, listening on any address. */
    protected StreamService(Sockets sockets, String name, int port) throws SocketException {
        this(sockets, name, 0, port, SMALL_SERVICE_CONNECTIONS, SMALL_SERVICE_BACKLOG);
    }

    /** Listens on {@code address:port} (address 0: any), serving up to {@code maxConnections} at a time. */
    protected StreamService(Sockets sockets, String name, int address, int port, int maxConnections, int backlog)
            throws SocketException {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("a service needs at least one connection slot: " + maxConnections);
        }
        this.sockets = sockets;
        this.name = name;
        this.connections = new int[maxConnections];
        java.util.Arrays.fill(connections, -1);
        int fd = sockets.socket(SocketType.STREAM);
        try {
            sockets.setBlocking(fd, false);
            sockets.bind(fd, address, port);
            sockets.listen(fd, backlog);
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
    protected abstract boolean serve(int slot, int fd, long nowNanos) throws SocketException;

    /** A connection was accepted into {@code slot}: reset its state. */
    protected void opened(int slot, long nowNanos) {
    }

    /** The connection in {@code slot} is closed (done, failed or the service stopped): release what it held. */
    protected void closed(int slot) {
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
                opened(i, nowNanos);
            }
        }
        for (int i = 0; i < connections.length; i++) {
            int fd = connections[i];
            if (fd < 0) {
                continue;
            }
            boolean done;
            try {
                done = serve(i, fd, nowNanos);
            } catch (SocketException e) {
                failed++;
                done = true; // reset by the peer, timed out: nothing more to do with it
            }
            if (done) {
                connections[i] = -1;
                served++;
                closeQuietly(fd);
                closed(i);
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
    protected final void shutdownOutput(int fd) throws SocketException {
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
                closed(i);
            }
        }
        sockets.close(listenFd);
    }

    @Override
    public String name() {
        return name;
    }
}
