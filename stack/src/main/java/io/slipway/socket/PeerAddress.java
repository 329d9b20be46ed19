package io.slipway.socket;

/**
 * Where a datagram came from, filled in by {@link Sockets#recvfrom} (the sockaddr a BSD recvfrom
 * writes): mutable and reusable, so that receiving allocates nothing.
 */
public final class PeerAddress {
    private int address;
    private int port;

    public int address() {
        return address;
    }

    public int port() {
        return port;
    }

    void set(int address, int port) {
        this.address = address;
        this.port = port;
    }

    public InetEndpoint toEndpoint() {
        return new InetEndpoint(address, port);
    }

    @Override
    public String toString() {
        return Addresses.format(address) + ":" + port;
    }
}
