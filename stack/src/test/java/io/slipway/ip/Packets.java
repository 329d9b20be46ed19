package io.slipway.ip;

import io.slipway.base.InternetChecksum;
import io.slipway.base.PacketBuffer;
import io.slipway.hal.mock.Hex;
import java.util.Arrays;

/** Builds IPv4 packets and fragments as bytes for the IP tests. */
final class Packets {
    static final int FLAG_DF = Ipv4Header.FLAG_DONT_FRAGMENT;
    static final int FLAG_MF = Ipv4Header.FLAG_MORE_FRAGMENTS;
    /** No options. */
    static final byte[] NO_OPTIONS = {};
    /**
     * Router Alert (RFC 2113: type 148, copied flag set) then a NOP and an empty Record Route
     * (RFC 791: type 7, not copied): 12 bytes, so a 32-byte header.
     */
    static final byte[] OPTIONS = {(byte) 0x94, 4, 0, 0, 1, 7, 7, 4, 0, 0, 0, 0};
    /** What later fragments of a datagram with {@link #OPTIONS} carry: the copied Router Alert. */
    static final byte[] COPIED_OPTIONS = {(byte) 0x94, 4, 0, 0};

    /**
     * What Linux 6.18 sent for {@code ping -c 1 -M dont -s 1200 -p a5 127.0.0.1} over a loopback
     * with MTU 576, as tcpdump showed it: a 1228-byte echo request (identification 0xa21f, TTL
     * 64, no Don't Fragment) in three fragments of 552, 552 and 104 data bytes. The 1208-byte
     * ICMP message is an 8-byte echo header, a 16-byte timestamp, then 0xa5 bytes.
     */
    static final String LINUX_ECHO_HEAD = "0800 7c54 275f 0001 0a9d 026b 0000 0000 3434 0400 0000 0000";
    static final String[] LINUX_FRAGMENT_HEADERS = {
        "4500 023c a21f 2000 4001 b89f 7f00 0001 7f00 0001",
        "4500 023c a21f 2045 4001 b85a 7f00 0001 7f00 0001",
        "4500 007c a21f 008a 4001 d9d5 7f00 0001 7f00 0001",
    };
    static final int LINUX_ECHO_LENGTH = 1208;

    private Packets() {
    }

    /** The ICMP echo request of the Linux capture: the payload of its datagram. */
    static byte[] linuxEcho() {
        byte[] head = Hex.bytes(LINUX_ECHO_HEAD);
        byte[] echo = Arrays.copyOf(head, LINUX_ECHO_LENGTH);
        Arrays.fill(echo, head.length, echo.length, (byte) 0xa5);
        return echo;
    }

    /** Fragment {@code i} (0, 1, 2) of the Linux capture, byte for byte. */
    static byte[] linuxFragment(int i) {
        byte[] header = Hex.bytes(LINUX_FRAGMENT_HEADERS[i]);
        int[] starts = {0, 552, 1104};
        int[] ends = {552, 1104, LINUX_ECHO_LENGTH};
        byte[] f = Arrays.copyOf(header, header.length + ends[i] - starts[i]);
        System.arraycopy(linuxEcho(), starts[i], f, header.length, ends[i] - starts[i]);
        return f;
    }

    /**
     * A packet: a header with {@code options} (a multiple of 4 bytes), the checksum right, then
     * {@code data[off, off + len)}.
     */
    static byte[] packet(int identification, int flagsAndOffset, int ttl, int protocol, int source,
            int destination, byte[] options, byte[] data, int off, int len) {
        int headerLength = Ipv4Header.MIN_LENGTH + options.length;
        byte[] p = new byte[headerLength + len];
        Ipv4Header h = new Ipv4Header().wrap(p, 0, p.length);
        h.write(0, p.length, identification, flagsAndOffset, ttl, protocol, source, destination);
        h.setHeaderLength(headerLength);
        System.arraycopy(options, 0, p, Ipv4Header.MIN_LENGTH, options.length);
        System.arraycopy(data, off, p, headerLength, len);
        h.updateChecksum();
        return p;
    }

    /** Bytes that differ from position to position and from seed to seed. */
    static byte[] data(int length, int seed) {
        byte[] d = new byte[length];
        for (int i = 0; i < length; i++) {
            d[i] = (byte) (i * 7 + seed * 31 + (i >>> 8));
        }
        return d;
    }

    /** The same bytes in a buffer of their own, with no headroom, as a driver hands them up. */
    static PacketBuffer buffer(byte[] packet) {
        PacketBuffer b = PacketBuffer.standalone(packet.length, 0);
        b.append(packet, 0, packet.length);
        return b;
    }

    static Ipv4Header header(byte[] packet) {
        return new Ipv4Header().wrap(packet, 0, packet.length);
    }

    /** The header's checksum verifies: summing it, checksum included, gives 0 (RFC 1071). */
    static boolean checksumOk(byte[] packet, int offset) {
        int headerLength = (packet[offset] & 0x0F) * 4;
        return InternetChecksum.of(packet, offset, headerLength) == 0;
    }
}
