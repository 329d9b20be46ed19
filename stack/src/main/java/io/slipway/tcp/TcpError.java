package io.slipway.tcp;

/** Why a connection failed, as the application is told (the socket layer maps it to an errno). */
public enum TcpError {
    /** A reset answered our SYN: nobody listens there (ECONNREFUSED). */
    REFUSED,
    /** The peer reset an established connection (ECONNRESET). */
    RESET,
    /** No answer within the retransmission limit (ETIMEDOUT). */
    TIMED_OUT,
    /** ICMP said the host cannot be reached (EHOSTUNREACH), the last word before a timeout. */
    HOST_UNREACHABLE,
    /** ICMP said the network cannot be reached (ENETUNREACH). */
    NETWORK_UNREACHABLE,
    /** No route to the destination at all when connecting. */
    NO_ROUTE,
    /** The connection was aborted here (RST sent): closed with unread data, or by the application. */
    ABORTED
}
