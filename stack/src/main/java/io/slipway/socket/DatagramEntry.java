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
 * application threads, one at a time ({@link #sendLock}, {@link #receiveLock}, held only around
 * a ring operation, never while waiting). The receive queue is the socket's receive buffer: when
 * it is full, what arrives is dropped and counted.
 *
 * <p>Closing: the closing thread first shuts the send queue under {@link #sendLock}, so that no
 * datagram can be queued after it; the stack then sends everything queued before, and frees the
 * port. A sender waiting for room is woken and fails, rather than queue into a closed socket.
 */
final class DatagramEntry extends SocketEntry implements UdpReceiver {
    static final int SEND_HEAD = 6;
    static final int RECEIVE_HEAD = 10;
    /** Datagrams sent per socket per stack turn, so that one busy socket cannot starve the rest. */
    static final int SEND_BUDGET = 64;
    /** What {@link #await} waits for. */
    private static final int READABLE = 0;
    private static final int WRITABLE = 1;

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
    /** App, under sendLock: the socket is being closed; nothing more may be queued. */
    private volatile boolean sendClosed;
    /** Stack: copies of the endpoint's addresses for application threads (getsockname, send). */
    volatile int localAddress;
    volatile int localPort;
    volatile int remoteAddress;
    volatile int remotePort;
    /** Payload bytes through each queue, each written by one side: for netstat's Recv-Q and Send-Q. */
    private volatile long receivedBytes;
    private volatile long readBytes;
    private volatile long queuedBytes;
    private volatile long sentBytes;

    DatagramEntry(int descriptor, SocketLayer layer, int receiveBytes, int sendBytes) {
        super(descriptor, SocketType.DATAGRAM);
        this.layer = layer;
        this.receiveQueue = new FrameRing(receiveBytes);
        this.sendQueue = new FrameRing(sendBytes);
    }

    /**
     * The largest datagram this socket sends: what fits its send queue, and also its receive
     * queue, so that a peer configured alike can take it.
     */
    int maxDatagram() {
        return Math.min(UdpHeader.MAX_PAYLOAD, Math.min(sendQueue.maxFrameLength() - SEND_HEAD,
                receiveQueue.maxFrameLength() - RECEIVE_HEAD));
    }

    /** Stack: the endpoint's addresses changed (bind, connect). */
    void publishAddresses() {
        localAddress = endpoint.localAddress();
        localPort = endpoint.localPort();
        remoteAddress = endpoint.remoteAddress();
        remotePort = endpoint.remotePort();
    }

    @Override
    boolean isReady(int condition, int argument) {
        if (closed || hasError()) {
            return true;
        }
        if (condition == READABLE) {
            return !receiveQueue.isEmpty() || readShutdown;
        }
        return sendClosed || writeShutdown || sendQueue.capacity() - sendQueue.usedBytes() >= argument;
    }

    // ---------------------------------------------------------------- application side

    /** App: queues one datagram; its length, or {@link Sockets#WOULD_BLOCK}. */
    int enqueue(byte[] b, int off, int len, int address, int port, String what) throws SocketException {
        long deadline = 0;
        boolean first = true;
        while (true) {
            synchronized (sendLock) {
                failIfUnusable(what);
                Bytes.put32(appSendHead, 0, address);
                Bytes.put16(appSendHead, 4, port);
                if (sendQueue.offer(appSendHead, SEND_HEAD, b, off, len)) {
                    queuedBytes += len;
                    break;
                }
            }
            if (!blocking) {
                return Sockets.WOULD_BLOCK;
            }
            layer.refuseBlockingOnStackThread(what);
            if (first) {
                deadline = deadline(sendTimeoutNanos);
                first = false;
            }
            if (!await(WRITABLE, FrameRing.recordBytes(SEND_HEAD + len), deadline, what)) {
                throw new TimedOutException(what);
            }
        }
        sendQueued = true;
        layer.sendQueued();
        return len;
    }

    /** App: takes one datagram; the bytes copied, or {@link Sockets#WOULD_BLOCK}. */
    int dequeue(byte[] b, int off, int len, PeerAddress from, String what) throws SocketException {
        long deadline = 0;
        boolean first = true;
        while (true) {
            synchronized (receiveLock) {
                int n = receiveQueue.poll(appReceiveHead, RECEIVE_HEAD, b, off, len);
                if (n >= 0) {
                    readBytes += n - RECEIVE_HEAD;
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
                    throw closedException(what);
                }
                if (readShutdown) {
                    return 0;
                }
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

    /** App: waits until something can be read (or an error, close, shutdown); false at the deadline. */
    boolean awaitReadable(long deadline, String what) throws SocketException {
        return await(READABLE, 0, deadline, what);
    }

    boolean isReadable() {
        return isReady(READABLE, 0);
    }

    /**
     * App, the first step of close: nothing may be queued from now on, and senders waiting for
     * room wake up and fail.
     */
    void shutSendQueue() {
        synchronized (sendLock) {
            sendClosed = true;
        }
        wakeWaiters();
    }

    private void failIfUnusable(String what) throws SocketException {
        if (closed || sendClosed) {
            throw closedException(what);
        }
        SocketError error = takeError();
        if (error != null) {
            throw SocketException.of(error, what);
        }
        if (writeShutdown) {
            throw new SocketException(SocketError.SHUT_DOWN, what);
        }
    }

    private SocketException closedException(String what) {
        return new SocketException(SocketError.BAD_DESCRIPTOR, what + ": socket " + descriptor + " was closed");
    }

    /** App: the checks every send makes before queueing. */
    void checkSendable(String what) throws SocketException {
        if (closed || sendClosed) {
            throw closedException(what);
        }
        if (writeShutdown) {
            throw new SocketException(SocketError.SHUT_DOWN, what);
        }
    }

    // ---------------------------------------------------------------- stack side

    /** Stack: sends what the application queued, up to {@link #SEND_BUDGET}; true if more is left. */
    boolean drain(Udp udp, PacketBuffer buffer, long nowNanos) {
        for (int i = 0; i < SEND_BUDGET; i++) {
            PacketBuffer b = buffer.reset(Udp.HEADROOM - SEND_HEAD);
            int n = sendQueue.poll(b.data(), b.offset(), b.capacity() - b.offset());
            if (n < 0) {
                wakeWaiters();
                return false;
            }
            sentBytes += n - SEND_HEAD;
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
        wakeWaiters();
        return !sendQueue.isEmpty();
    }

    @Override
    public boolean onDatagram(UdpEndpoint e, int source, int sourcePort, int destination, byte[] data, int offset,
            int length, long nowNanos) {
        if (readShutdown) {
            layer.count(SocketEvent.DROP_READ_SHUT_DOWN);
            return true;
        }
        if (RECEIVE_HEAD + length > receiveQueue.maxFrameLength()) {
            layer.count(SocketEvent.DROP_TOO_BIG_FOR_QUEUE); // never fits, not even an empty queue
            return true;
        }
        Bytes.put32(stackReceiveHead, 0, source);
        Bytes.put16(stackReceiveHead, 4, sourcePort);
        Bytes.put32(stackReceiveHead, 6, destination);
        if (!receiveQueue.offer(stackReceiveHead, RECEIVE_HEAD, data, offset, length)) {
            layer.count(SocketEvent.DROP_RECEIVE_QUEUE_FULL);
            return false;
        }
        receivedBytes += length;
        layer.count(SocketEvent.DATAGRAMS_RECEIVED);
        wakeWaiters();
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

    /**
     * Stack: everything queued goes out (those datagrams were "sent": the closing thread shut the
     * queue first, see the class comment), then the port is freed and waiters fail.
     */
    @Override
    void closeNow(long nowNanos) {
        sendClosed = true;
        if (endpoint != null) {
            while (drain(layer.udp(), layer.sendBuffer(), nowNanos)) {
                // every queued datagram, however many turns' budgets that is
            }
            layer.udp().close(endpoint);
        }
        closed = true;
        wakeWaiters();
    }

    @Override
    SocketInfo info() {
        boolean connected = remotePort != 0;
        return new SocketInfo(descriptor, type, new InetEndpoint(localAddress, localPort),
                new InetEndpoint(remoteAddress, remotePort), connected ? "ESTABLISHED" : "",
                (int) (receivedBytes - readBytes), (int) (queuedBytes - sentBytes));
    }
}
