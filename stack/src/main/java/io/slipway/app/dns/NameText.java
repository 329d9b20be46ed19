package io.slipway.app.dns;

import io.slipway.socket.dns.DnsName;

/**
 * Domain names as a master file writes them (RFC 1035 §5.1): {@code @} is the current origin; a
 * name ending in an unescaped dot is absolute; any other is relative and the origin is appended.
 */
final class NameText {
    private NameText() {
    }

    /**
     * The absolute name {@code raw} stands for.
     *
     * @param what the field's name for the error, e.g. {@code owner} or {@code MX exchange}
     * @param origin the origin in effect, or null when none was given
     * @throws IllegalArgumentException naming the field: a relative name with no origin, an empty
     *     label, a label over 63 octets, a name over 255 (RFC 1035 §2.3.4)
     */
    static DnsName resolve(String raw, DnsName origin, String what) {
        boolean absolute = isAbsolute(raw);
        if (!absolute && origin == null) {
            throw new IllegalArgumentException(what + " " + raw + " is relative and no origin is set:"
                    + " end it with '.' or set $ORIGIN");
        }
        if (raw.equals("@")) {
            return origin;
        }
        try {
            DnsName name = DnsName.parse(raw);
            return absolute ? name : DnsName.concat(name, origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    /** Ends in a dot that no backslash escapes: {@code a.} and {@code a\\.} do, {@code a\.} does not. */
    static boolean isAbsolute(String raw) {
        if (!raw.endsWith(".")) {
            return false;
        }
        int backslashes = 0;
        for (int i = raw.length() - 2; i >= 0 && raw.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }
}
