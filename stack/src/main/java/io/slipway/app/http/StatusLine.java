package io.slipway.app.http;

/**
 * {@code status-line = HTTP-version SP status-code SP [ reason-phrase ]} (RFC 9112 §4). Either
 * the fields are set or {@link #failure} is. One lenience: a status line that ends right after
 * the code, without the SP before an empty reason, is accepted, as browsers do; the reason is
 * not information a client relies on (§4).
 */
final class StatusLine {
    final int versionMajor;
    final int versionMinor;
    final int status;
    final String reason;
    final HeadFailure failure;

    private StatusLine(int versionMajor, int versionMinor, int status, String reason, HeadFailure failure) {
        this.versionMajor = versionMajor;
        this.versionMinor = versionMinor;
        this.status = status;
        this.reason = reason;
        this.failure = failure;
    }

    static StatusLine parse(String line) {
        if (!HttpVersion.isVersion(line, 0, 8) || line.length() < 12 || line.charAt(8) != ' ') {
            return failed("status line does not start with HTTP-version SP: " + LogText.quote(line));
        }
        if (HttpVersion.major(line, 0) != 1) {
            return failed("HTTP version " + line.substring(0, 8) + " not supported");
        }
        String code = line.substring(9, 12);
        if (!HttpSyntax.isDigits(code) || (line.length() > 12 && line.charAt(12) != ' ')) {
            return failed("status code is not three digits: " + LogText.quote(line));
        }
        int status = Integer.parseInt(code);
        if (!HttpStatus.isValid(status)) {
            return failed("status code " + status + " outside 100..599 (RFC 9110 §15)");
        }
        String reason = line.length() > 13 ? line.substring(13) : "";
        if (!isReasonPhrase(reason)) {
            return failed("control octet in the reason phrase: " + LogText.quote(reason));
        }
        return new StatusLine(1, HttpVersion.minor(line, 0), status, reason, null);
    }

    /** {@code reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )}, or nothing. */
    static boolean isReasonPhrase(String reason) {
        for (int i = 0; i < reason.length(); i++) {
            if (!HttpSyntax.isFieldValueOctet(reason.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static StatusLine failed(String reason) {
        return new StatusLine(0, 0, 0, null, HeadFailure.badRequest(reason));
    }
}
