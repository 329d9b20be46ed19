package io.slipway.socket;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The socket library's API, shaped after BSD sockets: descriptors are small integers, and
 * {@code socket, bind, connect, listen, accept, send, recv, sendto, recvfrom, shutdown, close}
 * do what their BSD namesakes do. Failures are typed {@link SocketException}s (refused, timed
 * out, reset, host unreachable, no route, address in use, ...) whose message names the call.
 *
 * <p>Threads: any application thread may call it. Blocking calls (the default) wait, as long as
 * the socket's timeout allows; in non-blocking mode ({@link #setBlocking}) they return
 * {@link #WOULD_BLOCK} instead (BSD's EWOULDBLOCK). On the thread that drives the stack — where
 * {@link Service}s run — only non-blocking calls are allowed.
 *
 * <p>Datagrams cross between the application and the stack thread through each socket's queues
 * without locks shared with the stack; control calls (socket, bind, connect, close, ...) run on
 * the stack thread, which answers within a turn.
 *
 * <p>Stream sockets (TCP): {@code connect}, or {@code bind}, {@code listen} and {@code accept};
 * then {@code send} and {@code recv} on the byte stream, {@code shutdown(WRITE)} to half-close,
 * {@code close}. The application writes into the connection's send ring and reads its receive
 * ring directly; the stack sends and acknowledges on its thread.
 *
 * <p>Programming errors are not socket errors: a port outside 0..65535, a negative timeout, an
 * array range outside the array throw the usual unchecked exceptions. A thread interrupted while
 * it waits fails with {@link SocketError#INTERRUPTED} and keeps its interrupt flag set, so its
 * next blocking call fails too until the flag is cleared ({@link Thread#interrupted()}).
 */
public final class Sockets {
    /** What a non-blocking call returns when it would have to wait (EWOULDBLOCK). */
    public static final int WOULD_BLOCK = -1;

    private final SocketLayer layer;

    Sockets(SocketLayer layer) {
        this.layer = layer;
    }

    /** A new socket's descriptor: the lowest one free (EMFILE when none is). */
    public int socket(SocketType type) throws SocketException {
        Objects.requireNonNull(type, "type");
        return layer.call(() -> layer.openNow(type), "socket");
    }

    /**
     * Binds to {@code address} ({@link Addresses#ANY} for every local address) and {@code port}
     * (0: an ephemeral port, chosen at random from 49152–65535 as RFC 6056 advises).
     */
    public void bind(int descriptor, int address, int port) throws SocketException {
        String what = "bind " + new InetEndpoint(address, checkPort(port, "bind"));
        SocketEntry e = layer.entry(descriptor, what);
        if (e instanceof StreamEntry s) {
            layer.call(() -> layer.bindStreamNow(s, address, port, what), what);
            return;
        }
        DatagramEntry d = (DatagramEntry) e;
        layer.call(() -> layer.bindNow(d, address, port, what), what);
    }

    /**
     * Datagram sockets: sets the peer that {@link #send} sends to and the only one
     * {@link #recv} hears, and asks to hear ICMP errors (refused, unreachable) about what it
     * sends; binds first if needed. Connecting to {@link InetEndpoint#ANY} disconnects. Fails
     * at once with {@link NoRouteException} when no route leads there.
     */
    public void connect(int descriptor, int address, int port) throws SocketException {
        String what = "connect " + new InetEndpoint(address, checkPort(port, "connect"));
        SocketEntry e = layer.entry(descriptor, what);
        if (e instanceof StreamEntry s) {
            connectStream(s, address, port, what);
            return;
        }
        DatagramEntry d = (DatagramEntry) e;
        layer.call(() -> layer.connectNow(d, address, port, what), what);
    }

    /**
     * Stream sockets: the three-way handshake (RFC 9293 §3.5). Blocking, it returns once the
     * connection is established, or fails: {@link ConnectionRefusedException} for a reset,
     * {@link TimedOutException} once the SYN's retries are spent, {@link NoRouteException}.
     * Non-blocking, it returns at once; {@link #isConnected} and {@link #awaitConnected} tell
     * how it went, and reads and writes wait (or return {@link #WOULD_BLOCK}) until then.
     */
    private void connectStream(StreamEntry s, int address, int port, String what) throws SocketException {
        if (port == 0 || address == Addresses.ANY) {
            throw new SocketException(SocketError.INVALID, what);
        }
        if (s.blocking) {
            layer.refuseBlockingOnStackThread(what); // before the SYN goes: a refused call changes nothing
        }
        layer.call(() -> layer.connectStreamNow(s, address, port, what), what);
        if (s.blocking) {
            awaitConnected(s, 0, what);
        }
    }

    /**
     * Waits until a stream socket's handshake is over, at most {@code timeoutNanos} (0: do not
     * wait, as {@link #awaitReadable}); true when it is established, false while it is not;
     * throws when the connection failed.
     */
    public boolean awaitConnected(int descriptor, long timeoutNanos) throws SocketException {
        StreamEntry s = stream(descriptor, "connect");
        if (timeoutNanos <= 0 || isReadyToUse(s)) {
            if (!isReadyToUse(s)) {
                return false;
            }
            return awaitConnected(s, 0, "connect");
        }
        layer.refuseBlockingOnStackThread("connect");
        return awaitConnected(s, timeoutNanos, "connect");
    }

    private boolean awaitConnected(StreamEntry s, long timeoutNanos, String what) throws SocketException {
        if (!s.await(StreamEntry.CONNECTED, 0, SocketEntry.deadline(timeoutNanos), what)) {
            return false;
        }
        var c = s.connection;
        if (c != null && c.error() != null) {
            throw StreamEntry.errorOf(c.error(), what);
        }
        if (s.closed) {
            throw s.closedException(what);
        }
        return c != null && c.state() != io.slipway.tcp.TcpState.CLOSED;
    }

    private static boolean isReadyToUse(StreamEntry s) {
        return s.isReady(StreamEntry.CONNECTED, 0);
    }

    /** A stream socket whose handshake completed (and that has not failed since). */
    public boolean isConnected(int descriptor) throws SocketException {
        StreamEntry s = stream(descriptor, "isConnected");
        var c = s.connection;
        return c != null && c.error() == null && c.state().isSynchronized()
                && c.state() != io.slipway.tcp.TcpState.SYN_RECEIVED;
    }

    /**
     * Stream sockets only: waits for connections on the bound address (bind first), at most
     * {@code backlog} established and not yet accepted; more wait half-open.
     */
    public void listen(int descriptor, int backlog) throws SocketException {
        StreamEntry s = stream(descriptor, "listen");
        layer.call(() -> layer.listenNow(s, backlog, "listen"), "listen");
    }

    /**
     * Stream sockets only: the next established connection as a new descriptor; {@code from}
     * (may be null) gets its peer. Blocking, it waits (at most the receive timeout); non-blocking
     * it returns {@link #WOULD_BLOCK} when none is waiting.
     */
    public int accept(int descriptor, PeerAddress from) throws SocketException {
        StreamEntry s = stream(descriptor, "accept");
        long deadline = 0;
        boolean first = true;
        while (true) {
            int fd = layer.call(() -> layer.acceptNow(s, "accept"), "accept");
            if (fd >= 0) {
                if (from != null) {
                    InetEndpoint peer = remoteAddress(fd);
                    from.set(peer.address(), peer.port());
                }
                return fd;
            }
            if (s.closed || (s.listener != null && s.listener.isClosed())) {
                throw s.closedException("accept");
            }
            if (!s.blocking) {
                return WOULD_BLOCK;
            }
            layer.refuseBlockingOnStackThread("accept");
            if (first) {
                deadline = SocketEntry.deadline(s.receiveTimeoutNanos);
                first = false;
            }
            if (!s.await(StreamEntry.ACCEPTABLE, 0, deadline, "accept")) {
                throw new TimedOutException("accept");
            }
        }
    }

    /**
     * Sends on a connected socket. Datagram: one datagram. Stream: blocking, all {@code len}
     * bytes go into the send queue (waiting for room as needed); non-blocking, what fits. The
     * bytes queued, or {@link #WOULD_BLOCK}.
     */
    public int send(int descriptor, byte[] b, int off, int len) throws SocketException {
        SocketEntry e = layer.entry(descriptor, "send");
        if (e instanceof StreamEntry s) {
            Objects.checkFromIndexSize(off, len, b.length);
            return s.write(layer, b, off, len, "send");
        }
        DatagramEntry d = (DatagramEntry) e;
        if (d.remotePort == 0) {
            throw new SocketException(SocketError.DESTINATION_REQUIRED, "send on socket " + descriptor
                    + " (not connected: use sendto, or connect first)");
        }
        return sendDatagram(d, b, off, len, d.remoteAddress, d.remotePort, "send");
    }

    /**
     * Sends one datagram to {@code address:port}; its length, or {@link #WOULD_BLOCK} when the
     * socket's send queue is full in non-blocking mode. An unbound socket is bound to an
     * ephemeral port first. Datagrams go out in the order sent; a missing route is reported by
     * the next call on the socket, since the datagram is routed on the stack thread.
     */
    public int sendto(int descriptor, byte[] b, int off, int len, int address, int port) throws SocketException {
        // The call's name alone: text naming the address would be built (allocated) on every send.
        checkPort(port, "sendto");
        DatagramEntry d = datagram(descriptor, "sendto");
        if (port == 0 || address == Addresses.ANY) {
            throw new SocketException(SocketError.INVALID, "sendto " + new InetEndpoint(address, port));
        }
        return sendDatagram(d, b, off, len, address, port, "sendto");
    }

    private int sendDatagram(DatagramEntry d, byte[] b, int off, int len, int address, int port, String what)
            throws SocketException {
        Objects.checkFromIndexSize(off, len, b.length);
        d.checkSendable(what);
        if (len > d.maxDatagram()) {
            throw new SocketException(SocketError.MESSAGE_TOO_LONG, what + ": " + len + " bytes, at most "
                    + d.maxDatagram());
        }
        if (d.localPort == 0) {
            layer.call(() -> layer.bindIfUnboundNow(d, what), what);
        }
        return d.enqueue(b, off, len, address, port, what);
    }

    /**
     * Receives on a socket. Datagram: one datagram, cut to {@code len}. Stream: what has arrived,
     * up to {@code len}; 0 at the end of the stream (the peer's FIN). Or {@link #WOULD_BLOCK}.
     */
    public int recv(int descriptor, byte[] b, int off, int len) throws SocketException {
        SocketEntry e = layer.entry(descriptor, "recv");
        if (e instanceof StreamEntry s) {
            Objects.checkFromIndexSize(off, len, b.length);
            return s.read(layer, b, off, len, "recv");
        }
        return recvfrom(descriptor, b, off, len, null);
    }

    /**
     * Receives one datagram into {@code b}: the bytes copied (the rest of a longer datagram is
     * dropped, as BSD does), 0 after a read shutdown once the datagrams queued before it are read
     * (as Linux does), or {@link #WOULD_BLOCK}; {@code from}
     * (may be null) gets the sender. Queued datagrams come before a pending error, which the
     * next call then raises ({@link ConnectionRefusedException} after an ICMP port unreachable
     * to a connected socket). A blocking call waits at most the receive timeout
     * ({@link TimedOutException}).
     */
    public int recvfrom(int descriptor, byte[] b, int off, int len, PeerAddress from) throws SocketException {
        Objects.checkFromIndexSize(off, len, b.length);
        return datagram(descriptor, "recvfrom").dequeue(b, off, len, from, "recvfrom");
    }

    /**
     * Waits until the socket has something to read (or an error, or it was closed or shut
     * down), at most {@code timeoutNanos} (0: do not wait); true when it has. {@code poll(2)}
     * with POLLIN for one descriptor.
     */
    public boolean awaitReadable(int descriptor, long timeoutNanos) throws SocketException {
        SocketEntry e = layer.entry(descriptor, "poll");
        if (e instanceof StreamEntry s) {
            int condition = s.listener != null ? StreamEntry.ACCEPTABLE : StreamEntry.READABLE;
            if (s.isReady(condition, 0) || timeoutNanos <= 0) {
                return s.isReady(condition, 0);
            }
            layer.refuseBlockingOnStackThread("poll");
            return s.await(condition, 0, SocketEntry.deadline(timeoutNanos), "poll");
        }
        DatagramEntry d = (DatagramEntry) e;
        if (d.isReadable() || timeoutNanos <= 0) {
            return d.isReadable();
        }
        layer.refuseBlockingOnStackThread("poll");
        return d.awaitReadable(SocketEntry.deadline(timeoutNanos), "poll") && d.isReadable();
    }

    /** Stops reading, writing, or both; a blocked call returns (a read with 0). */
    public void shutdown(int descriptor, Shutdown how) throws SocketException {
        SocketEntry e = layer.entry(descriptor, "shutdown");
        layer.call(() -> layer.shutdownNow(e, how), "shutdown");
    }

    /**
     * Closes the socket: datagrams already queued still go out, its port is free again, and a
     * call blocked on it fails. The descriptor may then be given to a new socket.
     */
    public void close(int descriptor) throws SocketException {
        SocketEntry e = layer.entry(descriptor, "close");
        if (e instanceof DatagramEntry d) {
            d.shutSendQueue(); // first, here: nothing queued after this, no sender left waiting
        }
        layer.call(() -> layer.closeNow(e), "close");
    }

    /** Blocking (the default) or non-blocking mode (O_NONBLOCK). */
    public void setBlocking(int descriptor, boolean blocking) throws SocketException {
        layer.entry(descriptor, "setBlocking").blocking = blocking;
    }

    /**
     * How long a blocking receive waits (SO_RCVTIMEO); 0 waits for ever.
     *
     * @throws IllegalArgumentException for a negative timeout
     */
    public void setReceiveTimeout(int descriptor, long timeout, TimeUnit unit) throws SocketException {
        layer.entry(descriptor, "setReceiveTimeout").receiveTimeoutNanos = timeoutNanos(timeout, unit);
    }

    /**
     * How long a blocking send waits for room in the send queue (SO_SNDTIMEO); 0 waits for ever.
     *
     * @throws IllegalArgumentException for a negative timeout
     */
    public void setSendTimeout(int descriptor, long timeout, TimeUnit unit) throws SocketException {
        layer.entry(descriptor, "setSendTimeout").sendTimeoutNanos = timeoutNanos(timeout, unit);
    }

    private static long timeoutNanos(long timeout, TimeUnit unit) {
        if (timeout < 0) {
            throw new IllegalArgumentException("a timeout cannot be negative: " + timeout + " " + unit);
        }
        return unit.toNanos(timeout);
    }

    /** Our address and port (getsockname); port 0 while unbound. */
    public InetEndpoint localAddress(int descriptor) throws SocketException {
        SocketEntry e = layer.entry(descriptor, "getsockname");
        if (e instanceof StreamEntry s) {
            var c = s.connection;
            if (c != null) {
                return new InetEndpoint(c.localAddress(), c.localPort());
            }
            var l = s.listener;
            return l != null ? new InetEndpoint(l.localAddress(), l.localPort())
                    : new InetEndpoint(s.bindAddress, s.bindPort);
        }
        DatagramEntry d = (DatagramEntry) e;
        return new InetEndpoint(d.localAddress, d.localPort);
    }

    /** The connected peer (getpeername); {@link SocketError#NOT_CONNECTED} when there is none. */
    public InetEndpoint remoteAddress(int descriptor) throws SocketException {
        SocketEntry e = layer.entry(descriptor, "getpeername");
        if (e instanceof StreamEntry s) {
            var c = s.connection;
            if (c == null || !s.hasPeer()) {
                // As Linux: no peer while connecting, and none once the connection failed.
                throw new SocketException(SocketError.NOT_CONNECTED, "getpeername on socket " + descriptor);
            }
            return new InetEndpoint(c.remoteAddress(), c.remotePort());
        }
        DatagramEntry d = (DatagramEntry) e;
        if (d.remotePort == 0) {
            throw new SocketException(SocketError.NOT_CONNECTED, "getpeername on socket " + descriptor);
        }
        return new InetEndpoint(d.remoteAddress, d.remotePort);
    }

    /** TCP_NODELAY: small writes go out at once instead of waiting as Nagle's rule says. */
    public void setNoDelay(int descriptor, boolean on) throws SocketException {
        StreamEntry s = stream(descriptor, "setNoDelay");
        s.noDelay = on;
        var c = s.connection;
        if (c != null) {
            c.setNoDelay(on);
        }
    }

    /** SO_KEEPALIVE: probe an idle connection (RFC 1122 §4.2.3.6), off by default. */
    public void setKeepalive(int descriptor, boolean on) throws SocketException {
        StreamEntry s = stream(descriptor, "setKeepalive");
        s.keepalive = on;
        var c = s.connection;
        if (c != null) {
            c.setKeepalive(on);
            c.requestOutput();
        }
    }

    /** A new stream socket connected to {@code address:port}, in its Java-friendly wrapper (blocking). */
    public StreamSocket openStream(int address, int port) throws SocketException {
        int fd = socket(SocketType.STREAM);
        try {
            connect(fd, address, port);
            return new StreamSocket(this, fd);
        } catch (SocketException | RuntimeException e) {
            close(fd);
            throw e;
        }
    }

    /**
     * The Java-friendly wrapper of a stream socket made with {@link #socket} (and connected or
     * accepted): for a caller that wants to see each step, as a browser tracing its journey does.
     * The wrapper owns the descriptor from then on: closing it closes the socket.
     */
    public StreamSocket stream(int descriptor) throws SocketException {
        stream(descriptor, "stream");
        return new StreamSocket(this, descriptor);
    }

    /** A listening stream socket on {@code address:port} in its wrapper. */
    public ListeningSocket openListening(int address, int port, int backlog) throws SocketException {
        int fd = socket(SocketType.STREAM);
        try {
            bind(fd, address, port);
            listen(fd, backlog);
            return new ListeningSocket(this, fd);
        } catch (SocketException | RuntimeException e) {
            close(fd);
            throw e;
        }
    }

    /** The largest datagram {@code descriptor} can send. */
    public int maxDatagram(int descriptor) throws SocketException {
        return datagram(descriptor, "maxDatagram").maxDatagram();
    }

    /** The socket table, as {@code netstat} shows it ({@link Netstat#format}). */
    public List<SocketInfo> table() throws SocketException {
        return layer.call(layer::tableNow, "netstat");
    }

    /**
     * Runs {@code service} on the stack thread from the next turn on.
     *
     * @throws IllegalStateException when {@link SocketConfig#maxServices()} are running already
     */
    public void addService(Service service) throws SocketException {
        Objects.requireNonNull(service, "service");
        layer.call(() -> layer.addServiceNow(service), "addService");
    }

    public void removeService(Service service) throws SocketException {
        layer.call(() -> layer.removeServiceNow(service), "removeService");
    }

    /** Services that threw and were stopped, each with what it threw. */
    public List<String> serviceFailures() throws SocketException {
        return layer.call(layer::serviceFailuresNow, "serviceFailures");
    }

    /** Sockets open now. */
    public int openCount() throws SocketException {
        return layer.call(layer::openCount, "openCount");
    }

    /** A new datagram socket in its Java-friendly wrapper. */
    public DatagramSocket openDatagram() throws SocketException {
        return new DatagramSocket(this, socket(SocketType.DATAGRAM));
    }

    private StreamEntry stream(int descriptor, String what) throws SocketException {
        SocketEntry e = layer.entry(descriptor, what);
        if (e instanceof StreamEntry s) {
            return s;
        }
        throw notOnThisType(e, what);
    }

    private DatagramEntry datagram(int descriptor, String what) throws SocketException {
        SocketEntry e = layer.entry(descriptor, what);
        if (e instanceof DatagramEntry d) {
            return d;
        }
        throw notOnThisType(e, what);
    }

    private static SocketException notOnThisType(SocketEntry e, String what) {
        return new SocketException(SocketError.NOT_SUPPORTED, what + " on a " + e.type.name().toLowerCase(
                java.util.Locale.ROOT) + " socket (" + e.descriptor + ")");
    }

    private static int checkPort(int port, String what) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException(what + ": port must be 0..65535, was " + port);
        }
        return port;
    }
}
