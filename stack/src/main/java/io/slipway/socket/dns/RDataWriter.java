package io.slipway.socket.dns;

import java.nio.charset.StandardCharsets;

/**
 * Writes RDATA (RFC 1035 §3.3). Names in NS, CNAME, PTR, MX and SOA data are compressed, as
 * RFC 1035 allows; RFC 3597 §4 forbids it for any other type, whose data is written as the bytes
 * it came with.
 */
final class RDataWriter {
    private RDataWriter() {
    }

    static void write(WireWriter w, RData data) {
        if (data instanceof RData.A a) {
            w.u32(a.address() & 0xFFFF_FFFFL);
        } else if (data instanceof RData.Ns ns) {
            w.name(ns.host());
        } else if (data instanceof RData.Cname c) {
            w.name(c.target());
        } else if (data instanceof RData.Ptr p) {
            w.name(p.target());
        } else if (data instanceof RData.Mx mx) {
            w.u16(mx.preference());
            w.name(mx.exchange());
        } else if (data instanceof RData.Soa soa) {
            w.name(soa.mname());
            w.name(soa.rname());
            w.u32(soa.serial());
            w.u32(soa.refresh());
            w.u32(soa.retry());
            w.u32(soa.expire());
            w.u32(soa.minimum());
        } else if (data instanceof RData.Txt txt) {
            for (String s : txt.strings()) {
                w.u8(s.length());
                w.bytes(s.getBytes(StandardCharsets.ISO_8859_1));
            }
        } else if (data instanceof RData.Unknown u) {
            w.bytes(u.bytes());
        } else {
            throw new IllegalStateException("RData variant without a writer: " + data.getClass());
        }
    }
}
