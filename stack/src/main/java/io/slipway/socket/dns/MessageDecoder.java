package io.slipway.socket.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes a DNS message (RFC 1035 §4.1) and checks all of it: anything malformed is a {@link
 * DnsFormatException} saying what and where, so a server can answer FORMERR and a resolver drop
 * the response. Read RFC 1035 §4.1 first, then RFC 2181 §8 (TTLs) and RFC 3597 (unknown types).
 *
 * <p>Work and memory are bounded by the message's length: counts are checked against the
 * smallest size their entries could take before anything is read, names by {@link NameReader}.
 * Bytes after the last counted record are ignored (some senders pad).
 */
final class MessageDecoder {
    /** The smallest question: the root name (1 byte), QTYPE and QCLASS. */
    private static final int MIN_QUESTION = 1 + 4;
    /** The smallest record: the root name, TYPE, CLASS, TTL, RDLENGTH and no RDATA. */
    private static final int MIN_RECORD = 1 + 10;

    private MessageDecoder() {
    }

    static DnsMessage decode(byte[] data, int offset, int length) throws DnsFormatException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length < DnsMessage.HEADER_LENGTH) {
            throw new DnsFormatException("message of " + length + " bytes is shorter than the "
                    + DnsMessage.HEADER_LENGTH + "-byte header (RFC 1035 §4.1.1)", 0);
        }
        WireReader r = new WireReader(data, offset, length);
        int id = r.u16("ID");
        int flags = r.u16("flags");
        int qdCount = r.u16("QDCOUNT");
        int anCount = r.u16("ANCOUNT");
        int nsCount = r.u16("NSCOUNT");
        int arCount = r.u16("ARCOUNT");
        long least = DnsMessage.HEADER_LENGTH + (long) MIN_QUESTION * qdCount
                + (long) MIN_RECORD * (anCount + nsCount + arCount);
        if (least > length) {
            throw new DnsFormatException("counts QD=" + qdCount + " AN=" + anCount + " NS=" + nsCount + " AR="
                    + arCount + " need at least " + least + " bytes, the message has " + length, 4);
        }

        List<Question> questions = new ArrayList<>(qdCount);
        for (int i = 0; i < qdCount; i++) {
            r.entry("question", i + 1);
            questions.add(question(r));
        }
        List<ResourceRecord> answers = records(r, anCount, "answer");
        List<ResourceRecord> authorities = records(r, nsCount, "authority");
        List<ResourceRecord> additionals = records(r, arCount, "additional");

        return new DnsMessage(id, (flags & DnsHeader.QR) != 0, DnsHeader.opcode(flags),
                (flags & DnsHeader.AA) != 0, (flags & DnsHeader.TC) != 0, (flags & DnsHeader.RD) != 0,
                (flags & DnsHeader.RA) != 0, DnsHeader.rcode(flags), questions, answers, authorities, additionals);
    }

    /** RFC 1035 §4.1.2: QNAME, QTYPE, QCLASS. */
    private static Question question(WireReader r) throws DnsFormatException {
        DnsName name = r.name("QNAME");
        r.require(4, "QTYPE and QCLASS");
        return new Question(name, r.u16("QTYPE"), r.u16("QCLASS"));
    }

    private static List<ResourceRecord> records(WireReader r, int count, String section) throws DnsFormatException {
        List<ResourceRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            r.entry(section, i + 1);
            out.add(record(r));
        }
        return out;
    }

    /** RFC 1035 §4.1.3: NAME, TYPE, CLASS, TTL, RDLENGTH, RDATA. */
    private static ResourceRecord record(WireReader r) throws DnsFormatException {
        DnsName name = r.name("owner name");
        r.require(10, "TYPE, CLASS, TTL and RDLENGTH");
        int type = r.u16("TYPE");
        // For OPT (RFC 6891 §6.1.2) CLASS is the sender's UDP payload size: kept as it came.
        int dnsClass = r.u16("CLASS");
        long ttl = r.u32("TTL");
        // RFC 2181 §8: a TTL with the top bit set is to be treated as zero.
        if (ttl > ResourceRecord.MAX_TTL) {
            ttl = 0;
        }
        int rdLengthAt = r.position();
        int rdLength = r.u16("RDLENGTH");
        if (rdLength > r.remaining()) {
            throw r.error("RDLENGTH", rdLength + " runs past the end of the message (" + r.remaining()
                    + " bytes left)", rdLengthAt);
        }
        return new ResourceRecord(name, dnsClass, ttl, RDataReader.read(r, type, rdLength));
    }
}
