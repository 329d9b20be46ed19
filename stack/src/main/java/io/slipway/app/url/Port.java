package io.slipway.app.url;

/**
 * The port of an authority (RFC 3986 §3.2.3): {@code port = *DIGIT}, here 1..65535, the ports TCP
 * can connect to (RFC 9293 §3.1; port 0 is reserved). An empty port after the {@code ':'} means
 * the scheme's default, and is then dropped from the normalized form (§3.2.3, §6.2.3).
 */
final class Port {
    /** {@link #read}'s answer when no port is written. */
    static final int NONE = -1;
    static final int MAX = 65535;

    private Port() {
    }

    /**
     * The port in [start, end) of {@code in}, or {@link #NONE} when the range is empty.
     *
     * @throws UrlException part {@code port} when it is not a number in 1..65535
     */
    static int read(ParseInput in, int start, int end) {
        if (start == end) {
            return NONE;
        }
        String text = in.substring(start, end);
        for (int i = start; i < end; i++) {
            if (!CharRule.isDigit(in.charAt(i))) {
                throw in.fail("port", Quoting.quote(text) + " is not a number; a port is a number 1..65535");
            }
        }
        String digits = text.replaceFirst("^0+", "");
        if (digits.isEmpty() || digits.length() > 5 || Integer.parseInt(digits) > MAX) {
            throw in.fail("port", Quoting.shorten(text) + " is not in 1.." + MAX);
        }
        return Integer.parseInt(digits);
    }
}
