package io.slipway.socket;

/** What the socket library counts. */
public enum SocketEvent {
    OPENED,
    CLOSED,
    DATAGRAMS_SENT,
    DATAGRAMS_RECEIVED,
    /** A datagram that found its socket's receive queue full (the application reads too slowly). */
    DROP_RECEIVE_QUEUE_FULL,
    /** A datagram larger than the socket's whole receive queue: it could never be read. */
    DROP_TOO_BIG_FOR_QUEUE,
    /** A datagram that arrived after the socket was shut down for reading. */
    DROP_READ_SHUT_DOWN,
    /** A datagram UDP could not send (no route, link queue full); the socket hears of a missing route. */
    DROP_SEND_FAILED,
    /** ICMP errors that reached a connected socket. */
    ERRORS_DELIVERED,
    /** A service on the stack thread threw: it was stopped, the stack went on. */
    SERVICE_FAILED
}
