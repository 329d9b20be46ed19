package io.slipway.socket;

/**
 * An IPv4 address and port, {@code 10.0.0.2:53} (BSD's sockaddr_in). Addresses are {@code int}s
 * in network order, as everywhere in slipway; {@link #ANY} is 0.0.0.0:0.
 */
public record InetEndpoint(int address, int port) {
    public static final InetEndpoint ANY = new InetEndpoint(0, 0);

    public InetEndpoint {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    /** Parses {@code a.b.c.d:port}; throws naming the text when it is not that. */
    public static InetEndpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not address:port: " + text);
        }
        String port = text.substring(colon + 1);
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
                || Integer.parseInt(port) > 0xFFFF) {
            throw new IllegalArgumentException("not a port 0..65535 after ':': " + text);
        }
        return new InetEndpoint(Addresses.parse(text.substring(0, colon)), Integer.parseInt(port));
    }

    /** {@code 10.0.0.2:53}; netstat's {@code *} for port 0 is {@link Netstat}'s business. */
    @Override
    public String toString() {
        return Addresses.format(address) + ":" + port;
    }
}
