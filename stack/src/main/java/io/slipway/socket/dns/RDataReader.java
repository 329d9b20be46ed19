package io.slipway.socket.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the RDATA of one record (RFC 1035 §3.3, §4.1.3). For the types slipway knows the data
 * must parse to exactly RDLENGTH bytes, no more and no fewer: anything else is a malformed
 * record, not padding to skip. Names in NS, CNAME, PTR, MX and SOA data may be compressed
 * (RFC 3597 §4 keeps that to the RFC 1035 types) and point anywhere before them. Every other
 * type, OPT included, is kept as its bytes ({@link RData.Unknown}, RFC 3597 §2).
 */
final class RDataReader {
    private RDataReader() {
    }

    /** The RDATA at the reader's position, {@code rdLength} bytes that the caller checked are there. */
    static RData read(WireReader r, int type, int rdLength) throws DnsFormatException {
        int start = r.position();
        int end = start + rdLength;
        r.limit(end);
        try {
            RData data = switch (type) {
                case DnsType.A -> {
                    if (rdLength != 4) {
                        throw r.error("RDATA", "A data is 4 bytes, RDLENGTH says " + rdLength + " (RFC 1035 §3.4.1)",
                                start);
                    }
                    yield new RData.A((int) r.u32("address"));
                }
                case DnsType.NS -> new RData.Ns(r.name("NSDNAME"));
                case DnsType.CNAME -> new RData.Cname(r.name("CNAME"));
                case DnsType.PTR -> new RData.Ptr(r.name("PTRDNAME"));
                case DnsType.MX -> new RData.Mx(r.u16("MX preference"), r.name("MX exchange"));
                case DnsType.SOA -> soa(r);
                case DnsType.TXT -> txt(r, rdLength);
                default -> new RData.Unknown(type, r.bytes(rdLength, "RDATA"));
            };
            if (r.position() != end) {
                throw r.error("RDATA", DnsType.name(type) + " data ends after " + (r.position() - start)
                        + " bytes but RDLENGTH says " + rdLength, r.position());
            }
            return data;
        } finally {
            r.clearLimit();
        }
    }

    /** RFC 1035 §3.3.13: two names, then SERIAL, REFRESH, RETRY, EXPIRE and MINIMUM, 32 bits each. */
    private static RData soa(WireReader r) throws DnsFormatException {
        DnsName mname = r.name("SOA MNAME");
        DnsName rname = r.name("SOA RNAME");
        r.require(20, "SOA SERIAL..MINIMUM");
        return new RData.Soa(mname, rname, r.u32("SERIAL"), r.u32("REFRESH"), r.u32("RETRY"), r.u32("EXPIRE"),
                r.u32("MINIMUM"));
    }

    /** RFC 1035 §3.3.14: one or more character-strings, each a length byte and that many bytes, filling RDATA. */
    private static RData txt(WireReader r, int rdLength) throws DnsFormatException {
        if (rdLength == 0) {
            throw r.error("RDATA", "TXT data holds at least one string, RDLENGTH is 0", r.position());
        }
        List<String> strings = new ArrayList<>();
        while (r.remaining() > 0) {
            int at = r.position();
            int n = r.u8("TXT string length");
            if (n > r.remaining()) {
                throw r.error("TXT string", n + " bytes overrun the RDATA (" + r.remaining() + " left)", at);
            }
            strings.add(new String(r.bytes(n, "TXT string"), StandardCharsets.ISO_8859_1));
        }
        return new RData.Txt(strings);
    }
}
