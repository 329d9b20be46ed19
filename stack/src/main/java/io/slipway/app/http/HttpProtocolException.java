package io.slipway.app.http;

import java.io.IOException;

/**
 * A peer sent what is not HTTP/1.1 as RFC 9112 defines it, or more than the {@link HttpLimits}
 * allow, or closed the connection in the middle of a message. The connection cannot be used
 * any more: the client closes it (RFC 9112 §6.3, §8). The message is one line.
 */
public class HttpProtocolException extends IOException {
    /** @param message what is wrong, one line */
    public HttpProtocolException(String message) {
        super(message);
    }
}
