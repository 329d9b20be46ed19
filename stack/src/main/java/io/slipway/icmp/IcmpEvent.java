package io.slipway.icmp;

/** What ICMP counts: messages by kind, and every drop or suppression by its reason. */
public enum IcmpEvent {
    MESSAGES_IN,
    ECHO_REQUESTS_IN,
    ECHO_REPLIES_OUT,
    ECHO_REQUESTS_OUT,
    ECHO_REPLIES_IN,
    ERRORS_IN,
    ERRORS_OUT,
    DROP_TRUNCATED,
    DROP_BAD_CHECKSUM,
    /** A type we neither answer nor use (timestamp, router advertisement, ...). */
    DROP_UNHANDLED_TYPE,
    /** Echo requests to a broadcast address go unanswered, as Linux does by default (RFC 1122 §3.2.2.6 allows it). */
    DROP_BROADCAST_ECHO,
    /** An echo reply no open echo endpoint was waiting for. */
    DROP_UNMATCHED_REPLY,
    /** An error about a packet nobody here can be told about. */
    DROP_UNMATCHED_ERROR,
    /** No error about an ICMP error, a broadcast, a non-first fragment, or a bad source (RFC 1122 §3.2.2). */
    ERROR_SUPPRESSED,
    /** Over the error rate limit (RFC 1812 §4.3.2.8). */
    ERROR_RATE_LIMITED,
    /** IP could not send a reply or an error (no route, link full). */
    DROP_SEND_FAILED
}
