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
 * <p>Stream sockets (TCP) have their place in the table and this API, and fail with
 * {@link SocketError#NOT_SUPPORTED} until TCP exists.
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
        DatagramEntry d = datagram(descriptor, what);
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
        DatagramEntry d = datagram(descriptor, what);
        layer.call(() -> layer.connectNow(d, address, port, what), what);
    }

    /** Stream sockets only: waits for connections, at most {@code backlog} not yet accepted. */
    public void listen(int descriptor, int backlog) throws SocketException {
        SocketEntry e = layer.entry(descriptor, "listen");
        throw notOnThisType(e, "listen");
    }

    /** Stream sockets only: the next connection's descriptor; {@code from} gets its peer. */
    public int accept(int descriptor, PeerAddress from) throws SocketException {
        SocketEntry e = layer.entry(descriptor, "accept");
        throw notOnThisType(e, "accept");
    }

    /** Sends on a connected socket; the bytes sent, or {@link #WOULD_BLOCK}. */
    public int send(int descriptor, byte[] b, int off, int len) throws SocketException {
        DatagramEntry d = datagram(descriptor, "send");
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

    /** Receives on a socket: the bytes copied (a longer datagram is cut), or {@link #WOULD_BLOCK}. */
    public int recv(int descriptor, byte[] b, int off, int len) throws SocketException {
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
        DatagramEntry d = datagram(descriptor, "poll");
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
        DatagramEntry d = datagram(descriptor, "getsockname");
        return new InetEndpoint(d.localAddress, d.localPort);
    }

    /** The connected peer (getpeername); {@link SocketError#NOT_CONNECTED} when there is none. */
    public InetEndpoint remoteAddress(int descriptor) throws SocketException {
        DatagramEntry d = datagram(descriptor, "getpeername");
        if (d.remotePort == 0) {
            throw new SocketException(SocketError.NOT_CONNECTED, "getpeername on socket " + descriptor);
        }
        return new InetEndpoint(d.remoteAddress, d.remotePort);
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
