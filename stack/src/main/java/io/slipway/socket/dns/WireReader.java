package io.slipway.socket.dns;

import io.slipway.base.Bytes;
import java.util.Arrays;

/**
 * A cursor over one DNS message for the decoder: every read first checks that the bytes are
 * there, so a truncated message becomes a {@link DnsFormatException} naming what was cut and
 * where, never an {@link ArrayIndexOutOfBoundsException}. Positions count from the message's
 * first byte, as pointers (RFC 1035 §4.1.4) and error offsets do.
 *
 * <p>Reads stop at a limit: the message's end, or while RDATA is read, the end RDLENGTH gives
 * (so the data of one record cannot run into the next). The entry being read ("answer 3") is
 * kept as a section and an index and turned into text only for an error.
 */
final class WireReader {
    private final byte[] data;
    private final int base;
    private final int length;
    private final NameReader names;
    /** Next byte to read, 0..limit. */
    private int position;
    /** The end of what may be read now: {@code length}, or the end of the RDATA being read. */
    private int limit;
    /** The entry being read, for error messages: "question", "answer"... and its number from 1; 0 for the header. */
    private String section = "header";
    private int index;

    WireReader(byte[] data, int base, int length) {
        this.data = data;
        this.base = base;
        this.length = length;
        this.names = new NameReader(data, base, length);
        this.limit = length;
    }

    int position() {
        return position;
    }

    /** Bytes left before the limit. */
    int remaining() {
        return limit - position;
    }

    /** Says which entry the next reads belong to, for error messages. */
    void entry(String sectionName, int number) {
        section = sectionName;
        index = number;
    }

    /** Confines reads to {@code end} (at most the message's end); {@link #clearLimit} lifts it. */
    void limit(int end) {
        limit = end;
    }

    void clearLimit() {
        limit = length;
    }

    /** {@code field} of the current entry, as error messages name it: "answer 3 RDLENGTH". */
    String where(String field) {
        return index == 0 ? field : section + " " + index + " " + field;
    }

    DnsFormatException error(String field, String problem, int at) {
        return new DnsFormatException(where(field) + ": " + problem, at);
    }

    /** @throws DnsFormatException unless {@code n} more bytes lie before the limit */
    void require(int n, String field) throws DnsFormatException {
        if (n > limit - position) {
            throw error(field, "needs " + n + " bytes but " + (limit == length ? "the message ends after "
                    : "RDLENGTH leaves ") + (limit - position), position);
        }
    }

    int u8(String field) throws DnsFormatException {
        require(1, field);
        return Bytes.u8(data, base + position++);
    }

    int u16(String field) throws DnsFormatException {
        require(2, field);
        int v = Bytes.u16(data, base + position);
        position += 2;
        return v;
    }

    long u32(String field) throws DnsFormatException {
        require(4, field);
        long v = Bytes.u32(data, base + position);
        position += 4;
        return v;
    }

    byte[] bytes(int n, String field) throws DnsFormatException {
        require(n, field);
        byte[] b = Arrays.copyOfRange(data, base + position, base + position + n);
        position += n;
        return b;
    }

    /** A possibly compressed name; the cursor moves past its labels and first pointer. */
    DnsName name(String field) throws DnsFormatException {
        DnsName name = names.read(position, limit, this, field);
        position = names.end();
        return name;
    }
}
