package io.slipway.socket.dns;

import io.slipway.base.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads domain names off the wire (RFC 1035 §3.1, §4.1.4), following compression pointers.
 *
 * <p>A length byte's top two bits say what follows: {@code 00} a label of up to 63 bytes (0 is
 * the root, ending the name), {@code 11} a 14-bit pointer to where the rest of the name is.
 * {@code 01} and {@code 10} were extended label types (RFC 2671 §3, RFC 2673), withdrawn by
 * RFC 6891 §5; nothing sends them, and they are rejected.
 *
 * <p>Loops are made impossible rather than detected: a pointer must point to a "prior
 * occurrence" (§4.1.4), so it must point before the start of the run of labels it ends: the
 * name's own start for the first pointer, the previous pointer's target after that. Targets
 * then strictly decrease, which ends every walk; merely pointing before the pointer itself would
 * not, since labels read after a jump may run over the jumping pointer and reach it again. The
 * number of pointers in one name is also capped ({@link #MAX_POINTERS}) and the name must stay
 * within 255 bytes (§2.3.4), so one name costs bounded work.
 *
 * <p>Names already read are remembered by offset, so a name that is only a pointer to one of
 * them, the usual owner name of a record, is the same object and costs no labels. What a message
 * makes the decoder allocate is in proportion to its length: at worst, owners of one label and a
 * pointer to a 127-label name, measured at some 55 bytes for each byte of the message (the
 * labels array a {@code DnsName} holds is its own), 3.6 MB for the largest message.
 */
final class NameReader {
    /** Pointers followed in one name, at most; a legitimate name needs one, and has at most 127 labels. */
    static final int MAX_POINTERS = 128;

    private final byte[] data;
    private final int base;
    private final int length;
    /**
     * Names read so far, by the offset they start at (a name read off the wire depends only on
     * the bytes from there); only offsets a pointer can hold, below 0x4000.
     */
    private final Read[] seen;
    /** Where the last name read ended in the stream: after its root label or its first pointer. */
    private int end;

    /** A name, where it ends in the stream, and the pointers followed to read it. */
    private record Read(DnsName name, int end, int pointers) {
    }

    NameReader(byte[] data, int base, int length) {
        this.data = data;
        this.base = base;
        this.length = length;
        this.seen = new Read[Math.min(length, WireWriter.MAX_POINTER_OFFSET + 1)];
    }

    /**
     * The name at {@code start}, whose labels up to its first pointer must lie before {@code
     * limit}; {@link #end} then tells where it stopped.
     *
     * @param entry the reader whose entry this name belongs to, to name it in an error
     * @param field the name's field, for error messages ("owner name")
     */
    DnsName read(int start, int limit, WireReader entry, String field) throws DnsFormatException {
        Read r = read(start, limit, 0, entry, field);
        end = r.end;
        return r.name;
    }

    int end() {
        return end;
    }

    private Read read(int start, int limit, int pointersBefore, WireReader entry, String field)
            throws DnsFormatException {
        List<byte[]> labels = List.of();
        int wire = 1;
        int at = start;
        while (true) {
            if (at >= limit) {
                throw entry.error(field, "name runs past the end of the "
                        + (limit == length ? "message" : "RDATA"), at);
            }
            int b = Bytes.u8(data, base + at);
            switch (b & 0xC0) {
                case 0x00 -> {
                    if (b == 0) {
                        return remember(start, labels, DnsName.ROOT, at + 1, 0);
                    }
                    if (b > limit - at - 1) {
                        throw entry.error(field, "label of " + b + " bytes runs past the end of the "
                                + (limit == length ? "message" : "RDATA"), at);
                    }
                    wire += 1 + b;
                    if (wire > DnsName.MAX_WIRE_LENGTH) {
                        throw tooLong(entry, field, start);
                    }
                    if (labels.isEmpty()) {
                        labels = new ArrayList<>(4);
                    }
                    labels.add(Arrays.copyOfRange(data, base + at + 1, base + at + 1 + b));
                    at += 1 + b;
                }
                case 0xC0 -> {
                    if (at + 2 > limit) {
                        throw entry.error(field, "compression pointer cut off", at);
                    }
                    int target = (b & 0x3F) << 8 | Bytes.u8(data, base + at + 1);
                    if (target >= length) {
                        throw entry.error(field, "compression pointer to " + target
                                + ", outside the message of " + length + " bytes", at);
                    }
                    if (target >= start) {
                        throw entry.error(field, "compression pointer to " + target
                                + " does not point before " + start + ", where its labels start"
                                + " (RFC 1035 §4.1.4: a prior occurrence)", at);
                    }
                    int pointers = pointersBefore + 1;
                    if (pointers > MAX_POINTERS) {
                        throw tooManyPointers(entry, field, at);
                    }
                    Read tail = seen[target];
                    if (tail == null) {
                        tail = read(target, length, pointers, entry, field);
                    } else if (pointers + tail.pointers > MAX_POINTERS) {
                        throw tooManyPointers(entry, field, at);
                    }
                    if (wire - 1 + tail.name.wireLength() > DnsName.MAX_WIRE_LENGTH) {
                        throw tooLong(entry, field, start);
                    }
                    return remember(start, labels, tail.name, at + 2, tail.pointers + 1);
                }
                default -> throw entry.error(field, "label type bits "
                        + ((b & 0xC0) == 0x40 ? "01" : "10") + " (length byte 0x" + Integer.toHexString(b)
                        + ") are not a label or a pointer (RFC 6891 §5 withdrew extended labels)", at);
            }
        }
    }

    private Read remember(int start, List<byte[]> labels, DnsName tail, int endAt, int pointers) {
        Read r = new Read(DnsName.prepend(labels, tail), endAt, pointers);
        if (start < seen.length) {
            seen[start] = r;
        }
        return r;
    }

    private static DnsFormatException tooLong(WireReader entry, String field, int start) {
        return entry.error(field, "name longer than " + DnsName.MAX_WIRE_LENGTH + " bytes (RFC 1035 §2.3.4)", start);
    }

    private static DnsFormatException tooManyPointers(WireReader entry, String field, int at) {
        return entry.error(field, "more than " + MAX_POINTERS + " compression pointers in one name", at);
    }
}
