package io.slipway.socket.dns;

import java.util.List;

/**
 * Encodes a DNS message (RFC 1035 §4.1) with name compression (§4.1.4, in {@link WireWriter}),
 * cut to a size limit as RFC 2181 §9 says.
 *
 * <p>Sections are written in order, each record wound back out if it takes the message over the
 * limit. Additional records are extra help, so when they do not all fit the message keeps the
 * whole RRsets of them that do, in order, and TC stays clear ("TC should not be set merely
 * because some extra information could have been included"). An answer or authority record
 * that does not fit is a part of the response missing: the message keeps the whole RRsets that
 * fit, in order, drops the rest and the additional section, and sets TC. The counts in the
 * header are those of what was written.
 */
final class MessageEncoder {
    /** The largest message there is: TCP's two-byte length prefix (RFC 1035 §4.2.2). */
    static final int MAX_LENGTH = 0xFFFF;

    private MessageEncoder() {
    }

    static byte[] encode(DnsMessage message, int maxLength) {
        if (maxLength < DnsMessage.HEADER_LENGTH || maxLength > MAX_LENGTH) {
            throw new IllegalArgumentException("maxLength must be " + DnsMessage.HEADER_LENGTH + ".." + MAX_LENGTH
                    + ": " + maxLength);
        }
        WireWriter w = new WireWriter();
        w.skip(DnsMessage.HEADER_LENGTH);
        for (Question q : message.questions()) {
            w.name(q.name());
            w.u16(q.type());
            w.u16(q.dnsClass());
        }
        if (w.position() > maxLength) {
            // One question of the longest name takes 12 + 259 bytes, well within 512.
            throw new IllegalArgumentException("header and questions take " + w.position()
                    + " bytes, more than maxLength " + maxLength);
        }
        int an = section(w, message.answers(), maxLength);
        boolean cut = an < message.answers().size();
        int ns = cut ? 0 : section(w, message.authorities(), maxLength);
        cut |= ns < message.authorities().size();
        int ar = cut ? 0 : section(w, message.additionals(), maxLength);

        w.put16(0, message.id());
        w.put16(2, DnsHeader.flags(message, message.truncated() || cut));
        w.put16(4, message.questions().size());
        w.put16(6, an);
        w.put16(8, ns);
        w.put16(10, ar);
        return w.toByteArray();
    }

    /** Writes the records that fit, as whole RRsets in order, and says how many were written. */
    private static int section(WireWriter w, List<ResourceRecord> records, int maxLength) {
        WireWriter.Mark[] marks = new WireWriter.Mark[records.size()];
        for (int i = 0; i < records.size(); i++) {
            marks[i] = w.mark();
            record(w, records.get(i));
            if (w.position() > maxLength) {
                int keep = Rrsets.wholePrefix(records, i);
                w.reset(marks[keep]);
                return keep;
            }
        }
        return records.size();
    }

    /** RFC 1035 §4.1.3: NAME, TYPE, CLASS, TTL, RDLENGTH (filled in after), RDATA. */
    private static void record(WireWriter w, ResourceRecord r) {
        w.name(r.name());
        w.u16(r.type());
        w.u16(r.dnsClass());
        w.u32(r.ttl());
        int rdLengthAt = w.position();
        w.u16(0);
        RDataWriter.write(w, r.data());
        int rdLength = w.position() - rdLengthAt - 2;
        if (rdLength > 0xFFFF) {
            // Cannot happen with the RData variants as they check their sizes; guards a new one.
            throw new IllegalStateException("RDATA of " + rdLength + " bytes: " + r);
        }
        w.put16(rdLengthAt, rdLength);
    }
}
