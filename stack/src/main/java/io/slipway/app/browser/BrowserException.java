package io.slipway.app.browser;

import java.io.IOException;

/** A fetch that could not be done, with one line saying why (a name that does not resolve, a redirect loop, ...). */
public final class BrowserException extends IOException {
    public BrowserException(String message) {
        super(message);
    }

    public BrowserException(String message, Throwable cause) {
        super(message, cause);
    }
}
