package io.slipway.app.dns;

import io.slipway.socket.dns.Rcode;
import io.slipway.socket.dns.ResourceRecord;
import java.util.List;
import java.util.Objects;

/**
 * What a zone says to one question (RFC 1034 §4.3.2 step 3), as the three sections of the
 * response, in the order a server copies them out: RRsets whole, records in zone-file order.
 *
 * @param answers the answer section: the RRset asked for, after any CNAMEs followed to reach it
 * @param authorities the authority section: the SOA for a negative answer (RFC 2308 §3), the
 *     delegation's NS RRset for a referral (RFC 1034 §4.3.2 step 3b)
 * @param additionals the additional section: A records of the hosts named by NS and MX records in
 *     the other sections (RFC 1035 §3.3.9, §3.3.11, RFC 1034 §4.3.2 step 6)
 */
public record ZoneAnswer(Kind kind, List<ResourceRecord> answers, List<ResourceRecord> authorities,
        List<ResourceRecord> additionals) {
    public enum Kind {
        /** The name has the data asked for (after CNAMEs, or the CNAME chain leaves the zone). */
        ANSWER,
        /** The name is at or below a delegation: the child zone's servers know (RFC 1034 §4.3.2 3b). */
        REFERRAL,
        /** The name exists but has no data of the type asked for (RFC 2308 §2.2). */
        NODATA,
        /** The name does not exist (RFC 2308 §2.1; after CNAMEs, the last target, RFC 6604 §2). */
        NXDOMAIN
    }

    public ZoneAnswer {
        Objects.requireNonNull(kind, "kind");
        answers = List.copyOf(answers);
        authorities = List.copyOf(authorities);
        additionals = List.copyOf(additionals);
    }

    /**
     * The AA bit (RFC 1035 §4.1.1), which "corresponds to the name which matches the query name,
     * or the first owner name in the answer section": true for answers from this zone's own data,
     * negative ones included; false for a plain referral. A referral reached through this zone's
     * CNAMEs keeps it, since the CNAMEs in the answer are ours.
     */
    public boolean authoritative() {
        return kind != Kind.REFERRAL || !answers.isEmpty();
    }

    /** NXDOMAIN for {@link Kind#NXDOMAIN} (RFC 6604 §2: even after CNAMEs), NOERROR otherwise. */
    public int rcode() {
        return kind == Kind.NXDOMAIN ? Rcode.NXDOMAIN : Rcode.NOERROR;
    }
}
