package io.slipway.app.http;

/**
 * The character classes of HTTP's grammar, as octets 0..255 (a header is read as ISO-8859-1,
 * so a {@code char} of a parsed string is one octet of the wire).
 *
 * <pre>
 *   tchar       = "!" / "#" / "$" / "%" / "&amp;" / "'" / "*" / "+" / "-" / "." /
 *                 "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA          RFC 9110 §5.6.2
 *   field-vchar = VCHAR / obs-text                                    RFC 9110 §5.5
 *   obs-text    = %x80-FF
 *   OWS         = *( SP / HTAB )                                      RFC 9110 §5.6.3
 * </pre>
 */
final class HttpSyntax {
    static final int SP = ' ';
    static final int HTAB = '\t';
    static final int CR = '\r';
    static final int LF = '\n';

    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private HttpSyntax() {
    }

    static boolean isTchar(int c) {
        return c >= 0 && c < 128 && TCHAR[c];
    }

    /** {@code token = 1*tchar}: header names, methods, transfer codings, range units. */
    static boolean isToken(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Visible US-ASCII, {@code %x21-7E}. */
    static boolean isVchar(int c) {
        return c >= 0x21 && c <= 0x7E;
    }

    static boolean isFieldVchar(int c) {
        return isVchar(c) || (c >= 0x80 && c <= 0xFF);
    }

    static boolean isWhitespace(int c) {
        return c == SP || c == HTAB;
    }

    /** An octet that may appear inside a field value (and a reason phrase): SP, HTAB or field-vchar. */
    static boolean isFieldValueOctet(int c) {
        return isWhitespace(c) || isFieldVchar(c);
    }

    /**
     * RFC 9110 §5.5: {@code field-value = *field-content}, which starts and ends with a
     * field-vchar; leading and trailing whitespace is not part of the value.
     */
    static boolean isFieldValue(CharSequence v) {
        int n = v.length();
        if (n == 0) {
            return true;
        }
        if (!isFieldVchar(v.charAt(0)) || !isFieldVchar(v.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            if (!isFieldValueOctet(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isHexDigit(int c) {
        return hexValue(c) >= 0;
    }

    /** 0..15, or -1 for an octet that is not a HEXDIG (either case). */
    static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** {@code 1*DIGIT}, nothing else. */
    static boolean isDigits(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The decimal value of {@code 1*DIGIT}, or {@link Long#MAX_VALUE} when it does not fit (a
     * length that large is above every limit anyway), or -1 when {@code s} is not 1*DIGIT.
     */
    static long parseDigitsSaturating(CharSequence s) {
        if (!isDigits(s)) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = s.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return Long.MAX_VALUE;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Case-insensitive comparison of US-ASCII letters only: header names and tokens are ASCII,
     * and {@link String#equalsIgnoreCase} would also match, say, the Kelvin sign with "k".
     */
    static boolean equalsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Without leading and trailing OWS. */
    static String trimWhitespace(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }
}
