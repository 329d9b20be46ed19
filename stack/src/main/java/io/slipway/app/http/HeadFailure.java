package io.slipway.app.http;

/**
 * Why a message head was refused: the status a server answers with (RFC 9112 §3, §5; RFC 9110
 * §15.5) and a one-line reason for logs. A client reading a response uses only the reason.
 */
record HeadFailure(int status, String reason) {
    static HeadFailure badRequest(String reason) {
        return new HeadFailure(HttpStatus.BAD_REQUEST, reason);
    }
}
