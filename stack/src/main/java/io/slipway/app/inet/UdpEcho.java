package io.slipway.app.inet;

import io.slipway.socket.PeerAddress;
import io.slipway.socket.Service;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;

/**
 * RFC 862's echo service over UDP ("send back a datagram with the same data"), or RFC 863's
 * discard over UDP when {@code echo} is false; on the stack thread.
 */
public final class UdpEcho implements Service {
    private static final int BUDGET = 64;

    private final Sockets sockets;
    private final boolean echo;
    private final int fd;
    private final byte[] buffer = new byte[65_507];
    private final PeerAddress from = new PeerAddress();
    private long datagrams;

    public UdpEcho(Sockets sockets, int port, boolean echo) throws SocketException {
        this.sockets = sockets;
        this.echo = echo;
        int s = sockets.socket(SocketType.DATAGRAM);
        try {
            sockets.setBlocking(s, false);
            sockets.bind(s, 0, port);
        } catch (SocketException | RuntimeException e) {
            sockets.close(s);
            throw e;
        }
        this.fd = s;
        sockets.addService(this);
    }

    public long datagrams() {
        return datagrams;
    }

    @Override
    public void poll(long nowNanos) {
        for (int i = 0; i < BUDGET; i++) {
            int n;
            try {
                n = sockets.recvfrom(fd, buffer, 0, buffer.length, from);
            } catch (SocketException e) {
                continue; // an error left by an earlier send
            }
            if (n == Sockets.WOULD_BLOCK) {
                return;
            }
            datagrams++;
            if (echo) {
                try {
                    sockets.sendto(fd, buffer, 0, n, from.address(), from.port());
                } catch (SocketException e) {
                    // too big for our send queue, or no route back: a datagram service drops it
                }
            }
        }
    }

    public void close() throws SocketException {
        sockets.removeService(this);
        sockets.close(fd);
    }

    @Override
    public String name() {
        return (echo ? "echo" : "discard") + "/udp";
    }
}
