package io.slipway.udp;

import io.slipway.base.EphemeralPorts;

/**
 * The fixed sizes of UDP.
 *
 * @param maxEndpoints endpoints (datagram sockets) open at once
 * @param ephemeralFirst the first port of the ephemeral range (RFC 6056, RFC 6335: 49152)
 * @param ephemeralLast its last port (65535)
 */
public record UdpConfig(int maxEndpoints, int ephemeralFirst, int ephemeralLast) {
    public static final UdpConfig DEFAULT = new UdpConfig(64, EphemeralPorts.DYNAMIC_FIRST,
            EphemeralPorts.DYNAMIC_LAST);

    public UdpConfig {
        if (maxEndpoints < 1) {
            throw new IllegalArgumentException("UDP needs room for at least one endpoint");
        }
        if (ephemeralFirst < 1024 || ephemeralLast > 65535 || ephemeralFirst > ephemeralLast) {
            throw new IllegalArgumentException("ephemeral ports must be a range in 1024..65535: "
                    + ephemeralFirst + ".." + ephemeralLast);
        }
    }

    public UdpConfig withMaxEndpoints(int n) {
        return new UdpConfig(n, ephemeralFirst, ephemeralLast);
    }
}
