package io.slipway.tcp;

/**
 * Upward delivery from a TCP connection to whoever owns it (the socket library): what a blocked
 * application thread may be waiting for has changed. Owned by TCP, so the socket layer depends on
 * TCP and never the other way. Called on the stack thread; must only wake waiters.
 */
public interface ConnectionEvents {
    /** Data, the peer's FIN, an error or a state change: readers, writers and connectors look again. */
    void onConnectionChanged(TcpConnection connection);
}
