package io.slipway.stack;

import io.slipway.driver.MacAddress;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;

/**
 * How one interface is set up: our address and prefix, the far end of a point-to-point line,
 * and our MAC address on Ethernet.
 *
 * @param address our address with its prefix length
 * @param peer the point-to-point peer, or {@link Ipv4Address#ANY}
 * @param mac our MAC address on an Ethernet link ({@link MacAddress#NONE} on SLIP)
 * @param compressHeaders on a SLIP line, whether TCP/IP headers are compressed (CSLIP, RFC 1144);
 *     both ends must agree, as nothing on the line negotiates it
 * @param tcpTimestamps whether TCP offers timestamps (RFC 7323) to peers reached by this interface:
 *     off by default, as their 12 bytes a segment cost a serial line goodput (BENCHMARKS.md)
 */
public record InterfaceConfig(Ipv4Prefix address, int peer, long mac, boolean compressHeaders,
        boolean tcpTimestamps) {
    public InterfaceConfig {
        int a = address.address();
        if (a == Ipv4Address.ANY || Ipv4Address.isMulticast(a) || Ipv4Address.isLoopback(a)
                || a == Ipv4Address.LIMITED_BROADCAST) {
            throw new IllegalArgumentException("not a usable interface address: " + address);
        }
        if (address.prefixLength() < 31 && (a == address.network() || a == address.broadcast())) {
            throw new IllegalArgumentException("the network or broadcast address of its subnet: " + address);
        }
    }

    /** Without header compression or TCP timestamps. */
    public InterfaceConfig(Ipv4Prefix address, int peer, long mac) {
        this(address, peer, mac, false, false);
    }

    /** Without TCP timestamps. */
    public InterfaceConfig(Ipv4Prefix address, int peer, long mac, boolean compressHeaders) {
        this(address, peer, mac, compressHeaders, false);
    }

    /** A SLIP line: {@code address} on our side, {@code peer} at the far end. */
    public static InterfaceConfig pointToPoint(Ipv4Prefix address, int peer) {
        return new InterfaceConfig(address, peer, MacAddress.NONE);
    }

    /** An Ethernet link with our MAC. */
    public static InterfaceConfig ethernet(Ipv4Prefix address, long mac) {
        return new InterfaceConfig(address, Ipv4Address.ANY, mac);
    }

    /** The same interface with TCP/IP header compression on or off (CSLIP; SLIP lines only). */
    public InterfaceConfig withHeaderCompression(boolean on) {
        return new InterfaceConfig(address, peer, mac, on, tcpTimestamps);
    }

    /** The same interface with TCP timestamps (RFC 7323) offered or not. */
    public InterfaceConfig withTcpTimestamps(boolean on) {
        return new InterfaceConfig(address, peer, mac, compressHeaders, on);
    }
}
