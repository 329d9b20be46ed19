package io.slipway.socket;

import io.slipway.base.ByteRing;
import io.slipway.tcp.ConnectionEvents;
import io.slipway.tcp.Listener;
import io.slipway.tcp.TcpConnection;
import io.slipway.tcp.TcpError;
import io.slipway.tcp.TcpState;

/**
 * A stream (TCP) socket: before connect or listen, a requested local address; then either a
 * {@link TcpConnection}, whose rings the application writes and reads directly (the send ring's
 * producer and the receive ring's consumer, one thread at a time under {@link #sendLock} and
 * {@link #receiveLock}), or a {@link Listener} to accept from.
 */
final class StreamEntry extends SocketEntry implements ConnectionEvents {
    static final int READABLE = 0;
    static final int WRITABLE = 1;
    static final int CONNECTED = 2;
    static final int ACCEPTABLE = 3;

    final Object sendLock = new Object();
    final Object receiveLock = new Object();
    /** Stack: the connection or the listener, once there is one. */
    volatile TcpConnection connection;
    volatile Listener listener;
    /** Stack: what bind asked for, used by listen and connect. */
    volatile int bindAddress;
    volatile int bindPort;
    volatile boolean bound;
    /** App: TCP_NODELAY and SO_KEEPALIVE, given to the connection (and inherited by accepted ones). */
    volatile boolean noDelay;
    volatile boolean keepalive;

    StreamEntry(int descriptor) {
        super(descriptor, SocketType.STREAM);
    }

    /** Stack: a connection accepted from a listener, ready to use, with the listener's options. */
    StreamEntry(int descriptor, TcpConnection accepted, StreamEntry listening) {
        this(descriptor);
        noDelay = listening.noDelay;
        keepalive = listening.keepalive;
        attach(accepted);
    }

    void attach(TcpConnection c) {
        connection = c;
        c.setNoDelay(noDelay);
        c.setKeepalive(keepalive);
        c.setEvents(this);
    }

    void attach(Listener l) {
        listener = l;
        l.setOnReady(this::wakeWaiters);
    }

    @Override
    public void onConnectionChanged(TcpConnection c) {
        wakeWaiters();
    }

    @Override
    boolean isReady(int condition, int argument) {
        if (closed || hasError()) {
            return true;
        }
        if (condition == ACCEPTABLE) {
            Listener l = listener;
            return l == null || l.queued() > 0 || l.isClosed();
        }
        TcpConnection c = connection;
        if (c == null || c.error() != null || c.state() == TcpState.CLOSED) {
            return true;
        }
        boolean handshaking = c.state() == TcpState.SYN_SENT || c.state() == TcpState.SYN_RECEIVED;
        return switch (condition) {
            case READABLE -> !c.receiveRing().isEmpty() || c.isFinReceived() || readShutdown;
            // While the handshake is on, a writer waits for it rather than for room.
            case WRITABLE -> !handshaking && (c.sendRing().free() > 0 || writeShutdown || !c.state().canSend());
            default -> !handshaking; // CONNECTED
        };
    }

    // ---------------------------------------------------------------- application side

    /** App: writes {@code len} bytes (blocking: all of them), or what fits, or {@link Sockets#WOULD_BLOCK}. */
    int write(SocketLayer layer, byte[] b, int off, int len, String what) throws SocketException {
        int written = 0;
        long deadline = 0;
        boolean first = true;
        while (true) {
            TcpConnection c = usable(what);
            if (writeShutdown || c.isFinQueued()) {
                throw new SocketException(SocketError.SHUT_DOWN, what);
            }
            TcpState state = c.state();
            if (state.canSend()) {
                if (blocking && written == 0 && c.sendRing().free() < len) {
                    // Refused before a byte is queued: a half-done call that then fails would lie.
                    layer.refuseBlockingOnStackThread(what);
                }
                int n;
                synchronized (sendLock) {
                    if (connection != c) {
                        throw closedException(what); // closed meanwhile: the ring may be another's now
                    }
                    n = c.sendRing().write(b, off + written, len - written);
                }
                if (n > 0) {
                    written += n;
                    c.requestOutput();
                }
                if (written == len) {
                    return len;
                }
            } else if (state != TcpState.SYN_SENT && state != TcpState.SYN_RECEIVED) {
                throw new SocketException(SocketError.SHUT_DOWN, what); // the connection is closing
            }
            if (!blocking) {
                return written > 0 ? written : Sockets.WOULD_BLOCK;
            }
            layer.refuseBlockingOnStackThread(what);
            if (first) {
                deadline = deadline(sendTimeoutNanos);
                first = false;
            }
            if (!await(WRITABLE, 1, deadline, what)) {
                if (written > 0) {
                    return written;
                }
                throw new TimedOutException(what);
            }
        }
    }

