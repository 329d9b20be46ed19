package io.slipway.udp;

/** What UDP counts: datagrams each way, and every drop by its reason. */
public enum UdpEvent {
    DATAGRAMS_IN,
    DATAGRAMS_OUT,
    /** Fewer bytes than a UDP header. */
    DROP_TRUNCATED,
    /** The length field is below 8 or beyond the IP payload. */
    DROP_BAD_LENGTH,
    /** A non-zero checksum that does not verify (RFC 1122 §4.1.3.4: silently discarded). */
    DROP_BAD_CHECKSUM,
    /** No socket on the destination port: answered with ICMP port unreachable (RFC 1122 §4.1.3.1). */
    DROP_NO_PORT,
    /** The socket's receive queue was full (the application reads too slowly). */
    DROP_RECEIVE_QUEUE_FULL,
    /** IP could not send a datagram (no route, link queue full). */
    DROP_SEND_FAILED,
    /** ICMP errors about datagrams we sent, and those that reached a connected socket. */
    ICMP_ERRORS_IN,
    ICMP_ERRORS_DELIVERED
}
