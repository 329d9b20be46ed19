package io.slipway.ip;

/**
 * The fixed sizes and defaults of one stack's IPv4 layer.
 *
 * @param maxInterfaces interfaces the layer can have
 * @param maxRoutes routes in the routing table
 * @param defaultTtl TTL of the datagrams we originate (RFC 1700's 64, as Linux)
 * @param maxMtu the largest link MTU an interface may have: sizes the fragment buffer
 * @param loopbackBytes queue for datagrams we send to ourselves, a power of two
 * @param reassembly the bounds of reassembly
 */
public record Ipv4Config(int maxInterfaces, int maxRoutes, int defaultTtl, int maxMtu, int loopbackBytes,
        ReassemblyConfig reassembly) {
    public static final Ipv4Config DEFAULT = new Ipv4Config(4, 32, 64, 9000, 1 << 17, ReassemblyConfig.DEFAULT);

    /** RFC 791 §3.2: every internet module must be able to forward a datagram of 68 octets. */
    public static final int MIN_MTU = 68;

    public Ipv4Config {
        if (maxInterfaces < 1 || maxRoutes < 1) {
            throw new IllegalArgumentException("IPv4 needs room for an interface and a route");
        }
        if (defaultTtl < 1 || defaultTtl > 255) {
            throw new IllegalArgumentException("TTL must be 1..255: " + defaultTtl);
        }
        if (maxMtu < MIN_MTU || maxMtu > 65_535) {
            throw new IllegalArgumentException("maxMtu must be 68..65535: " + maxMtu);
        }
        if (Integer.bitCount(loopbackBytes) != 1 || loopbackBytes <= 65_536) {
            // It must hold one datagram of 65 535 bytes plus the ring's length prefix.
            throw new IllegalArgumentException("loopback queue must be a power of two above 64 KiB");
        }
    }

    public Ipv4Config withMaxInterfaces(int maxInterfaces) {
        return new Ipv4Config(maxInterfaces, maxRoutes, defaultTtl, maxMtu, loopbackBytes, reassembly);
    }

    public Ipv4Config withReassembly(ReassemblyConfig reassembly) {
        return new Ipv4Config(maxInterfaces, maxRoutes, defaultTtl, maxMtu, loopbackBytes, reassembly);
    }
}
