package io.slipway.app.url;

import java.util.Locale;

/**
 * The host of an authority (RFC 3986 §3.2.2), as slipway can reach it: a registered name made of
 * labels of letters, digits and hyphens (RFC 1123 §2.1, RFC 1035 §2.3.1), or an IPv4 address in
 * dotted-quad form ({@link DottedQuad}). RFC 3986 would also take percent-encoded names and
 * bracketed IPv6 literals; the resolver cannot look the first up and slipway speaks only IPv4,
 * so both are refused with a message saying so. Host names are case-insensitive (§3.2.2) and kept
 * in lower case. One trailing dot, the mark of an absolute DNS name (RFC 1034 §3.1), is kept.
 */
final class HostName {
    /** RFC 1035 §2.3.4: 255 octets on the wire are at most 253 characters of text. */
    static final int MAX_LENGTH = 253;
    /** RFC 1035 §2.3.4. */
    static final int MAX_LABEL_LENGTH = 63;

    private static final String WHAT = "(letters, digits, '-' and '.', RFC 1123 §2.1)";

    private HostName() {
    }

    /**
     * RFC 3986 §3.2.2: {@code IP-literal = "[" ( IPv6address / IPvFuture ) "]"}; called on the
     * host and port together, before the port's {@code ':'} is looked for (an IPv6 address has
     * colons of its own).
     *
     * @throws UrlException part {@code host} when the host starts with {@code '['}
     */
    static void rejectIpLiteral(ParseInput in, int start, int end) {
        if (start < end && in.charAt(start) == '[') {
            int close = in.indexOfAny("]", start, end);
            String literal = in.substring(start, Math.min(close + 1, end));
            throw in.fail("host", Quoting.quote(literal) + " is an IPv6 address; IPv6 is not supported"
                    + " (slipway is IPv4-only: use a host name or an IPv4 address such as 192.168.0.1)");
        }
    }

    /**
     * The host in [start, end) of {@code in}, in lower case; {@code ""} when the range is empty
     * (whether that is allowed is the scheme's business).
     *
     * @throws UrlException part {@code host} when it is neither a host name nor an IPv4 address
     */
    static String read(ParseInput in, int start, int end) {
        boolean digitsAndDots = true;
        boolean digits = false;
        for (int i = start; i < end; i++) {
            char c = in.charAt(i);
            if (c == '%') {
                throw in.fail("host", "percent-encoding at position " + in.position(i)
                        + " is not supported in a host name " + WHAT);
            }
            boolean letterOrHyphen = CharRule.isAlpha(c) || c == '-';
            if (!letterOrHyphen && !CharRule.isDigit(c) && c != '.') {
                throw in.badCharacter("host", i, "in a host name " + WHAT, false);
            }
            digitsAndDots &= !letterOrHyphen;
            digits |= CharRule.isDigit(c);
        }
        String host = in.substring(start, end).toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return host;
        }
        if (digitsAndDots && digits) {
            DottedQuad.check(in, host);
        } else {
            checkLabels(in, host);
        }
        return host;
    }

    private static void checkLabels(ParseInput in, String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.length() > MAX_LENGTH) {
            throw in.fail("host", "the host name is " + name.length() + " characters long; at most "
                    + MAX_LENGTH + " are allowed (RFC 1035 §2.3.4)");
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                throw in.fail("host", "empty label in " + Quoting.quote(host)
                        + " (two dots in a row, or a dot at the start, RFC 1035 §2.3.1)");
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw in.fail("host", "label " + Quoting.quote(label) + " is " + label.length()
                        + " characters long; at most " + MAX_LABEL_LENGTH + " are allowed (RFC 1035 §2.3.4)");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw in.fail("host", "label " + Quoting.quote(label)
                        + " starts or ends with '-'; a label starts and ends with a letter or digit (RFC 1123 §2.1)");
            }
        }
        String last = labels[labels.length - 1];
        if (last.chars().allMatch(c -> CharRule.isDigit((char) c))) {
            throw in.fail("host", Quoting.quote(host) + " is neither a host name (its last label "
                    + Quoting.quote(last) + " is all digits, RFC 1123 §2.1) nor an IPv4 address"
                    + " (four numbers 0..255)");
        }
    }
}
