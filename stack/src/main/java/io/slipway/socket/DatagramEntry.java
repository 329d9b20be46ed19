package io.slipway.socket;

import io.slipway.base.Bytes;
import io.slipway.base.FrameRing;
import io.slipway.base.PacketBuffer;
import io.slipway.udp.SendStatus;
import io.slipway.udp.Udp;
import io.slipway.udp.UdpEndpoint;
import io.slipway.udp.UdpError;
import io.slipway.udp.UdpHeader;
import io.slipway.udp.UdpReceiver;

/**
 * A datagram (UDP) socket: a send queue from the application to the stack and a receive queue
 * from the stack to the application, each a {@link FrameRing} holding one record per datagram.
 *
 * <pre>
 *   send record:    destination address (4) | destination port (2) | payload
 *   receive record: source address (4) | source port (2) | destination address (4) | payload
 * </pre>
 *
 * Each ring has one producer and one consumer: the stack thread at one end, and at the other the
 * application threads, one at a time ({@link #sendLock}, {@link #receiveLock}). The receive
 * queue is the socket's receive buffer: when it is full, what arrives is dropped and counted.
 */
final class DatagramEntry extends SocketEntry implements UdpReceiver {
    static final int SEND_HEAD = 6;
    static final int RECEIVE_HEAD = 10;
    /** Datagrams sent per socket per stack turn, so that one busy socket cannot starve the rest. */
    static final int SEND_BUDGET = 64;

    private final SocketLayer layer;
    private final FrameRing sendQueue;
    private final FrameRing receiveQueue;
    final Object sendLock = new Object();
    final Object receiveLock = new Object();
    /** App, under sendLock / receiveLock. */
    private final byte[] appSendHead = new byte[SEND_HEAD];
    private final byte[] appReceiveHead = new byte[RECEIVE_HEAD];
    /** Stack thread. */
    private final byte[] stackReceiveHead = new byte[RECEIVE_HEAD];
    UdpEndpoint endpoint;
    /** Set by a sender after queueing, cleared by the stack before it drains. */
    volatile boolean sendQueued;
    /** Stack: copies of the endpoint's addresses for application threads (getsockname, send). */
    volatile int localAddress;
    volatile int localPort;
    volatile int remoteAddress;
    volatile int remotePort;

    DatagramEntry(int descriptor, SocketLayer layer, int receiveBytes, int sendBytes) {
        super(descriptor, SocketType.DATAGRAM);
        this.layer = layer;
        this.receiveQueue = new FrameRing(receiveBytes);
        this.sendQueue = new FrameRing(sendBytes);
    }

    /** The largest datagram the send queue takes: all of it, less the record's own bytes. */
    int maxDatagram() {
        return Math.min(UdpHeader.MAX_PAYLOAD, sendQueue.maxFrameLength() - SEND_HEAD);
    }

    /** Stack: the endpoint's addresses changed (bind, connect). */
    void publishAddresses() {
        localAddress = endpoint.localAddress();
        localPort = endpoint.localPort();
        remoteAddress = endpoint.remoteAddress();
        remotePort = endpoint.remotePort();
    }

    // ---------------------------------------------------------------- application side

    /** App: queues one datagram; its length, or {@link Sockets#WOULD_BLOCK}. */
    int enqueue(byte[] b, int off, int len, int address, int port, String what) throws SocketException {
        synchronized (sendLock) {
            Bytes.put32(appSendHead, 0, address);
            Bytes.put16(appSendHead, 4, port);
            long deadline = 0;
            boolean first = true;
            while (!sendQueue.offer(appSendHead, SEND_HEAD, b, off, len)) {
                failIfUnusable(what);
                if (!blocking) {
                    return Sockets.WOULD_BLOCK;
                }
                layer.refuseBlockingOnStackThread(what);
                if (first) {
                    deadline = deadline(sendTimeoutNanos);
                    first = false;
                } else if (!before(deadline)) {
                    throw new TimedOutException(what);
                }
                writer = Thread.currentThread();
                try {
                    if (FrameRing.recordBytes(SEND_HEAD + len) > sendQueue.capacity() - sendQueue.usedBytes()
                            && !closed && !hasError()) {
                        parkUntil(deadline, what);
                    }
                } finally {
                    writer = null;
                }
            }
        }
        sendQueued = true;
        layer.sendQueued();
        return len;
    }

    /** App: takes one datagram; the bytes copied, or {@link Sockets#WOULD_BLOCK}. */
    int dequeue(byte[] b, int off, int len, PeerAddress from, String what) throws SocketException {
        synchronized (receiveLock) {
            long deadline = 0;
            boolean first = true;
            while (true) {
                int n = receiveQueue.poll(appReceiveHead, RECEIVE_HEAD, b, off, len);
                if (n >= 0) {
                    if (from != null) {
                        from.set(Bytes.i32(appReceiveHead, 0), Bytes.u16(appReceiveHead, 4));
                    }
                    return Math.min(n - RECEIVE_HEAD, len);
                }
                SocketError error = takeError();
                if (error != null) {
                    throw SocketException.of(error, what);
                }
                if (closed) {
                    throw new SocketException(SocketError.BAD_DESCRIPTOR, what + ": socket " + descriptor + " was closed");
                }
                if (readShutdown) {
                    return 0;
                }
                if (!blocking) {
                    return Sockets.WOULD_BLOCK;
                }
                layer.refuseBlockingOnStackThread(what);
                if (first) {
                    deadline = deadline(receiveTimeoutNanos);
                    first = false;
                } else if (!before(deadline)) {
                    throw new TimedOutException(what);
                }
                awaitReadable(deadline, what);
            }
        }
    }

