package io.slipway.app.inet;

import io.slipway.socket.SocketException;
import io.slipway.socket.Sockets;

/**
 * RFC 862's echo service over TCP: "any data received is sent back". Each connection's bytes go
 * through a small buffer: read only when it has been sent back, so a peer that does not read its
 * echoes is slowed by TCP's flow control rather than buffered here without bound. When the peer
 * half-closes, what is left is echoed, then our side closes too.
 */
public final class TcpEcho extends StreamService {
    public static final int PORT = 7;
    private static final int BUFFER = 4096;

    private final byte[][] buffers;
    private final int[] pending;
    private final int[] sentOf;
    private final boolean[] peerDone;

    /** The small service: {@link #SMALL_SERVICE_CONNECTIONS} connections at once on any address. */
    public TcpEcho(Sockets sockets, int port) throws SocketException {
        this(sockets, port, SMALL_SERVICE_CONNECTIONS, SMALL_SERVICE_BACKLOG);
    }

    /** Echo for up to {@code connections} at once ({@code backlog} more waiting), on any address. */
    public TcpEcho(Sockets sockets, int port, int connections, int backlog) throws SocketException {
        super(sockets, "echo/tcp", 0, port, connections, backlog);
        buffers = new byte[connections][BUFFER];
        pending = new int[connections];
        sentOf = new int[connections];
        peerDone = new boolean[connections];
        sockets.addService(this);
    }

    @Override
    protected void opened(int slot, long nowNanos) {
        pending[slot] = 0;
        sentOf[slot] = 0;
        peerDone[slot] = false;
    }

    @Override
    protected boolean serve(int slot, int fd, long nowNanos) throws SocketException {
        byte[] b = buffers[slot];
        while (true) {
            if (sentOf[slot] < pending[slot]) {
                int n = sockets.send(fd, b, sentOf[slot], pending[slot] - sentOf[slot]);
                if (n == Sockets.WOULD_BLOCK) {
                    return false; // the peer's window or our send ring is full: later
                }
                sentOf[slot] += n;
                continue;
            }
            if (peerDone[slot]) {
                shutdownOutput(fd);
                return true;
            }
            int n = sockets.recv(fd, b, 0, b.length);
            if (n == Sockets.WOULD_BLOCK) {
                return false;
            }
            if (n == 0) {
                peerDone[slot] = true;
                continue;
            }
            pending[slot] = n;
            sentOf[slot] = 0;
        }
    }
}
