package io.slipway.socket.dns;

import io.slipway.hal.mock.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes DNS messages byte by byte for tests, the malformed ones included that the encoder never
 * writes: labels, pointers anywhere, counts that lie. Nothing is checked.
 */
final class WireBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The 12-byte header (RFC 1035 §4.1.1). */
    static WireBytes header(int id, int flags, int qdCount, int anCount, int nsCount, int arCount) {
        return new WireBytes().u16(id).u16(flags).u16(qdCount).u16(anCount).u16(nsCount).u16(arCount);
    }

    /** A query header: ID 0x1234, RD, the given counts. */
    static WireBytes query(int qdCount, int anCount, int nsCount, int arCount) {
        return header(0x1234, DnsHeader.RD, qdCount, anCount, nsCount, arCount);
    }

    WireBytes u8(int v) {
        out.write(v);
        return this;
    }

    WireBytes u16(int v) {
        return u8(v >>> 8).u8(v & 0xFF);
    }

    WireBytes u32(long v) {
        return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
    }

    WireBytes hex(String hex) {
        out.writeBytes(Hex.bytes(hex));
        return this;
    }

    /** One label: its length byte and its text. */
    WireBytes label(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return u8(b.length).raw(b);
    }

    WireBytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** A name written out in full, without compression: {@code www.example.test}. */
    WireBytes name(String dotted) {
        for (String l : dotted.split("\\.")) {
            if (!l.isEmpty()) {
                label(l);
            }
        }
        return root();
    }

    WireBytes root() {
        return u8(0);
    }

    /** A compression pointer to {@code offset}, with the top bits 11. */
    WireBytes pointer(int offset) {
        return u16(0xC000 | offset);
    }

    /** QTYPE and QCLASS IN after a name. */
    WireBytes typeIn(int type) {
        return u16(type).u16(DnsClass.IN);
    }

    /** TYPE, CLASS IN, TTL and RDLENGTH after an owner name. */
    WireBytes fixed(int type, long ttl, int rdLength) {
        return u16(type).u16(DnsClass.IN).u32(ttl).u16(rdLength);
    }

    /** Offset of the next byte. */
    int position() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
