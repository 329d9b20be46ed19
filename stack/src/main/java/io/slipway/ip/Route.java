package io.slipway.ip;

/**
 * One entry of the routing table: datagrams to {@code destination/prefixLength} leave by
 * {@code out}, to {@code gateway}, or straight to their destination when the route is connected
 * (gateway {@link Ipv4Address#ANY}).
 */
public record Route(int destination, int prefixLength, int gateway, IpInterface out) {
    public Route {
        destination &= Ipv4Address.mask(prefixLength);
    }

    public boolean matches(int address) {
        return (address & Ipv4Address.mask(prefixLength)) == destination;
    }

    public boolean isConnected() {
        return gateway == Ipv4Address.ANY;
    }

    /** Where a datagram to {@code destination} goes next on this route's link. */
    public int nextHop(int address) {
        return isConnected() ? address : gateway;
    }

    @Override
    public String toString() {
        return Ipv4Address.format(destination) + "/" + prefixLength
                + (isConnected() ? " dev " : " via " + Ipv4Address.format(gateway) + " dev ") + out.name();
    }
}
