package io.slipway.socket;

/** Nobody listens at the far end: ICMP port unreachable for UDP, a reset in answer to a SYN for TCP. */
public final class ConnectionRefusedException extends SocketException {
    public ConnectionRefusedException(String what) {
        super(SocketError.CONNECTION_REFUSED, what);
    }
}
