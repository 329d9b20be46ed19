package io.slipway.socket.resolver;

/**
 * How far the cache trusts a record, by where it came from (RFC 2181 §5.4.1, simplified): data
 * from a lower rank never replaces data of a higher rank that is still alive, so glue from an
 * additional section cannot overwrite an authoritative answer.
 */
public enum Trust {
    /** Additional section: glue and hints. */
    ADDITIONAL,
    /** Authority section: NS records of a referral, the SOA of a negative answer. */
    AUTHORITY,
    /** Answer section of a non-authoritative answer (a recursive server's). */
    ANSWER,
    /** Answer section of an authoritative answer. */
    AUTHORITATIVE_ANSWER
}
