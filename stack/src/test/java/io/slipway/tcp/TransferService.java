package io.slipway.tcp;

import io.slipway.base.Clock;
import io.slipway.socket.PeerAddress;
import io.slipway.socket.Service;
import io.slipway.socket.Shutdown;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import java.util.ArrayList;
import java.util.List;

/**
 * One end of a simulated bulk exchange, run on its stack's thread with non-blocking sockets: the
 * client connects, the server accepts; each then sends its own pattern of bytes and shuts its
 * side down, reads the other's until end of stream, checking every byte, and closes. The patterns
 * are a function of (direction, position), so each side knows what it must receive.
 */
final class TransferService implements Service {
    static final int PORT = 5001;

    private final Sockets sockets;
    private final boolean client;
    private final int peer;
    private final long sendBytes;
    private final long expectBytes;
    private final byte[] buffer = new byte[1500];
    /** A slow reader takes at most {@code readChunk} bytes each {@code readIntervalNanos}; 0: as fast as it can. */
    private int readChunk;
    private long readIntervalNanos;
    private long nextReadAt;
    private long lastPoll;
    private final List<String> problems = new ArrayList<>();
    private int listenFd = -1;
    private int fd = -1;
    private long sent;
    private long received;
    private boolean shutDown;
    private boolean eof;
    private boolean closed;
    private boolean connectedOnce;

    private TransferService(Sockets sockets, boolean client, int peer, long sendBytes, long expectBytes) {
        this.sockets = sockets;
        this.client = client;
        this.peer = peer;
        this.sendBytes = sendBytes;
        this.expectBytes = expectBytes;
    }

    static TransferService client(Sockets sockets, int server, long sendBytes, long expectBytes) {
        return new TransferService(sockets, true, server, sendBytes, expectBytes);
    }

    static TransferService server(Sockets sockets, long sendBytes, long expectBytes) throws SocketException {
        TransferService s = new TransferService(sockets, false, 0, sendBytes, expectBytes);
        s.listenFd = sockets.socket(SocketType.STREAM);
        sockets.setBlocking(s.listenFd, false);
        sockets.bind(s.listenFd, 0, PORT);
        sockets.listen(s.listenFd, 4);
        return s;
    }

    /** The byte at {@code position} of what the client (or server) sends. */
    static byte pattern(boolean fromClient, long position) {
        long x = position * 0x9E3779B97F4A7C15L + (fromClient ? 0x1234 : 0x5678);
        return (byte) (x ^ (x >>> 29) ^ (x >>> 47));
    }

    /** Makes this end read slowly, so that the peer meets a full receive window (flow control). */
    TransferService readSlowly(int chunk, long intervalNanos) {
        this.readChunk = chunk;
        this.readIntervalNanos = intervalNanos;
        return this;
    }

    String describe() {
        return "[fd " + fd + " sent " + sent + " shutDown " + shutDown + " eof " + eof + " nextReadAt " + nextReadAt
                + " lastPoll " + lastPoll + " problems " + problems + "]";
    }

    boolean isDone() {
        return closed;
    }

    long received() {
        return received;
    }

    long sent() {
        return sent;
    }

    List<String> problems() {
        return problems;
    }

    @Override
    public void poll(long nowNanos) {
        lastPoll = nowNanos;
        if (closed) {
            return;
        }
        try {
            step(nowNanos);
        } catch (SocketException e) {
            problems.add((client ? "client: " : "server: ") + e.getMessage());
            closed = true;
        }
    }

    private void step(long nowNanos) throws SocketException {
        if (fd < 0) {
            if (client) {
                fd = sockets.socket(SocketType.STREAM);
                sockets.setBlocking(fd, false);
                sockets.connect(fd, peer, PORT);
            } else {
                int a = sockets.accept(listenFd, new PeerAddress());
                if (a == Sockets.WOULD_BLOCK) {
                    return;
                }
                fd = a;
                sockets.setBlocking(fd, false);
                sockets.close(listenFd);
            }
        }
        if (!connectedOnce) {
            if (!sockets.isConnected(fd)) {
                // WOULD_BLOCK while the handshake is on; throws if it failed; 0 if it closed at once.
                int n = sockets.recv(fd, buffer, 0, 1);
                if (n == Sockets.WOULD_BLOCK) {
                    return;
                }
                if (n > 0) {
                    check(n);
                }
            }
            connectedOnce = true;
        }
        while (sent < sendBytes) {
            int n = (int) Math.min(buffer.length, sendBytes - sent);
            for (int i = 0; i < n; i++) {
                buffer[i] = pattern(client, sent + i);
            }
            int w = sockets.send(fd, buffer, 0, n);
            if (w == Sockets.WOULD_BLOCK) {
                break;
            }
            sent += w;
        }
        if (sent == sendBytes && !shutDown) {
            sockets.shutdown(fd, Shutdown.WRITE);
            shutDown = true;
        }
        int budget = readChunk > 0 ? (nowNanos - nextReadAt >= 0 ? readChunk : 0) : Integer.MAX_VALUE;
        if (readChunk > 0 && budget > 0) {
            nextReadAt = nowNanos + readIntervalNanos;
        }
        while (!eof && budget > 0) {
            int n = sockets.recv(fd, buffer, 0, Math.min(buffer.length, budget));
            if (n > 0 && readChunk > 0) {
                budget -= n;
            }
            if (n == Sockets.WOULD_BLOCK) {
                break;
            }
            if (n == 0) {
                eof = true;
                if (received != expectBytes) {
                    problems.add((client ? "client" : "server") + " got " + received + " bytes, expected " + expectBytes);
                }
                break;
            }
            check(n);
        }
        if (eof && shutDown) {
            sockets.close(fd);
            closed = true;
        }
    }

    private void check(int n) {
        for (int i = 0; i < n; i++) {
            if (buffer[i] != pattern(!client, received + i)) {
                problems.add((client ? "client" : "server") + ": byte " + (received + i) + " differs");
                break;
            }
        }
        received += n;
    }

    @Override
    public long nextDeadline() {
        // Only a read still to come wakes this end; one that is due waits for the next data to arrive.
        return readChunk > 0 && !closed && nextReadAt - lastPoll > 0 ? nextReadAt : Clock.NEVER;
    }
}
