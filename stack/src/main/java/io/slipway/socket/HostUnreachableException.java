package io.slipway.socket;

/** The host could not be reached: an ICMP host unreachable or time exceeded came back, or its address could not be resolved on the link. */
public final class HostUnreachableException extends SocketException {
    public HostUnreachableException(String what) {
        super(SocketError.HOST_UNREACHABLE, what);
    }
}