    /** App: reads what has arrived, up to {@code len}: the bytes read, 0 at end of stream, or {@link Sockets#WOULD_BLOCK}. */
    int read(SocketLayer layer, byte[] b, int off, int len, String what) throws SocketException {
        if (len == 0) {
            return 0;
        }
        long deadline = 0;
        boolean first = true;
        while (true) {
            if (closed) {
                throw closedException(what);
            }
            TcpConnection c = connection;
            if (c == null) {
                throw new SocketException(SocketError.NOT_CONNECTED, what + " on socket " + descriptor);
            }
            int n = take(c, b, off, len);
            if (n < 0) {
                throw closedException(what);
            }
            if (n > 0) {
                return n;
            }
            if (c.isFinReceived()) {
                // The FIN follows the data: what came before it is read first (looked at again, since
                // it may have been committed between the read above and this check).
                n = take(c, b, off, len);
                if (n < 0) {
                    throw closedException(what);
                }
                return n;
            }
            if (closed) {
                throw closedException(what);
            }
            if (c.error() != null) {
                throw errorOf(c.error(), what);
            }
            if (readShutdown || c.state() == TcpState.CLOSED) {
                return 0;
            }
            if (!blocking) {
                return Sockets.WOULD_BLOCK;
            }
            layer.refuseBlockingOnStackThread(what);
            if (first) {
                deadline = deadline(receiveTimeoutNanos);
                first = false;
            }
            if (!await(READABLE, 0, deadline, what)) {
                throw new TimedOutException(what);
            }
        }
    }

    /** Reads from {@code c}'s ring; -1 when the socket was closed meanwhile (the ring may be another's now). */
    private int take(TcpConnection c, byte[] b, int off, int len) {
        ByteRing ring = c.receiveRing();
        int n;
        synchronized (receiveLock) {
            if (connection != c) {
                return -1;
            }
            n = ring.read(b, off, len);
        }
        if (n > 0 && c.windowUpdateWorthSending()) {
            c.requestOutput(); // the window opened by enough to tell the peer (RFC 9293 §3.8.6.2.2)
        }
        return n;
    }

    /** The connection, if it is there and has not failed; else the failure. */
    private TcpConnection usable(String what) throws SocketException {
        if (closed) {
            throw closedException(what);
        }
        TcpConnection c = connection;
        if (c == null) {
            throw new SocketException(SocketError.NOT_CONNECTED, what + " on socket " + descriptor);
        }
        if (c.error() != null) {
            throw errorOf(c.error(), what);
        }
        return c;
    }

    /** What getpeername reports: the peer once the handshake is done, and until the connection fails. */
    boolean hasPeer() {
        TcpConnection c = connection;
        return c != null && c.error() == null && c.state().isSynchronized() && c.state() != TcpState.SYN_RECEIVED;
    }

    SocketException closedException(String what) {
        return new SocketException(SocketError.BAD_DESCRIPTOR, what + ": socket " + descriptor + " was closed");
    }

    static SocketException errorOf(TcpError error, String what) {
        return SocketException.of(switch (error) {
            case REFUSED -> SocketError.CONNECTION_REFUSED;
            case RESET -> SocketError.CONNECTION_RESET;
            case TIMED_OUT -> SocketError.TIMED_OUT;
            case HOST_UNREACHABLE -> SocketError.HOST_UNREACHABLE;
            case NETWORK_UNREACHABLE, NO_ROUTE -> SocketError.NETWORK_UNREACHABLE;
            case ABORTED -> SocketError.CONNECTION_ABORTED;
        }, what);
    }

    // ---------------------------------------------------------------- stack side

    /**
     * Stack: detaches the connection, under both ring locks, so that no application thread is
     * in the middle of a ring operation on it (they hold those locks only around one copy, never
     * while waiting): once its slot is reused, nobody here can touch the new connection's rings.
     */
    void detach() {
        synchronized (receiveLock) {
            synchronized (sendLock) {
                connection = null;
            }
        }
    }

    @Override
    void closeNow(long nowNanos) {
        // SocketLayer closes the TCP side (it has the Tcp); here only the entry's own state.
        closed = true;
        wakeWaiters();
    }

    @Override
    SocketInfo info() {
        TcpConnection c = connection;
        Listener l = listener;
        if (c != null) {
            return new SocketInfo(descriptor, type, new InetEndpoint(c.localAddress(), c.localPort()),
                    new InetEndpoint(c.remoteAddress(), c.remotePort()), c.state().netstatName(),
                    c.receiveRing().size(), c.sendRing().size());
        }
        if (l != null) {
            return new SocketInfo(descriptor, type, new InetEndpoint(l.localAddress(), l.localPort()), InetEndpoint.ANY,
                    "LISTEN", l.queued(), 0);
        }
        return new SocketInfo(descriptor, type, new InetEndpoint(bindAddress, bindPort), InetEndpoint.ANY, "CLOSE", 0,
                0);
    }

    /** A row for a connection no descriptor holds any more (closed, finishing by itself). */
    static SocketInfo orphanInfo(TcpConnection c) {
        return new SocketInfo(-1, SocketType.STREAM, new InetEndpoint(c.localAddress(), c.localPort()),
                new InetEndpoint(c.remoteAddress(), c.remotePort()), c.state().netstatName(), c.receiveRing().size(),
                c.sendRing().size());
    }
}
