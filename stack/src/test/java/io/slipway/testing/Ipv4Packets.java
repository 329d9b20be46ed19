package io.slipway.testing;

import io.slipway.base.Bytes;
import io.slipway.base.InternetChecksum;
import io.slipway.ip.Ipv4Address;

/**
 * Builds IPv4 and ICMP packets byte by byte for tests, independently of the stack's own header
 * classes, so a test does not check the stack's writer with the stack's writer.
 */
public final class Ipv4Packets {
    private Ipv4Packets() {
    }

    /** An IPv4 datagram with a 20-byte header, checksum filled in. */
    public static byte[] ipv4(String source, String destination, int protocol, int ttl, int id, int flagsAndOffset,
            byte[] payload) {
        byte[] p = new byte[20 + payload.length];
        p[0] = 0x45;
        Bytes.put16(p, 2, p.length);
        Bytes.put16(p, 4, id);
        Bytes.put16(p, 6, flagsAndOffset);
        p[8] = (byte) ttl;
        p[9] = (byte) protocol;
        Bytes.put32(p, 12, Ipv4Address.parse(source));
        Bytes.put32(p, 16, Ipv4Address.parse(destination));
        Bytes.put16(p, 10, InternetChecksum.of(p, 0, 20));
        System.arraycopy(payload, 0, p, 20, payload.length);
        return p;
    }

    /** An ICMP message with its checksum. */
    public static byte[] icmp(int type, int code, int restOfHeader, byte[] data) {
        byte[] m = new byte[8 + data.length];
        m[0] = (byte) type;
        m[1] = (byte) code;
        Bytes.put32(m, 4, restOfHeader);
        System.arraycopy(data, 0, m, 8, data.length);
        Bytes.put16(m, 2, InternetChecksum.of(m, 0, m.length));
        return m;
    }

    /** An echo request from {@code source} to {@code destination} with {@code n} pattern bytes. */
    public static byte[] echoRequest(String source, String destination, int id, int seq, int n) {
        return ipv4(source, destination, 1, 64, 0x1000 + seq, 0, icmp(8, 0, (id << 16) | seq, pattern(n)));
    }

    /**
     * A UDP datagram in an IPv4 packet, with the UDP checksum over the RFC 768 pseudo-header
     * computed here (a computed 0 sent as 0xFFFF), or left 0 when {@code checksum} is false.
     */
    public static byte[] udp(String source, String destination, int sourcePort, int destinationPort, byte[] data,
            boolean checksum) {
        byte[] u = new byte[8 + data.length];
        Bytes.put16(u, 0, sourcePort);
        Bytes.put16(u, 2, destinationPort);
        Bytes.put16(u, 4, u.length);
        System.arraycopy(data, 0, u, 8, data.length);
        if (checksum) {
            long sum = InternetChecksum.add32(0, Ipv4Address.parse(source));
            sum = InternetChecksum.add32(sum, Ipv4Address.parse(destination));
            sum = InternetChecksum.add16(sum, 17);
            sum = InternetChecksum.add16(sum, u.length);
            int c = InternetChecksum.finish(InternetChecksum.add(sum, u, 0, u.length));
            Bytes.put16(u, 6, c == 0 ? 0xFFFF : c);
        }
        return ipv4(source, destination, 17, 64, 0x2000, 0, u);
    }

    /** The UDP checksum of the datagram in IPv4 packet {@code p} verifies (0) or is absent. */
    public static boolean udpChecksumOk(byte[] p) {
        int ihl = (p[0] & 0x0F) * 4;
        int length = Bytes.u16(p, ihl + 4);
        if (Bytes.u16(p, ihl + 6) == 0) {
            return true;
        }
        long sum = InternetChecksum.add32(0, Bytes.i32(p, 12));
        sum = InternetChecksum.add32(sum, Bytes.i32(p, 16));
        sum = InternetChecksum.add16(sum, 17);
        sum = InternetChecksum.add16(sum, length);
        return InternetChecksum.finish(InternetChecksum.add(sum, p, ihl, length)) == 0;
    }

    public static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    public static int u8(byte[] p, int off) {
        return p[off] & 0xFF;
    }

    public static int u16(byte[] p, int off) {
        return Bytes.u16(p, off);
    }

    public static String address(byte[] p, int off) {
        return Ipv4Address.format(Bytes.i32(p, off));
    }
}
