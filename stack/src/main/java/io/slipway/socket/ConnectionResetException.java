package io.slipway.socket;

/** The peer reset the connection. */
public final class ConnectionResetException extends SocketException {
    public ConnectionResetException(String what) {
        super(SocketError.CONNECTION_RESET, what);
    }
}
