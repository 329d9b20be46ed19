package io.slipway.udp;

/** What became of a bind or connect. */
public enum BindResult {
    OK,
    /** Another endpoint holds the port on the same address, or on every address (EADDRINUSE). */
    ADDRESS_IN_USE,
    /** The address is not one of ours (EADDRNOTAVAIL). */
    ADDRESS_NOT_AVAILABLE,
    /** Every ephemeral port is taken. */
    NO_FREE_PORT,
    /** No route to the address being connected to (ENETUNREACH). */
    NO_ROUTE,
    /** The endpoint is already bound (EINVAL), or a connect to port 0. */
    INVALID
}
