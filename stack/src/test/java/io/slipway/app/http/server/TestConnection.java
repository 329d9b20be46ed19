package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.SECOND;

import io.slipway.socket.Service;
import io.slipway.socket.Shutdown;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A client's TCP connection to the server, written with raw request bytes: what the test
 * {@link #send}s is queued and goes out as the send ring takes it, and whatever the server
 * sends is read as it arrives (a real client reads; {@link #stopReading} makes one that does
 * not), on the client stack's thread, by one {@link Pump} for all connections. The methods that
 * wait run the simulation in virtual time until what they wait for happened.
 */
final class TestConnection {
    private final HttpServerSimulation site;
    private final Sockets sockets;
    private final int fd;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private byte[] toSend = new byte[0];
    private int sent;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    /** Bytes of {@link #received} already handed to the test. */
    private int consumed;
    private boolean reading = true;
    private boolean shutdownAsked;
    private boolean closed;
    private boolean established;
    /** The server's FIN was read (recv gave 0). */
    private boolean endOfStream;
    private long endOfStreamAt = -1;
    private SocketException failure;

    private TestConnection(HttpServerSimulation site) throws SocketException {
        this.site = site;
        this.sockets = site.client.sockets();
        this.fd = sockets.socket(SocketType.STREAM);
        sockets.setBlocking(fd, false);
        sockets.connect(fd, HttpServerSimulation.SERVER_ADDRESS, HttpServerSimulation.PORT);
        site.pump.add(this);
    }

    /** Connects and waits for the handshake. */
    static TestConnection open(HttpServerSimulation site) throws SocketException {
        TestConnection c = start(site);
        if (!site.sim.runUntil(c::connectedOrFailed, 30 * SECOND) || c.failure != null) {
            throw new AssertionError("no connection to the server: " + c.failure);
        }
        return c;
    }

    /** Connects without waiting. */
    static TestConnection start(HttpServerSimulation site) throws SocketException {
        return new TestConnection(site);
    }

    private boolean connectedOrFailed() {
        return failure != null || established;
    }

    /** Queues {@code text} (one octet a char) and runs until it is all in the send ring. */
    TestConnection send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    TestConnection send(byte[] bytes) {
        queue(bytes);
        site.sim.runUntil(() -> failure != null || (sent == toSend.length && pending.size() == 0), 60 * SECOND);
        return this;
    }

    /** Queues {@code text} to go out with the next turns of the simulation, without running it. */
    TestConnection queue(String text) {
        return queue(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    TestConnection queue(byte[] bytes) {
        pending.write(bytes, 0, bytes.length);
        return this;
    }

    /** Half-closes once what is queued has gone: the server sees the end of the requests. */
    TestConnection shutdownOutput() {
        shutdownAsked = true;
        site.sim.runUntil(() -> failure != null || (sent == toSend.length && pending.size() == 0), 60 * SECOND);
        return this;
    }

    /** From now on nothing is read: the receive window fills and the server's sends stall. */
    void stopReading() {
        reading = false;
    }

    /** The next response, which answers a request of {@code method}, read in full. */
    RawResponse readResponse(String method) {
        RawResponse[] r = new RawResponse[1];
        boolean head = method.equals("HEAD");
        site.sim.runUntil(() -> {
            r[0] = RawResponse.tryParse(received.toByteArray(), consumed, head, endOfStream);
            return r[0] != null || endOfStream || failure != null;
        }, 120 * SECOND);
        if (r[0] == null) {
            r[0] = RawResponse.tryParse(received.toByteArray(), consumed, head, endOfStream);
        }
        if (r[0] == null) {
            throw new AssertionError("no complete response; got " + (received.size() - consumed) + " bytes: "
                    + HttpServerSimulation.text(unconsumed()) + (endOfStream ? " [end of stream]" : "")
                    + (failure != null ? " [" + failure + "]" : ""));
        }
        consumed += r[0].length();
        return r[0];
    }

    RawResponse readResponse() {
        return readResponse("GET");
    }

    /** Runs until the server closes (or resets) the connection, at most {@code nanos}; what came since the last read. */
    byte[] readUntilClosed(long nanos) {
        awaitClose(nanos);
        byte[] rest = unconsumed();
        consumed = received.size();
        return rest;
    }

    /** Runs until the server ends the connection or {@code nanos} pass; true when it ended. */
    boolean awaitClose(long nanos) {
        return site.sim.runUntil(() -> endOfStream || failure != null, nanos);
    }

    /** Runs the simulation for {@code nanos}, the connection doing what it does. */
    void idle(long nanos) {
        site.sim.runFor(nanos);
    }

    /** Whether the server's FIN was read; {@link #endOfStreamAt} tells when. */
    boolean endOfStream() {
        return endOfStream;
    }

    /** Virtual time the FIN was read, or -1. */
    long endOfStreamAt() {
        return endOfStreamAt;
    }

    /** The reset or other error the connection ended with, or null. */
    SocketException failure() {
        return failure;
    }

    /** The bytes received and not yet handed out by a read. */
    byte[] unconsumed() {
        byte[] all = received.toByteArray();
        return Arrays.copyOfRange(all, consumed, all.length);
    }

    /** Every byte received on the connection. */
    byte[] received() {
        return received.toByteArray();
    }

    /**
     * The received bytes as a stream (for the project's {@code ResponseReader}): a read waits,
     * running the simulation, until bytes arrive or the connection ends.
     */
    InputStream inputStream() {
        return new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                site.sim.runUntil(() -> received.size() > consumed || endOfStream || failure != null, 120 * SECOND);
                int available = received.size() - consumed;
                if (available == 0) {
                    return -1;
                }
                int n = Math.min(len, available);
                System.arraycopy(received.toByteArray(), consumed, b, off, n);
                consumed += n;
                return n;
            }
        };
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        site.pump.remove(this);
        try {
            sockets.close(fd);
        } catch (SocketException e) {
            // already gone
        }
    }

    /** One turn: send what is queued, read what arrived. */
    private void poll(long nowNanos) {
        if (closed || failure != null) {
            return;
        }
        try {
            if (!established) {
                if (!sockets.isConnected(fd)) {
                    return;
                }
                established = true;
            }
            if (sent == toSend.length && pending.size() > 0) {
                toSend = pending.toByteArray();
                pending.reset();
                sent = 0;
            }
            while (sent < toSend.length) {
                int n = sockets.send(fd, toSend, sent, toSend.length - sent);
                if (n == Sockets.WOULD_BLOCK) {
                    break;
                }
                sent += n;
            }
            if (shutdownAsked && sent == toSend.length && pending.size() == 0) {
                shutdownAsked = false;
                sockets.shutdown(fd, Shutdown.WRITE);
            }
            if (!reading || endOfStream) {
                return;
            }
            byte[] buffer = new byte[4096];
            for (int n; (n = sockets.recv(fd, buffer, 0, buffer.length)) != Sockets.WOULD_BLOCK; ) {
                if (n == 0) {
                    endOfStream = true;
                    endOfStreamAt = nowNanos;
                    return;
                }
                received.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            failure = e;
        }
    }

    /** Moves the bytes of every open connection, on the client stack's thread. */
    static final class Pump implements Service {
        private final List<TestConnection> connections = new ArrayList<>();

        void add(TestConnection c) {
            connections.add(c);
        }

        void remove(TestConnection c) {
            connections.remove(c);
        }

        @Override
        public void poll(long nowNanos) {
            for (TestConnection c : List.copyOf(connections)) {
                c.poll(nowNanos);
            }
        }

        @Override
        public String name() {
            return "test-http-clients";
        }
    }
}
