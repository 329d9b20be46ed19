package io.slipway.app.dns.server;

/** What a DNS server counts: queries and answers by kind, and every drop by its reason. */
public enum DnsServerEvent {
    /** Every datagram that came to port 53, whatever it held. */
    DATAGRAMS_IN,
    /** Datagrams with a whole header and QR clear: queries to answer. */
    QUERIES_IN,
    RESPONSES_OUT,
    /** Authoritative answers from our zones, positive or negative. */
    ANSWERS,
    NXDOMAIN,
    NODATA,
    /** Referrals to a delegated zone's servers. */
    REFERRALS,
    /** Queries handed to the recursive resolver, and those it answered from its cache alone. */
    RECURSIVE_QUERIES,
    RECURSIVE_FROM_CACHE,
    /** Answered SERVFAIL: recursion found no answer (every server failed or timed out, limits hit). */
    SERVFAIL,
    /** Answered FORMERR: the query could not be parsed, or did not hold exactly one question. */
    FORMERR,
    /** Answered NOTIMP: an opcode other than QUERY, or a zone transfer (AXFR, IXFR) over UDP. */
    NOTIMP,
    /** Answered REFUSED: not our zone and no recursion offered, or a class other than IN. */
    REFUSED,
    /** Responses cut to 512 bytes with TC set (RFC 2181 §9). */
    TRUNCATED,
    /** Fewer bytes than a DNS header: nothing to answer to. */
    DROP_TOO_SHORT,
    /** A response (QR set) sent to us: never answered, so two servers cannot loop. */
    DROP_NOT_A_QUERY,
    /** The response could not be queued (the socket's send queue full). */
    DROP_SEND_FAILED,
    /** A response the encoder refused: a bug of ours, counted instead of stopping the server. */
    DROP_ENCODE_FAILED,
    /**
     * Too many recursive resolutions at once, or no socket free for one: answered SERVFAIL at once,
     * so that recursion never takes every socket of the host.
     */
    RECURSION_BUSY,
    /** Queries the recursive resolver sent to other servers. */
    UPSTREAM_QUERIES
}
