package io.slipway.app.dns.server;

import io.slipway.socket.dns.Rcode;
import io.slipway.socket.dns.ResourceRecord;
import java.util.List;

/**
 * What a recursive resolution found, as the sections of the response to the client: NOERROR
 * with the CNAME chain and the data, NOERROR or NXDOMAIN with the SOA in authority for a negative
 * answer (RFC 2308 §3), or SERVFAIL.
 *
 * @param busy SERVFAIL for want of a socket here, not because the servers failed
 */
record Outcome(int rcode, List<ResourceRecord> answers, List<ResourceRecord> authorities, boolean fromCache,
        boolean busy) {
    Outcome {
        answers = List.copyOf(answers);
        authorities = List.copyOf(authorities);
    }

    Outcome(int rcode, List<ResourceRecord> answers, List<ResourceRecord> authorities, boolean fromCache) {
        this(rcode, answers, authorities, fromCache, false);
    }

    static Outcome serverFailure() {
        return new Outcome(Rcode.SERVFAIL, List.of(), List.of(), false, false);
    }

    /** SERVFAIL because the host had no socket free: counted as RECURSION_BUSY, not a server's fault. */
    static Outcome noSocket() {
        return new Outcome(Rcode.SERVFAIL, List.of(), List.of(), false, true);
    }
}
