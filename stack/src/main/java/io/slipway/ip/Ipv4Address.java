package io.slipway.ip;

import io.slipway.base.DottedQuad;

/**
 * IPv4 addresses as {@code int}s in network order (the first octet in the high byte), so that
 * they are compared, masked and stored without allocating. Parsing and formatting are for the
 * command line and messages, never the packet path.
 */
public final class Ipv4Address {
    /** 0.0.0.0: "this host" as a source, "any" as a wildcard. */
    public static final int ANY = 0;
    /** 255.255.255.255, the limited broadcast (RFC 919, RFC 1122 §3.2.1.3). */
    public static final int LIMITED_BROADCAST = 0xFFFF_FFFF;

    private Ipv4Address() {
    }

    /** The netmask of a prefix length: 24 gives 255.255.255.0. */
    public static int mask(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0..32: " + prefixLength);
        }
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public static boolean sameSubnet(int a, int b, int prefixLength) {
        int m = mask(prefixLength);
        return (a & m) == (b & m);
    }

    /** Class D, 224.0.0.0/4 (RFC 1112). */
    public static boolean isMulticast(int address) {
        return (address & 0xF000_0000) == 0xE000_0000;
    }

    /** 127.0.0.0/8, which must never appear on a wire (RFC 1122 §3.2.1.3 (g)). */
    public static boolean isLoopback(int address) {
        return (address >>> 24) == 127;
    }

    /** Parses dotted-quad text; throws with a message naming the bad text. */
    public static int parse(String text) {
        return DottedQuad.parse(text);
    }

    public static String format(int address) {
        return DottedQuad.format(address);
    }
}
