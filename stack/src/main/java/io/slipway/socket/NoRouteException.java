package io.slipway.socket;

/** No route leads to the destination's network (ENETUNREACH), here or at a router on the way. */
public final class NoRouteException extends SocketException {
    public NoRouteException(String what) {
        super(SocketError.NETWORK_UNREACHABLE, what);
    }
}
