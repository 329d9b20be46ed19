package io.slipway.app.url;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The schemes slipway's browser knows, each with what its URLs must have. Scheme names are
 * case-insensitive (RFC 3986 §3.1) and kept in lower case, the canonical form.
 */
enum Scheme {
    /** RFC 9110 §4.2.1: an authority with a non-empty host; port 80. */
    HTTP("http", 80, Shape.NETWORK),
    /** RFC 9110 §4.2.2: as http; port 443. */
    HTTPS("https", 443, Shape.NETWORK),
    /** RFC 1738 §3.2: as http; port 21. */
    FTP("ftp", 21, Shape.NETWORK),
    /** RFC 8089 §2: an absolute path, with an optional host and neither userinfo nor port. */
    FILE("file", -1, Shape.FILE),
    /** RFC 6068 §2: addresses in the path, header fields in the query. */
    MAILTO("mailto", -1, Shape.MAILTO),
    /** RFC 5538 §2.2: a newsgroup or a message-id in the path. */
    NEWS("news", -1, Shape.NEWS);

    /** How the text after {@code scheme:} is laid out, which decides how it is read. */
    enum Shape { NETWORK, FILE, MAILTO, NEWS }

    /** For messages: {@code http, https, ftp, file, mailto, news}. */
    static final String SUPPORTED = Arrays.stream(values()).map(s -> s.text).collect(Collectors.joining(", "));

    final String text;
    /** The port used when the URL names none, or -1 when the scheme has no port. */
    final int defaultPort;
    final Shape shape;

    Scheme(String text, int defaultPort, Shape shape) {
        this.text = text;
        this.defaultPort = defaultPort;
        this.shape = shape;
    }

    /**
     * Reads {@code scheme} in [0, end) of {@code in}, where {@code end} is the index of the
     * {@code ':'} that ends it.
     *
     * @throws UrlException part {@code scheme} when the name is malformed or not supported
     */
    static Scheme read(ParseInput in, int end) {
        if (end == 0) {
            throw in.fail("scheme", "nothing before ':'; a URL starts with its scheme, as in http://"
                    + " (supported: " + SUPPORTED + ")");
        }
        checkSyntax(in, end);
        String name = in.substring(0, end).toLowerCase(Locale.ROOT);
        for (Scheme s : values()) {
            if (s.text.equals(name)) {
                return s;
            }
        }
        throw in.fail("scheme", Quoting.quote(name) + " is not supported; supported schemes are " + SUPPORTED);
    }

    /** RFC 3986 §3.1: {@code scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}. */
    private static void checkSyntax(ParseInput in, int end) {
        int bad = firstBadCharacter(in, end);
        if (bad >= 0) {
            throw in.badCharacter("scheme", bad, "in a scheme name (a letter, then letters, digits, '+', '-'"
                    + " or '.', RFC 3986 §3.1)", false);
        }
    }

    /** Whether [0, end) of {@code in} is a scheme by RFC 3986 §3.1's syntax, known to us or not. */
    static boolean isSyntax(ParseInput in, int end) {
        return end > 0 && firstBadCharacter(in, end) < 0;
    }

    private static int firstBadCharacter(ParseInput in, int end) {
        for (int i = 0; i < end; i++) {
            char c = in.charAt(i);
            boolean ok = CharRule.isAlpha(c)
                    || (i > 0 && (CharRule.isDigit(c) || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return i;
            }
        }
        return -1;
    }
}
