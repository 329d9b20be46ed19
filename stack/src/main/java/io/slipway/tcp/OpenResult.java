package io.slipway.tcp;

/** Why an open (connect, listen) could not start. */
public enum OpenResult {
    OK,
    /** No route to the destination (ENETUNREACH). */
    NO_ROUTE,
    /** Every ephemeral port is taken. */
    NO_FREE_PORT,
    /** The local address and port are taken (EADDRINUSE). */
    ADDRESS_IN_USE,
    /** The local address is not one of ours (EADDRNOTAVAIL). */
    ADDRESS_NOT_AVAILABLE,
    /** Every connection of the table is in use (ENOBUFS). */
    NO_FREE_CONNECTION
}
