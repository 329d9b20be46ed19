package io.slipway.socket;

import java.io.IOException;

/**
 * A socket call that failed: a typed, checked exception whose message says what and why, e.g.
 * {@code connect 10.0.0.1:53: connection refused}. The errors callers commonly handle have their
 * own subclasses; the rest are this class with an {@link #error()}.
 */
public class SocketException extends IOException {
    private final SocketError error;

    public SocketException(SocketError error, String what) {
        super(what == null || what.isEmpty() ? error.text() : what + ": " + error.text());
        this.error = error;
    }

    public SocketError error() {
        return error;
    }

    /** The exception of the right subclass for {@code error}. */
    static SocketException of(SocketError error, String what) {
        return switch (error) {
            case CONNECTION_REFUSED -> new ConnectionRefusedException(what);
            case CONNECTION_RESET -> new ConnectionResetException(what);
            case TIMED_OUT -> new TimedOutException(what);
            case HOST_UNREACHABLE -> new HostUnreachableException(what);
            case NETWORK_UNREACHABLE -> new NoRouteException(what);
            case ADDRESS_IN_USE -> new AddressInUseException(what);
            default -> new SocketException(error, what);
        };
    }
}
