package io.slipway.socket.dns;

import io.slipway.base.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A growing buffer for the encoder that compresses names (RFC 1035 §4.1.4) and can be wound
 * back to a {@link Mark}, so that a record that does not fit is taken out again, along with the
 * names it offered as pointer targets.
 *
 * <p>Compression: every suffix of every name written (owner names, question names, the names
 * in NS, CNAME, PTR, MX and SOA data) is remembered with its offset. A later name equal to one
 * of them, ignoring ASCII case as name comparison does (RFC 4343 §3), is written as a pointer,
 * so it takes the spelling of the first occurrence. A pointer has 14 bits: suffixes past offset
 * 0x3FFF are not remembered and names that would need them are written out in full.
 */
final class WireWriter {
    /** The largest offset a pointer can hold. */
    static final int MAX_POINTER_OFFSET = 0x3FFF;

    private byte[] buf = new byte[512];
    private int position;
    /** Where each remembered suffix starts. */
    private final Map<DnsName, Integer> offsets = new HashMap<>();
    /** The remembered suffixes in the order written, so that {@link #reset} can forget the latest. */
    private final List<DnsName> remembered = new ArrayList<>();

    /** A point to wind back to: the length written and the suffixes remembered then. */
    record Mark(int position, int names) {
    }

    int position() {
        return position;
    }

    Mark mark() {
        return new Mark(position, remembered.size());
    }

    /** Forgets everything written after {@code m}. */
    void reset(Mark m) {
        position = m.position();
        while (remembered.size() > m.names()) {
            offsets.remove(remembered.remove(remembered.size() - 1));
        }
    }

    void skip(int n) {
        ensure(n);
        position += n;
    }

    void u16(int v) {
        ensure(2);
        Bytes.put16(buf, position, v);
        position += 2;
    }

    void u32(long v) {
        ensure(4);
        Bytes.put32(buf, position, (int) v);
        position += 4;
    }

    void u8(int v) {
        ensure(1);
        buf[position++] = (byte) v;
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, position, b.length);
        position += b.length;
    }

    /** Writes a 16-bit value at an earlier offset (a count, an RDLENGTH). */
    void put16(int at, int v) {
        Bytes.put16(buf, at, v);
    }

    /** {@code name}, ending in a pointer to the longest suffix already written, if any. */
    void name(DnsName name) {
        int n = name.labelCount();
        for (int i = 0; i < n; i++) {
            DnsName suffix = name.suffix(n - i);
            Integer at = offsets.get(suffix);
            if (at != null) {
                u16(0xC000 | at);
                return;
            }
            if (position <= MAX_POINTER_OFFSET) {
                offsets.put(suffix, position);
                remembered.add(suffix);
            }
            byte[] label = name.labelBytes(i);
            u8(label.length);
            bytes(label);
        }
        u8(0);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, position);
    }

    private void ensure(int n) {
        if (position + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, position + n));
        }
    }
}
