package io.slipway.socket.dns;

import io.slipway.base.Bytes;
import java.util.Objects;

/**
 * The fixed 12-byte header of a DNS message (RFC 1035 §4.1.1), read in place without decoding
 * the message: a server must answer FORMERR to a query it cannot decode (and NOTIMP to an opcode
 * it does not serve) with the query's ID, opcode and RD bit copied into the response (RFC 1035
 * §4.1.1), so it needs those from bytes that {@link DnsMessage#decode} rejects.
 *
 * <p>The flags word, the second 16 bits of the header:
 * <pre>
 *   0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 * |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
 * </pre>
 * AD and CD are DNSSEC's (RFC 4035 §3.2); {@link DnsMessage} does not keep them, so this is
 * the place to read them.
 */
public final class DnsHeader {
    /** Query (0) or response (1). */
    public static final int QR = 0x8000;
    /** Authoritative answer. */
    public static final int AA = 0x0400;
    /** Truncated (RFC 2181 §9). */
    public static final int TC = 0x0200;
    /** Recursion desired. */
    public static final int RD = 0x0100;
    /** Recursion available. */
    public static final int RA = 0x0080;
    /** Reserved, zero in every message sent (RFC 1035 §4.1.1). */
    public static final int Z = 0x0040;
    /** Authentic data (RFC 4035 §3.2.3); dig sets it in queries to ask for the bit in the answer (RFC 6840 §5.7). */
    public static final int AD = 0x0020;
    /** Checking disabled (RFC 4035 §3.2.2). */
    public static final int CD = 0x0010;

    private static final int OPCODE_SHIFT = 11;

    private DnsHeader() {
    }

    /**
     * The message ID, from the first two bytes of the {@code length} at {@code offset}.
     *
     * @return 0..65535, or -1 when there are fewer than 2 bytes (nothing to answer to)
     * @throws IndexOutOfBoundsException when offset and length do not lie within {@code data}
     */
    public static int peekId(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return length < 2 ? -1 : Bytes.u16(data, offset);
    }

    /**
     * The flags word, bytes 2 and 3: test it with the masks above, {@link #opcode} and {@link #rcode}.
     *
     * @return 0..65535, or -1 when there are fewer than 4 bytes
     * @throws IndexOutOfBoundsException when offset and length do not lie within {@code data}
     */
    public static int peekFlags(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return length < 4 ? -1 : Bytes.u16(data, offset + 2);
    }

    /** The 4-bit opcode of a flags word (0 is QUERY). */
    public static int opcode(int flags) {
        return (flags >>> OPCODE_SHIFT) & 0xF;
    }

    /** The 4-bit RCODE of a flags word. */
    public static int rcode(int flags) {
        return flags & 0xF;
    }

    /** The flags word of {@code message}, as the encoder writes it; Z, AD and CD are zero. */
    static int flags(DnsMessage message, boolean truncated) {
        return (message.response() ? QR : 0) | message.opcode() << OPCODE_SHIFT
                | (message.authoritative() ? AA : 0) | (truncated ? TC : 0)
                | (message.recursionDesired() ? RD : 0) | (message.recursionAvailable() ? RA : 0)
                | message.rcode();
    }
}
