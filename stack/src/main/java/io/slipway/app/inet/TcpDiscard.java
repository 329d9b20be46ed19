package io.slipway.app.inet;

import io.slipway.socket.SocketException;
import io.slipway.socket.Sockets;

/** RFC 863's discard service over TCP: "simply throws away any data it receives". */
public final class TcpDiscard extends StreamService {
    public static final int PORT = 9;

    private final byte[] sink = new byte[4096];
    private long discarded;

    public TcpDiscard(Sockets sockets, int port) throws SocketException {
        super(sockets, "discard/tcp", port);
        sockets.addService(this);
    }

    /** Bytes thrown away so far. */
    public long discarded() {
        return discarded;
    }

    @Override
    protected boolean serve(int slot, int fd, long nowNanos) throws SocketException {
        while (true) {
            int n = sockets.recv(fd, sink, 0, sink.length);
            if (n == Sockets.WOULD_BLOCK) {
                return false;
            }
            if (n == 0) {
                shutdownOutput(fd);
                return true;
            }
            discarded += n;
        }
    }
}
