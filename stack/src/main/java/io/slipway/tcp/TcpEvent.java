package io.slipway.tcp;

/** What TCP counts: segments each way, connections, and every drop by its reason. */
public enum TcpEvent {
    SEGMENTS_IN,
    SEGMENTS_OUT,
    RETRANSMITTED_SEGMENTS,
    /** Fewer bytes than a TCP header. */
    DROP_TRUNCATED,
    /** Data offset below 5 words or beyond the segment. */
    DROP_BAD_HEADER_LENGTH,
    /** The checksum over the pseudo-header and segment does not verify. */
    DROP_BAD_CHECKSUM,
    /** Options that cannot be parsed (a length running past the header, a zero length). */
    DROP_BAD_OPTIONS,
    /** A segment for no connection and no listener: answered with a reset (RFC 9293 §3.10.7.1). */
    DROP_NO_CONNECTION,
    /** Not acceptable in the receive window (RFC 9293 §3.10.7.4): answered with an ACK. */
    DROP_OUT_OF_WINDOW,
    /** Out-of-order data that found no room in the bounded assembler. */
    DROP_OUT_OF_ORDER_FULL,
    /** A connection ready to be accepted found the accept queue full. */
    DROP_ACCEPT_QUEUE_FULL,
    /** A segment sent to a broadcast or multicast address (RFC 9293 §3.9.1, RFC 1122 §4.2.3.10). */
    DROP_BROADCAST,
    /** IP could not send a segment (no route, link queue full). */
    DROP_SEND_FAILED,
    /** A reset that was not exactly at RCV.NXT: answered with a challenge ACK (RFC 5961 §3). */
    CHALLENGE_ACKS,
    /** Challenge ACKs not sent because of the rate limit (RFC 5961 §7). */
    CHALLENGE_ACKS_LIMITED,
    /** A SYN for a listener whose half-open queue was full, with an MSS too small for a cookie to carry. */
    DROP_SYN_QUEUE_FULL,
    /** PAWS (RFC 7323 §5.3): a timestamp older than the connection's TS.Recent, so an old duplicate. */
    DROP_PAWS,
    /** A segment without the timestamps both ends agreed on (RFC 7323 §3.2: silently dropped). */
    DROP_NO_TIMESTAMP,
    RESETS_IN,
    RESETS_OUT,
    CONNECTIONS_OPENED_ACTIVE,
    CONNECTIONS_OPENED_PASSIVE,
    CONNECTIONS_ESTABLISHED,
    CONNECTIONS_CLOSED,
    /** Connections aborted after the retransmission limit. */
    CONNECTIONS_TIMED_OUT,
    /** Connections aborted by a reset from the peer. */
    CONNECTIONS_RESET,
    FAST_RETRANSMITS,
    /** Loss recoveries driven by the peer's SACK blocks (RFC 6675 §5); each also counts as a fast retransmit. */
    SACK_RECOVERIES,
    /** RFC 6675 NextSeg() rule (4): the last outstanding segment sent once in a recovery, for a loss at the tail. */
    SACK_RESCUE_RETRANSMITS,
    /** Early retransmits (RFC 5827): a loss among too few segments out for three duplicate ACKs. */
    EARLY_RETRANSMITS,
    /** Resends of SND.UNA's segment whose first resend was lost too (data sent after it was SACKed). */
    LOST_RETRANSMISSIONS,
    /** The peer discarded data it had SACKed (RFC 2018 §8): the scoreboard was cleared. */
    SACK_RENEGED,
    RETRANSMISSION_TIMEOUTS,
    /** Tail loss probes sent (RFC 8985 §7.3): the ACKs of a flight's last segments were overdue. */
    LOSS_PROBES,
    /**
     * Probes that found a loss (Linux's TCPLossProbeRecovery): the peer SACKed the probe above
     * a hole, which starts recovery, or the probe alone repaired the tail, which halves cwnd.
     */
    LOSS_PROBE_RECOVERIES,
    WINDOW_PROBES,
    DELAYED_ACKS,
    KEEPALIVE_PROBES,
    /** Orphaned connections reset after probing a window their peer kept shut (as Linux's tcp_orphan_retries). */
    ORPHANS_DROPPED,
    /** SYN-ACKs sent with a cookie because the half-open queue was full (RFC 4987 §3.6). */
    SYN_COOKIES_SENT,
    /** Handshakes completed by a valid returned cookie. */
    SYN_COOKIES_ACCEPTED,
    /** ACKs to a listener, while cookies were out, that carried no valid cookie (answered with a reset). */
    SYN_COOKIES_REJECTED
}
