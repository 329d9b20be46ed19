package io.slipway.app.http;

/**
 * {@code request-line = method SP request-target SP HTTP-version} (RFC 9112 §3), parsed
 * strictly: one SP each, no other whitespace, because lenient splitting is where parsers
 * disagree and requests get smuggled (§3, last paragraph). Either the fields are set or
 * {@link #failure} is. The checks go from syntax (400) to version (505) to method (501) to the
 * form the method needs (400), so the most basic problem is the one reported.
 */
final class RequestLine {
    final String method;
    final String target;
    final int versionMajor;
    final int versionMinor;
    final HeadFailure failure;

    private RequestLine(String method, String target, int versionMajor, int versionMinor, HeadFailure failure) {
        this.method = method;
        this.target = target;
        this.versionMajor = versionMajor;
        this.versionMinor = versionMinor;
        this.failure = failure;
    }

    static RequestLine parse(String line) {
        int sp1 = line.indexOf(' ');
        int sp2 = line.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 == sp1) {
            return failed(HeadFailure.badRequest("request line is not method SP target SP version: " + LogText.quote(line)));
        }
        String method = line.substring(0, sp1);
        String target = line.substring(sp1 + 1, sp2);
        if (!HttpSyntax.isToken(method)) {
            return failed(HeadFailure.badRequest("method is not a token: " + LogText.quote(method)));
        }
        if (!HttpVersion.isVersion(line, sp2 + 1, line.length())) {
            return failed(HeadFailure.badRequest("not an HTTP version: " + LogText.quote(line.substring(sp2 + 1))));
        }
        if (!isTargetSyntax(target)) {
            return failed(HeadFailure.badRequest("request-target empty or not visible US-ASCII: " + LogText.quote(target)));
        }
        int major = HttpVersion.major(line, sp2 + 1);
        if (major != 1) {
            // RFC 9110 §15.6.6: the server does not support the major version.
            return failed(new HeadFailure(HttpStatus.HTTP_VERSION_NOT_SUPPORTED,
                    "HTTP version " + line.substring(sp2 + 1) + " not supported"));
        }
        if (!HttpMethod.isKnown(method)) {
            // RFC 9110 §9.1: an unrecognized method gets 501.
            return failed(new HeadFailure(HttpStatus.NOT_IMPLEMENTED, "unknown method " + LogText.quote(method)));
        }
        HeadFailure form = checkForm(method, target);
        if (form != null) {
            return failed(form);
        }
        return new RequestLine(method, target, major, HttpVersion.minor(line, sp2 + 1), null);
    }

    /** The characters a request-target may have at all: VCHAR, at least one (RFC 9112 §3.2, RFC 3986 §2). */
    static boolean isTargetSyntax(String target) {
        if (target.isEmpty()) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            if (!HttpSyntax.isVchar(target.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9112 §3.2: which of the four forms the method allows. */
    private static HeadFailure checkForm(String method, String target) {
        if (target.indexOf('#') >= 0) {
            // RFC 9112 §3.2: a request-target has no fragment; a client never sends one.
            return HeadFailure.badRequest("fragment (#) in the request-target: " + LogText.quote(target));
        }
        if (method.equals(HttpMethod.CONNECT)) {
            return HostField.isAuthorityForm(target) ? null
                    : HeadFailure.badRequest("CONNECT needs an authority-form target host:port (RFC 9112 §3.2.3): "
                            + LogText.quote(target));
        }
        if (target.equals("*")) {
            return method.equals(HttpMethod.OPTIONS) ? null
                    : HeadFailure.badRequest("asterisk-form target for a method other than OPTIONS (RFC 9112 §3.2.4)");
        }
        if (target.charAt(0) == '/' || isAbsoluteForm(target)) {
            return null;
        }
        return HeadFailure.badRequest("request-target is neither origin-form (/path) nor absolute-form (scheme:...): "
                + LogText.quote(target));
    }

    /** {@code absolute-URI = scheme ":" hier-part [ "?" query ]}, {@code scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}. */
    private static boolean isAbsoluteForm(String target) {
        int colon = target.indexOf(':');
        if (colon <= 0 || !HttpSyntax.isAlpha(target.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = target.charAt(i);
            if (!(HttpSyntax.isAlpha(c) || HttpSyntax.isDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static RequestLine failed(HeadFailure failure) {
        return new RequestLine(null, null, 0, 0, failure);
    }
}
