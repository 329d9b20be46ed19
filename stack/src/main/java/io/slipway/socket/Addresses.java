package io.slipway.socket;

import io.slipway.base.DottedQuad;

/**
 * IPv4 addresses for applications (BSD's inet_pton and inet_ntop, INADDR_ANY and
 * INADDR_BROADCAST): {@code int}s in network order, as everywhere in slipway.
 */
public final class Addresses {
    /** 0.0.0.0: every local address, when binding. */
    public static final int ANY = 0;
    /** 255.255.255.255: the limited broadcast. */
    public static final int LIMITED_BROADCAST = 0xFFFF_FFFF;

    private Addresses() {
    }

    /** Parses dotted-quad text; throws {@link IllegalArgumentException} naming the bad text. */
    public static int parse(String text) {
        return DottedQuad.parse(text);
    }

    public static String format(int address) {
        return DottedQuad.format(address);
    }

    /** True for a literal address ({@code 10.0.0.2}) rather than a name to resolve. */
    public static boolean isLiteral(String text) {
        return DottedQuad.isAddress(text);
    }
}