    /**
     * App: parks until a datagram, an error, close or shutdown, or the deadline (0: none).
     * Returns whether the socket is readable.
     */
    boolean awaitReadable(long deadline, String what) throws SocketException {
        reader = Thread.currentThread();
        try {
            while (!isReadable()) {
                if (!before(deadline)) {
                    return false;
                }
                parkUntil(deadline, what);
            }
            return true;
        } finally {
            reader = null;
        }
    }

    boolean isReadable() {
        return !receiveQueue.isEmpty() || hasError() || closed || readShutdown;
    }

    private void failIfUnusable(String what) throws SocketException {
        SocketError error = takeError();
        if (error != null) {
            throw SocketException.of(error, what);
        }
        if (closed) {
            throw new SocketException(SocketError.BAD_DESCRIPTOR, what + ": socket " + descriptor + " was closed");
        }
        if (writeShutdown) {
            throw new SocketException(SocketError.SHUT_DOWN, what);
        }
    }

    /** App: the checks every send makes before queueing. */
    void checkSendable(String what) throws SocketException {
        failIfUnusable(what);
    }

    // ---------------------------------------------------------------- stack side

    /** Stack: sends what the application queued, up to {@link #SEND_BUDGET}; true if more is left. */
    boolean drain(Udp udp, PacketBuffer buffer, long nowNanos) {
        for (int i = 0; i < SEND_BUDGET; i++) {
            PacketBuffer b = buffer.reset(Udp.HEADROOM - SEND_HEAD);
            int n = sendQueue.poll(b.data(), b.offset(), b.capacity() - b.offset());
            if (n < 0) {
                wakeWriter();
                return false;
            }
            byte[] d = b.data();
            int address = Bytes.i32(d, b.offset());
            int port = Bytes.u16(d, b.offset() + 4);
            b.set(b.offset() + SEND_HEAD, n - SEND_HEAD);
            SendStatus status = udp.send(endpoint, address, port, b, nowNanos);
            if (status == SendStatus.SENT) {
                layer.count(SocketEvent.DATAGRAMS_SENT);
            } else {
                layer.count(SocketEvent.DROP_SEND_FAILED);
                if (status == SendStatus.NO_ROUTE) {
                    // BSD fails sendto with ENETUNREACH; queued, this reaches the next call instead.
                    setError(SocketError.NETWORK_UNREACHABLE);
                }
            }
        }
        wakeWriter();
        return !sendQueue.isEmpty();
    }

    @Override
    public boolean onDatagram(UdpEndpoint e, int source, int sourcePort, int destination, byte[] data, int offset,
            int length, long nowNanos) {
        if (readShutdown) {
            layer.count(SocketEvent.DROP_READ_SHUT_DOWN);
            return true;
        }
        Bytes.put32(stackReceiveHead, 0, source);
        Bytes.put16(stackReceiveHead, 4, sourcePort);
        Bytes.put32(stackReceiveHead, 6, destination);
        if (!receiveQueue.offer(stackReceiveHead, RECEIVE_HEAD, data, offset, length)) {
            layer.count(SocketEvent.DROP_RECEIVE_QUEUE_FULL);
            return false;
        }
        layer.count(SocketEvent.DATAGRAMS_RECEIVED);
        wakeReader();
        return true;
    }

    @Override
    public void onError(UdpEndpoint e, UdpError error, int reporter, long nowNanos) {
        layer.count(SocketEvent.ERRORS_DELIVERED);
        setError(switch (error) {
            case REFUSED -> SocketError.CONNECTION_REFUSED;
            case NETWORK_UNREACHABLE -> SocketError.NETWORK_UNREACHABLE;
            case HOST_UNREACHABLE -> SocketError.HOST_UNREACHABLE;
            case MESSAGE_TOO_BIG -> SocketError.MESSAGE_TOO_LONG;
            case PROTOCOL_ERROR -> SocketError.PROTOCOL_ERROR;
        });
    }

    /** Stack: what is queued still goes out (the datagrams were "sent"), then the port is freed. */
    @Override
    void closeNow(long nowNanos) {
        if (endpoint != null) {
            while (drain(layer.udp(), layer.sendBuffer(), nowNanos)) {
                // every queued datagram, however many turns' budgets that is
            }
            layer.udp().close(endpoint);
        }
        closed = true;
        wakeAll();
    }

    @Override
    SocketInfo info() {
        boolean connected = remotePort != 0;
        return new SocketInfo(descriptor, type, new InetEndpoint(localAddress, localPort),
                new InetEndpoint(remoteAddress, remotePort), connected ? "ESTABLISHED" : "",
                Math.max(0, receiveQueue.usedBytes()), Math.max(0, sendQueue.usedBytes()));
    }
}
