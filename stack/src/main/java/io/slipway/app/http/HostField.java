package io.slipway.app.http;

/**
 * The syntax of the Host field (RFC 9110 §7.2) and of the authority-form request-target
 * (RFC 9112 §3.2.3), after RFC 3986 §3.2.2:
 *
 * <pre>
 *   Host       = uri-host [ ":" port ]        uri-host = IP-literal / IPv4address / reg-name
 *   IP-literal = "[" ( IPv6address / IPvFuture ) "]"
 *   reg-name   = *( unreserved / pct-encoded / sub-delims )            port = *DIGIT
 * </pre>
 *
 * An IP-literal is checked for its characters only (hex digits, colons, dots and IPvFuture's),
 * not parsed: the server compares the host, it does not connect to it.
 */
final class HostField {
    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String UNRESERVED_MARKS = "-._~";

    private HostField() {
    }

    /** Whether {@code value} is a valid Host field value; an empty one is (RFC 9112 §3.2). */
    static boolean isValid(String value) {
        int portColon = hostEnd(value);
        return portColon >= 0 && isPort(value, portColon, false);
    }

    /** {@code authority-form = uri-host ":" port}, both present: the target of CONNECT. */
    static boolean isAuthorityForm(String target) {
        int portColon = hostEnd(target);
        return portColon > 0 && isPort(target, portColon, true);
    }

    /** Where the uri-host ends (the index of the port's colon, or the length), or -1 when it is invalid. */
    private static int hostEnd(String v) {
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 2) {
                return -1;
            }
            for (int i = 1; i < close; i++) {
                char c = v.charAt(i);
                if (!(isUnreserved(c) || SUB_DELIMS.indexOf(c) >= 0 || c == ':')) {
                    return -1;
                }
            }
            return close + 1;
        }
        int i = 0;
        while (i < v.length() && v.charAt(i) != ':') {
            char c = v.charAt(i);
            if (c == '%') {
                if (i + 2 >= v.length() || !HttpSyntax.isHexDigit(v.charAt(i + 1))
                        || !HttpSyntax.isHexDigit(v.charAt(i + 2))) {
                    return -1;
                }
                i += 3;
            } else if (isUnreserved(c) || SUB_DELIMS.indexOf(c) >= 0) {
                i++;
            } else {
                return -1;
            }
        }
        return i;
    }

    /** Nothing at {@code at}, or {@code ":" *DIGIT} to the end ({@code 1*DIGIT} when required). */
    private static boolean isPort(String v, int at, boolean required) {
        if (at == v.length()) {
            return !required;
        }
        if (v.charAt(at) != ':') {
            return false;
        }
        String port = v.substring(at + 1);
        return port.isEmpty() ? !required : HttpSyntax.isDigits(port);
    }

    private static boolean isUnreserved(char c) {
        return HttpSyntax.isAlpha(c) || HttpSyntax.isDigit(c) || UNRESERVED_MARKS.indexOf(c) >= 0;
    }
}
