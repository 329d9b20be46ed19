package io.slipway.socket.dns;

import java.util.List;
import java.util.Objects;

/**
 * A DNS message (RFC 1035 §4.1): the header's fields and the four sections. Immutable; built with
 * {@link #query} or {@link #builder()}, read off the wire with {@link #decode}, written with
 * {@link #encode}.
 *
 * <pre>
 *                                 1  1  1  1  1  1
 *   0  1  2  3  4  5  6  7  8  9  0  1  2  3  4  5
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                      ID                       |
 * |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
 * |                    QDCOUNT                    |
 * |                    ANCOUNT                    |
 * |                    NSCOUNT                    |
 * |                    ARCOUNT                    |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * </pre>
 *
 * @param id the query identifier, 0..65535, copied into the response
 * @param response QR: a response rather than a query
 * @param opcode 0 for a standard query (QUERY); others are answered NOTIMP by slipway's servers
 * @param authoritative AA: the answer comes from a server authoritative for the name
 * @param truncated TC: the message was cut to fit (RFC 2181 §9)
 * @param recursionDesired RD: the client asks the server to resolve recursively
 * @param recursionAvailable RA: the server offers recursion
 * @param rcode the response code ({@link Rcode})
 */
public record DnsMessage(int id, boolean response, int opcode, boolean authoritative, boolean truncated,
        boolean recursionDesired, boolean recursionAvailable, int rcode, List<Question> questions,
        List<ResourceRecord> answers, List<ResourceRecord> authorities, List<ResourceRecord> additionals) {
    /** Header bytes before the first section. */
    public static final int HEADER_LENGTH = 12;
    /** The largest message over UDP without EDNS (RFC 1035 §4.2.1). */
    public static final int MAX_UDP_LENGTH = 512;
    public static final int OPCODE_QUERY = 0;

    public DnsMessage {
        Question.checkU16(id, "id");
        if (opcode < 0 || opcode > 15) {
            throw new IllegalArgumentException("opcode must be 0..15: " + opcode);
        }
        if (rcode < 0 || rcode > 15) {
            throw new IllegalArgumentException("rcode must be 0..15: " + rcode);
        }
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        authorities = List.copyOf(authorities);
        additionals = List.copyOf(additionals);
        for (List<?> section : List.of(questions, answers, authorities, additionals)) {
            if (section.size() > 0xFFFF) {
                throw new IllegalArgumentException("a section holds at most 65535 entries");
            }
        }
    }

    /** A standard query for one question, as a stub resolver sends it. */
    public static DnsMessage query(int id, Question question, boolean recursionDesired) {
        return new DnsMessage(id, false, OPCODE_QUERY, false, false, recursionDesired, false, Rcode.NOERROR,
                List.of(question), List.of(), List.of(), List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this message's fields, to derive another message from it. */
    public Builder toBuilder() {
        return new Builder().id(id).response(response).opcode(opcode).authoritative(authoritative)
                .truncated(truncated).recursionDesired(recursionDesired).recursionAvailable(recursionAvailable)
                .rcode(rcode).questions(questions).answers(answers).authorities(authorities)
                .additionals(additionals);
    }

    /** The only question, or null when the message has none (a query must have exactly one). */
    public Question question() {
        return questions.isEmpty() ? null : questions.get(0);
    }

    /**
     * Parses a whole message from {@code length} bytes at {@code offset}.
     *
     * @throws DnsFormatException saying what is wrong and where
     */
    public static DnsMessage decode(byte[] data, int offset, int length) throws DnsFormatException {
        return MessageDecoder.decode(data, offset, length);
    }

    /**
     * The message on the wire with name compression (RFC 1035 §4.1.4), at most {@code maxLength}
     * bytes (512 for UDP without EDNS). When it does not fit, records are left out as RFC 2181 §9
     * says: additional records first, without TC; then answer and authority records, whole
     * RRsets at a time, and TC is set.
     */
    public byte[] encode(int maxLength) {
        return MessageEncoder.encode(this, maxLength);
    }

    public static final class Builder {
        private int id;
        private boolean response;
        private int opcode;
        private boolean authoritative;
        private boolean truncated;
        private boolean recursionDesired;
        private boolean recursionAvailable;
        private int rcode;
        private List<Question> questions = List.of();
        private List<ResourceRecord> answers = List.of();
        private List<ResourceRecord> authorities = List.of();
        private List<ResourceRecord> additionals = List.of();

        public Builder id(int v) {
            id = v;
            return this;
        }

        public Builder response(boolean v) {
            response = v;
            return this;
        }

        public Builder opcode(int v) {
            opcode = v;
            return this;
        }

        public Builder authoritative(boolean v) {
            authoritative = v;
            return this;
        }

        public Builder truncated(boolean v) {
            truncated = v;
            return this;
        }

        public Builder recursionDesired(boolean v) {
            recursionDesired = v;
            return this;
        }

        public Builder recursionAvailable(boolean v) {
            recursionAvailable = v;
            return this;
        }

        public Builder rcode(int v) {
            rcode = v;
            return this;
        }

        public Builder questions(List<Question> v) {
            questions = Objects.requireNonNull(v);
            return this;
        }

        public Builder answers(List<ResourceRecord> v) {
            answers = Objects.requireNonNull(v);
            return this;
        }

        public Builder authorities(List<ResourceRecord> v) {
            authorities = Objects.requireNonNull(v);
            return this;
        }

        public Builder additionals(List<ResourceRecord> v) {
            additionals = Objects.requireNonNull(v);
            return this;
        }

        public DnsMessage build() {
            return new DnsMessage(id, response, opcode, authoritative, truncated, recursionDesired,
                    recursionAvailable, rcode, questions, answers, authorities, additionals);
        }
    }
}
