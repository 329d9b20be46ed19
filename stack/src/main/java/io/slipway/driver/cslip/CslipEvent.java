package io.slipway.driver.cslip;

/**
 * What the CSLIP compressor and decompressor count: the packet types each way, and every drop by
 * reason (RFC 1144 §4: a drop of a compressed packet makes the decompressor toss until resynced).
 */
public enum CslipEvent {
    /** Sent as TYPE_IP: not TCP, a fragment, IP options, SYN, FIN, RST or no ACK (§3.2.2). */
    IP_OUT,
    /** Sent as UNCOMPRESSED_TCP: a new connection in a slot, or a change the deltas cannot say. */
    UNCOMPRESSED_OUT,
    /** Sent as COMPRESSED_TCP. */
    COMPRESSED_OUT,
    IP_IN,
    UNCOMPRESSED_IN,
    COMPRESSED_IN,
    /** The adapter lost a received frame: compressed packets are tossed until one names its connection. */
    RECEIVE_LOSS,
    /** A COMPRESSED_TCP packet without a connection number arrived while tossing (§4.1); dropped. */
    TOSSED,
    /** A connection number of 16 or more. */
    DROP_BAD_CONNECTION,
    /** A compressed packet for a slot that no UNCOMPRESSED_TCP packet has set. */
    DROP_UNKNOWN_CONNECTION,
    /** A compressed header that ends before its change mask says it does. */
    DROP_TRUNCATED,
    /** An UNCOMPRESSED_TCP packet whose IP or TCP header is not sound (lengths, checksum). */
    DROP_BAD_HEADER,
    /** A compressed packet that would rebuild to more than the link's MTU. */
    DROP_TOO_LONG,
    /** A first byte that is none of the three types. */
    DROP_UNKNOWN_TYPE
}
