package io.slipway.base;

/**
 * IPv4 addresses as text, {@code 10.0.0.2}, for every layer that reads or prints one (the network
 * layer's configuration, the socket library's inet_pton and inet_ntop). Addresses are {@code int}s
 * in network order: the first octet in the high byte. Not for the packet path: it allocates.
 */
public final class DottedQuad {
    private DottedQuad() {
    }

    /** Parses dotted-quad text; throws {@link IllegalArgumentException} naming the bad text. */
    public static int parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address (a.b.c.d): " + text);
        }
        int v = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not an IPv4 address (a.b.c.d): " + text);
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address (octet " + octet + " > 255): " + text);
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    /** True when {@code text} is a dotted-quad address (rather than, say, a host name). */
    public static boolean isAddress(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String format(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }
}
