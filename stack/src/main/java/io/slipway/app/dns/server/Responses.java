package io.slipway.app.dns.server;

import io.slipway.socket.dns.DnsMessage;
import io.slipway.socket.dns.Question;
import io.slipway.socket.dns.ResourceRecord;
import java.util.List;

/**
 * Building the response to a query (RFC 1035 §4.1.1): the query's ID, opcode, RD bit and
 * question copied back, QR set, RA saying whether this server offers recursion.
 */
final class Responses {
    private Responses() {
    }

    static DnsMessage.Builder to(DnsMessage query, boolean recursionAvailable) {
        return DnsMessage.builder().id(query.id()).response(true).opcode(query.opcode())
                .recursionDesired(query.recursionDesired()).recursionAvailable(recursionAvailable)
                .questions(query.questions());
    }

    /** An error response with the question (when there was one) and nothing else. */
    static DnsMessage error(DnsMessage query, int rcode, boolean recursionAvailable) {
        return to(query, recursionAvailable).rcode(rcode).build();
    }

    /**
     * An error response built from the raw header alone, for a query that would not parse: ID,
     * opcode and RD from its first four bytes, no question (what BIND answers to junk).
     */
    static DnsMessage errorFromHeader(int id, int flags, int rcode, boolean recursionAvailable) {
        return DnsMessage.builder().id(id).response(true).opcode((flags >>> 11) & 0xF)
                .recursionDesired((flags & 0x0100) != 0).recursionAvailable(recursionAvailable).rcode(rcode).build();
    }

    static DnsMessage answer(DnsMessage query, boolean authoritative, boolean recursionAvailable, int rcode,
            List<ResourceRecord> answers, List<ResourceRecord> authorities, List<ResourceRecord> additionals) {
        return to(query, recursionAvailable).authoritative(authoritative).rcode(rcode).answers(answers)
                .authorities(authorities).additionals(additionals).build();
    }

    static Question question(DnsMessage query) {
        return query.question();
    }
}
