package io.slipway.tcp;

import java.util.ArrayDeque;

/**
 * A passive open (RFC 9293 §3.10.1 OPEN, passive): the local address and port that SYNs come to,
 * its half-open connections (SYN-RECEIVED) and its established ones not yet accepted, both
 * bounded: beyond {@code synQueueLength} half-open, SYNs are answered with cookies and nothing is
 * kept ({@link SynCookies}); beyond the backlog a completed handshake waits half-open (its SYN-ACK
 * is repeated) until there is room.
 */
public final class Listener {
    final int localAddress;
    final int localPort;
    final int backlog;
    int halfOpen;
    final ArrayDeque<TcpConnection> acceptQueue;
    /** The accept queue's length, for application threads (the queue itself is the stack's). */
    volatile int queuedCount;
    /** Wakes whoever waits in accept; set by the socket layer. */
    volatile Runnable onReady;
    volatile boolean closed;

    Listener(int localAddress, int localPort, int backlog) {
        this.localAddress = localAddress;
        this.localPort = localPort;
        this.backlog = backlog;
        this.acceptQueue = new ArrayDeque<>(backlog);
    }

    public int localAddress() {
        return localAddress;
    }

    public int localPort() {
        return localPort;
    }

    public int backlog() {
        return backlog;
    }

    /** Connections waiting to be accepted (netstat's Recv-Q of a listener); any thread. */
    public int queued() {
        return queuedCount;
    }

    public int halfOpen() {
        return halfOpen;
    }

    /** The listener was closed: accept has nothing more to wait for. */
    public boolean isClosed() {
        return closed;
    }

    public void setOnReady(Runnable r) {
        onReady = r;
    }

    boolean acceptQueueFull() {
        return acceptQueue.size() >= backlog;
    }

    void queueChanged() {
        queuedCount = acceptQueue.size();
    }

    void notifyReady() {
        Runnable r = onReady;
        if (r != null) {
            r.run();
        }
    }
}
