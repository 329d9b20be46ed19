package io.slipway.udp;

import io.slipway.ip.Ipv4Address;

/**
 * One UDP endpoint (the protocol control block of a datagram socket): the local address and port
 * it is bound to and, once connected, the one remote address and port it talks to. Owned by
 * {@link Udp}, changed only through it, on the stack thread.
 *
 * <p>Invariants: {@code localPort == 0} until bound; a connected endpoint is bound and has a
 * non-zero remote port; {@code receiver} is null once closed.
 */
public final class UdpEndpoint {
    private final int slot;
    int localAddress = Ipv4Address.ANY;
    int localPort;
    int remoteAddress = Ipv4Address.ANY;
    int remotePort;
    /** The local address was chosen by connect (the route's source), not by bind: disconnect undoes it. */
    boolean addressFromConnect;
    UdpReceiver receiver;

    UdpEndpoint(int slot, UdpReceiver receiver) {
        this.slot = slot;
        this.receiver = receiver;
    }

    int slot() {
        return slot;
    }

    /** Our address, or {@link Ipv4Address#ANY} when bound to every interface. */
    public int localAddress() {
        return localAddress;
    }

    /** Our port, or 0 when not yet bound. */
    public int localPort() {
        return localPort;
    }

    public int remoteAddress() {
        return remoteAddress;
    }

    public int remotePort() {
        return remotePort;
    }

    public boolean isBound() {
        return localPort != 0;
    }

    public boolean isConnected() {
        return remotePort != 0;
    }

    public boolean isOpen() {
        return receiver != null;
    }

    @Override
    public String toString() {
        return "udp " + Ipv4Address.format(localAddress) + ":" + localPort
                + (isConnected() ? " -> " + Ipv4Address.format(remoteAddress) + ":" + remotePort : "");
    }
}
