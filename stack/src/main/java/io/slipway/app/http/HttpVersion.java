package io.slipway.app.http;

/**
 * {@code HTTP-version = HTTP-name "/" DIGIT "." DIGIT}, {@code HTTP-name = %s"HTTP"} (RFC 9112
 * §2.3): case-sensitive, one digit each.
 */
final class HttpVersion {
    private HttpVersion() {
    }

    /** Whether {@code s} from {@code at} to {@code end} is exactly an HTTP-version. */
    static boolean isVersion(String s, int at, int end) {
        return end - at == 8 && end <= s.length() && s.startsWith("HTTP/", at) && HttpSyntax.isDigit(s.charAt(at + 5))
                && s.charAt(at + 6) == '.' && HttpSyntax.isDigit(s.charAt(at + 7));
    }

    static int major(String s, int at) {
        return s.charAt(at + 5) - '0';
    }

    /**
     * The minor version as processed: RFC 9110 §6.2 has a recipient treat a higher minor version
     * of a major version it implements (HTTP/1.2) as the highest it implements, 1.
     */
    static int minor(String s, int at) {
        return Math.min(1, s.charAt(at + 7) - '0');
    }
}
