package io.slipway.socket;

import io.slipway.base.Clock;
import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import io.slipway.tcp.Listener;
import io.slipway.tcp.OpenResult;
import io.slipway.tcp.Tcp;
import io.slipway.tcp.TcpConnection;
import io.slipway.udp.BindResult;
import io.slipway.udp.Udp;
import io.slipway.udp.UdpEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The stack's half of the socket library: the descriptor table, the protocol endpoints behind
 * each descriptor, the services that run on the stack thread, and the work applications hand
 * over. {@link Sockets} is the half applications call.
 *
 * <p>On each turn of the stack, {@link #poll} runs the control operations applications queued
 * (open, bind, connect, close, ...), sends what they wrote, runs the services, and sends what the
 * services wrote. Descriptors are small integers from {@link #FIRST_DESCRIPTOR}, the lowest free
 * one first, as a BSD kernel gives them.
 *
 * <p>The table is changed on the stack thread only; application threads read it (an
 * {@link AtomicReferenceArray}, so a new entry is seen whole).
 */
public final class SocketLayer {
    /** 0, 1 and 2 are a BSD process's standard input, output and error; sockets start after them. */
    public static final int FIRST_DESCRIPTOR = 3;

    private final Udp udp;
    private final Tcp tcp;
    private final SocketConfig config;
    private final Runnable wakeStack;
    private final AtomicReferenceArray<SocketEntry> table;
    private final Counters<SocketEvent> events = new Counters<>(SocketEvent.class);
    private final ControlQueue control = new ControlQueue();
    /** Set by a sender after it queued a datagram; cleared by the stack before it looks. */
    private final AtomicBoolean sendQueued = new AtomicBoolean();
    private final PacketBuffer sendBuffer;
    private final Service[] services;
    private int serviceCount;
    /** This turn's services, copied before any runs, so that adding or removing one mid-turn is safe. */
    private final Service[] running;
    /** The most recent failures of services, at most {@link #MAX_FAILURES_KEPT}. */
    private final java.util.ArrayDeque<String> serviceFailures = new java.util.ArrayDeque<>();
    static final int MAX_FAILURES_KEPT = 16;
    private final Sockets api;
    /** The thread that polls this stack; null when whoever calls the API polls it (a unit test). */
    private volatile Thread stackThread;
    private long lastPoll;

    public SocketLayer(Udp udp, Tcp tcp, SocketConfig config, Runnable wakeStack) {
        this.udp = udp;
        this.tcp = tcp;
        this.config = config;
        this.wakeStack = wakeStack;
        this.table = new AtomicReferenceArray<>(config.maxSockets());
        this.services = new Service[config.maxServices()];
        this.running = new Service[config.maxServices()];
        this.sendBuffer = PacketBuffer.standalone(Udp.HEADROOM + config.datagramSendBytes(), Udp.HEADROOM);
        this.api = new Sockets(this);
    }

    /** The BSD-like API applications call, from any thread. */
    public Sockets api() {
        return api;
    }

    public Counters<SocketEvent> events() {
        return events;
    }

    public SocketConfig config() {
        return config;
    }

    /**
     * Says which thread drives the stack ({@code StackRunner}'s, or a simulation's), so that API
     * calls from it run at once and calls from other threads are handed to it.
     */
    public void setStackThread(Thread thread) {
        this.stackThread = thread;
    }

    /** True on the thread that drives the stack (or when no thread was named: the caller polls). */
    boolean onStackThread() {
        Thread t = stackThread;
        return t == null || t == Thread.currentThread();
    }

    /** A blocking call on the stack thread would wait for the very thread it stops. */
    void refuseBlockingOnStackThread(String what) {
        if (onStackThread()) {
            throw new IllegalStateException(what + ": a blocking call on the thread that drives the stack would never"
                    + " return; use non-blocking mode there (Sockets.setBlocking(fd, false))");
        }
    }

    // ---------------------------------------------------------------- stack turn

    /** Stack thread: control operations, queued sends, services, then what the services sent. */
    public void poll(long nowNanos) {
        lastPoll = nowNanos;
        control.runAll();
        drainSends(nowNanos);
        runServices(nowNanos);
        drainSends(nowNanos);
    }

    /** True when a call or a datagram waits for the stack thread. */
    public boolean hasPendingWork() {
        return sendQueued.get() || !control.isEmpty();
    }

    /** The earliest deadline of the services, {@link Clock#NEVER} if none. */
    public long nextDeadline() {
        long next = Clock.NEVER;
        for (int i = 0; i < serviceCount; i++) {
            next = Math.min(next, services[i].nextDeadline());
        }
        return next;
    }

    private void drainSends(long nowNanos) {
        if (!sendQueued.getAndSet(false)) {
            return;
        }
        for (int i = 0; i < table.length(); i++) {
            if (table.get(i) instanceof DatagramEntry d && d.sendQueued) {
                d.sendQueued = false;
                if (d.drain(udp, sendBuffer, nowNanos)) {
                    d.sendQueued = true; // more than a turn's budget: the rest next turn
                    sendQueued.set(true);
                }
            }
        }
    }

    /**
     * Runs each service that was there when the turn began and is still there when its time
     * comes (one removed by another during the turn does not run; one added runs next turn).
     */
    private void runServices(long nowNanos) {
        int n = serviceCount;
        System.arraycopy(services, 0, running, 0, n);
        for (int i = 0; i < n; i++) {
            Service s = running[i];
            running[i] = null;
            if (indexOf(s) < 0) {
                continue;
            }
            try {
                s.poll(nowNanos);
            } catch (RuntimeException | AssertionError | StackOverflowError | LinkageError e) {
                // An application's bug must not stop the stack (and every other socket) with it;
                // only running out of memory (a VirtualMachineError) is not one to carry on after.
                events.increment(SocketEvent.SERVICE_FAILED);
                if (serviceFailures.size() == MAX_FAILURES_KEPT) {
                    serviceFailures.removeFirst();
                }
                serviceFailures.addLast(s.name() + ": " + e);
                removeServiceNow(s);
            }
        }
    }

    private int indexOf(Service s) {
        for (int i = 0; i < serviceCount; i++) {
            if (services[i] == s) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- for the entries

    void sendQueued() {
        sendQueued.set(true);
        wakeStack.run();
    }

    void count(SocketEvent event) {
        events.increment(event);
    }

    Udp udp() {
        return udp;
    }

    PacketBuffer sendBuffer() {
        return sendBuffer;
    }

    // ---------------------------------------------------------------- control operations

    /** Runs {@code call} on the stack thread: now if this is it, else at its next turn. */
    <T> T call(StackCall<T> call, String what) throws SocketException {
        if (onStackThread()) {
            return call.run();
        }
        return control.call(call, wakeStack, what);
    }

    /** The entry for {@code descriptor}, or a BAD_DESCRIPTOR failure. Any thread. */
    SocketEntry entry(int descriptor, String what) throws SocketException {
        int i = descriptor - FIRST_DESCRIPTOR;
        SocketEntry e = i >= 0 && i < table.length() ? table.get(i) : null;
        if (e == null || e.closed) {
            throw new SocketException(SocketError.BAD_DESCRIPTOR, what + ": " + descriptor + " is not an open socket");
        }
        return e;
    }

    /** Stack thread. */
    int openNow(SocketType type) throws SocketException {
        for (int i = 0; i < table.length(); i++) {
            if (table.get(i) == null) {
                if (type == SocketType.STREAM) {
                    StreamEntry e = new StreamEntry(FIRST_DESCRIPTOR + i);
                    table.set(i, e);
                    events.increment(SocketEvent.OPENED);
                    return e.descriptor;
                }
                DatagramEntry d = new DatagramEntry(FIRST_DESCRIPTOR + i, this, config.datagramReceiveBytes(),
                        config.datagramSendBytes());
                UdpEndpoint endpoint = udp.open(d);
                if (endpoint == null) {
                    throw new SocketException(SocketError.TOO_MANY_SOCKETS, "socket: UDP's table is full ("
                            + udp.capacity() + " endpoints)");
                }
                d.endpoint = endpoint;
                table.set(i, d);
                events.increment(SocketEvent.OPENED);
                return d.descriptor;
            }
        }
        throw new SocketException(SocketError.TOO_MANY_SOCKETS, "socket: all " + table.length() + " descriptors in use");
    }

    /** Stack thread. */
    Void bindNow(DatagramEntry d, int address, int port, String what) throws SocketException {
        check(udp.bind(d.endpoint, address, port), what);
        d.publishAddresses();
        return null;
    }

    /** Stack thread: binds an unbound socket to an ephemeral port (a first sendto does). */
    Void bindIfUnboundNow(DatagramEntry d, String what) throws SocketException {
        if (!d.endpoint.isBound()) {
            bindNow(d, Addresses.ANY, 0, what);
        }
        return null;
    }

    /** Stack thread. */
    Void connectNow(DatagramEntry d, int address, int port, String what) throws SocketException {
        check(udp.connect(d.endpoint, address, port), what);
        d.publishAddresses();
        return null;
    }

    private static void check(BindResult result, String what) throws SocketException {
        switch (result) {
            case OK:
                return;
            case ADDRESS_IN_USE:
                throw new AddressInUseException(what);
            case ADDRESS_NOT_AVAILABLE:
                throw new SocketException(SocketError.ADDRESS_NOT_AVAILABLE, what);
            case NO_FREE_PORT:
                throw new SocketException(SocketError.ADDRESS_NOT_AVAILABLE, what + ": no ephemeral port is free");
            case NO_ROUTE:
                throw new NoRouteException(what);
            default:
                throw new SocketException(SocketError.INVALID, what);
        }
    }

    /** Stack thread. */
    Void closeNow(SocketEntry e) {
        int i = e.descriptor - FIRST_DESCRIPTOR;
        if (table.get(i) == e) {
            if (e instanceof StreamEntry s) {
                TcpConnection c = s.connection;
                if (c != null) {
                    s.detach();
                    tcp.close(c, lastPoll);
                }
                if (s.listener != null) {
                    tcp.closeListener(s.listener, lastPoll);
                }
            }
            e.closeNow(lastPoll);
            table.set(i, null);
            events.increment(SocketEvent.CLOSED);
        }
        return null;
    }

    /** Stack thread. */
    Void shutdownNow(SocketEntry e, Shutdown how) throws SocketException {
        if (e instanceof StreamEntry s && s.connection == null) {
            throw new SocketException(SocketError.NOT_CONNECTED, "shutdown on socket " + e.descriptor);
        }
        if (how.read()) {
            e.readShutdown = true;
        }
        if (how.write()) {
            e.writeShutdown = true;
            if (e instanceof StreamEntry s && s.connection != null) {
                tcp.shutdownOutput(s.connection, lastPoll);
            }
        }
        e.wakeWaiters();
        return null;
    }

    // ---------------------------------------------------------------- stream (TCP) control operations

    /** Stack thread: remembers the address for listen or connect, refusing one that is taken. */
    Void bindStreamNow(StreamEntry e, int address, int port, String what) throws SocketException {
        if (e.bound || e.connection != null || e.listener != null) {
            throw new SocketException(SocketError.INVALID, what + ": socket " + e.descriptor + " is already bound");
        }
        if (address != Addresses.ANY && !tcp.isLocalAddress(address)) {
            throw new SocketException(SocketError.ADDRESS_NOT_AVAILABLE, what);
        }
        if (port != 0 && (!tcp.listenerPortFree(address, port) || streamBindingTaken(address, port))) {
            throw new AddressInUseException(what);
        }
        e.bindAddress = address;
        e.bindPort = port;
        e.bound = true;
        return null;
    }

    /** A stream socket is bound to {@code port} and not yet listening or connected: an ephemeral choice must avoid it. */
    private boolean streamPortBound(int port) {
        for (int i = 0; i < table.length(); i++) {
            if (table.get(i) instanceof StreamEntry s && s.bound && s.bindPort == port && s.listener == null
                    && s.connection == null) {
                return true;
            }
        }
        return false;
    }

    private boolean streamBindingTaken(int address, int port) {
        for (int i = 0; i < table.length(); i++) {
            if (table.get(i) instanceof StreamEntry s && s.bound && s.bindPort == port && s.listener == null
                    && s.connection == null && (s.bindAddress == address || s.bindAddress == Addresses.ANY
                    || address == Addresses.ANY)) {
                return true;
            }
        }
        return false;
    }

    /** Stack thread: a passive open on the bound address. */
    Void listenNow(StreamEntry e, int backlog, String what) throws SocketException {
        if (e.connection != null) {
            throw new SocketException(SocketError.ALREADY_CONNECTED, what);
        }
        if (e.listener != null) {
            return null; // listen twice: BSD only changes the backlog
        }
        int port = e.bindPort;
        if (port == 0) {
            throw new SocketException(SocketError.INVALID, what + ": bind the socket to a port first");
        }
        OpenResult[] why = new OpenResult[1];
        Listener l = tcp.listen(e.bindAddress, port, backlog, why);
        if (l == null) {
            throw openFailure(why[0], what);
        }
        e.attach(l);
        return null;
    }

    /** Stack thread: an active open; the SYN is on its way when this returns. */
    Void connectStreamNow(StreamEntry e, int address, int port, String what) throws SocketException {
        if (e.connection != null) {
            throw new SocketException(SocketError.ALREADY_CONNECTED, what);
        }
        if (e.listener != null) {
            throw new SocketException(SocketError.INVALID, what + ": socket " + e.descriptor + " is listening");
        }
        OpenResult[] why = new OpenResult[1];
        TcpConnection c = tcp.connect(e.bindAddress, e.bindPort, address, port, lastPoll, this::streamPortBound, why);
        if (c == null) {
            throw openFailure(why[0], what);
        }
        e.attach(c);
        return null;
    }

    /** Stack thread: the next connection of the listener as a new descriptor, or -1 when none waits. */
    Integer acceptNow(StreamEntry e, String what) throws SocketException {
        Listener l = e.listener;
        if (l == null) {
            throw new SocketException(SocketError.INVALID, what + ": socket " + e.descriptor + " is not listening");
        }
        for (int i = 0; i < table.length(); i++) {
            if (table.get(i) == null) {
                TcpConnection c = tcp.accept(l);
                if (c == null) {
                    return -1;
                }
                StreamEntry child = new StreamEntry(FIRST_DESCRIPTOR + i, c, e);
                table.set(i, child);
                events.increment(SocketEvent.OPENED);
                return child.descriptor;
            }
        }
        if (l.queued() == 0) {
            return -1;
        }
        throw new SocketException(SocketError.TOO_MANY_SOCKETS, what + ": all " + table.length() + " descriptors in use");
    }

    private static SocketException openFailure(OpenResult why, String what) {
        return switch (why) {
            case NO_ROUTE -> new NoRouteException(what);
            case ADDRESS_IN_USE -> new AddressInUseException(what);
            case ADDRESS_NOT_AVAILABLE -> new SocketException(SocketError.ADDRESS_NOT_AVAILABLE, what);
            case NO_FREE_PORT -> new SocketException(SocketError.ADDRESS_NOT_AVAILABLE, what + ": no ephemeral port is free");
            default -> new SocketException(SocketError.TOO_MANY_SOCKETS, what + ": every TCP connection is in use");
        };
    }

    /**
     * Stack thread: a row per descriptor, then a row (descriptor -1) per TCP connection no
     * descriptor holds any more — closed, and finishing by itself in FIN-WAIT, LAST-ACK or
     * TIME-WAIT — as netstat lists them too.
     */
    List<SocketInfo> tableNow() {
        List<SocketInfo> rows = new ArrayList<>();
        for (int i = 0; i < table.length(); i++) {
            SocketEntry e = table.get(i);
            if (e != null) {
                rows.add(e.info());
            }
        }
        for (TcpConnection c : tcp.connections()) {
            if (c.isOrphan() && c.state() != io.slipway.tcp.TcpState.CLOSED) {
                rows.add(StreamEntry.orphanInfo(c));
            }
        }
        return rows;
    }

    /** Stack thread. */
    Void addServiceNow(Service service) {
        if (serviceCount == services.length) {
            throw new IllegalStateException("no room for another service (max " + services.length + ")");
        }
        services[serviceCount++] = service;
        return null;
    }

    /** Stack thread. */
    Void removeServiceNow(Service service) {
        int i = indexOf(service);
        if (i >= 0) {
            System.arraycopy(services, i + 1, services, i, serviceCount - i - 1);
            services[--serviceCount] = null;
        }
        return null;
    }

    /** The last {@link #MAX_FAILURES_KEPT} services stopped because they threw, with what; stack thread. */
    List<String> serviceFailuresNow() {
        return List.copyOf(serviceFailures);
    }

    /** Descriptors open now; stack thread. */
    int openCount() {
        int n = 0;
        for (int i = 0; i < table.length(); i++) {
            if (table.get(i) != null) {
                n++;
            }
        }
        return n;
    }
}
