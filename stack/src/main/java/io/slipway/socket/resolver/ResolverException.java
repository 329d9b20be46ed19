package io.slipway.socket.resolver;

import java.io.IOException;

/** A lookup that found no answer, and why (the {@link Kind}); the message says it for a user. */
public final class ResolverException extends IOException {
    /** Why a lookup failed. */
    public enum Kind {
        /** The name does not exist (NXDOMAIN, RFC 1035 §4.1.1 RCODE 3). */
        NAME_NOT_FOUND,
        /** The name exists but has no records of the type asked (NODATA, RFC 2308 §2.2). */
        NO_DATA,
        /** No server answered in time, or every server failed (SERVFAIL, REFUSED, unreachable). */
        NO_ANSWER,
        /** The answer did not fit a UDP message (TC); it needs DNS over TCP, which slipway has not yet. */
        TRUNCATED,
        /** The CNAME chain loops or is longer than allowed. */
        BAD_CNAME_CHAIN,
        /** The lookup needed more queries than allowed. */
        TOO_MANY_QUERIES,
        /** The name itself cannot be looked up (a label over 63 bytes, a name over 255). */
        BAD_NAME
    }

    private final Kind kind;

    public ResolverException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
