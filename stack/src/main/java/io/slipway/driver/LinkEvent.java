package io.slipway.driver;

/** What a {@link Link} counts, drops by reason among them. */
public enum LinkEvent {
    PACKETS_IN,
    PACKETS_OUT,
    /** A frame too short for the link header. */
    DROP_TRUNCATED,
    /** An EtherType the stack does not speak, or a non-IPv4 packet on a SLIP line. */
    DROP_UNKNOWN_TYPE,
    /** An Ethernet frame addressed to another station. */
    DROP_NOT_FOR_US,
    /** A frame whose source address is ours, or a group address (RFC 1122 §3.3.6 hygiene). */
    DROP_BAD_SOURCE,
    /** A packet to send without room in front for the link header. */
    DROP_NO_HEADROOM,
    /** A packet to send larger than the MTU. */
    DROP_TOO_BIG,
    /** The driver's transmit backlog was full. */
    DROP_TRANSMIT_FULL,
    /** A frame arrived with nobody above to take it. */
    DROP_NO_RECEIVER
}
