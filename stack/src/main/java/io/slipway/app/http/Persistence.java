package io.slipway.app.http;

/** RFC 9112 §9.3: whether a connection persists after the current message, from its head alone. */
final class Persistence {
    private Persistence() {
    }

    /**
     * "close" in Connection ends it (RFC 9110 §7.6.1); else HTTP/1.1 persists, and HTTP/1.0 only
     * when the peer asked with {@code Connection: keep-alive} (RFC 9112 Appendix C.2.2).
     */
    static boolean persists(int versionMinor, HttpHeaders headers) {
        if (headers.hasToken("Connection", "close")) {
            return false;
        }
        return versionMinor >= 1 || headers.hasToken("Connection", "keep-alive");
    }
}
