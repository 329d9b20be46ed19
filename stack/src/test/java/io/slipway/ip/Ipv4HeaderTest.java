package io.slipway.ip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.mock.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The IPv4 header on the wire (RFC 791 §3.1) and what a receiver checks (RFC 1122 §3.2.1). */
class Ipv4HeaderTest {
    /**
     * An echo request's header as Linux 6.18 sent it ({@code ping -c 1 127.0.0.1}, tcpdump -x):
     * 84 bytes, identification 0x1d44, Don't Fragment, TTL 64, ICMP, checksum 0x1f63.
     */
    private static final String LINUX_PING = "4500 0054 1d44 4000 4001 1f63 7f00 0001 7f00 0001";
    private static final int LOCALHOST = Ipv4Address.parse("127.0.0.1");

    private final Ipv4Header header = new Ipv4Header();

    @Test
    void shouldReadEveryFieldOfARealHeader() {
        byte[] b = packet(LINUX_PING, 64);
        header.wrap(b, 0, b.length);

        assertNull(header.check());
        assertEquals(4, header.version());
        assertEquals(20, header.headerLength());
        assertEquals(0, header.typeOfService());
        assertEquals(84, header.totalLength());
        assertEquals(64, header.payloadLength());
        assertEquals(0x1d44, header.identification());
        assertTrue(header.dontFragment());
        assertFalse(header.moreFragments());
        assertEquals(0, header.fragmentOffset());
        assertFalse(header.isFragment());
        assertEquals(64, header.ttl());
        assertEquals(IpProtocol.ICMP, header.protocol());
        assertEquals(0x1f63, header.checksum());
        assertEquals(LOCALHOST, header.source());
        assertEquals(LOCALHOST, header.destination());
    }

    @Test
    void shouldWriteTheSameBytesAsLinux() {
        byte[] b = new byte[20];
        header.wrap(b, 0, b.length).write(0, 84, 0x1d44, Ipv4Header.FLAG_DONT_FRAGMENT, 64, IpProtocol.ICMP,
                LOCALHOST, LOCALHOST);

        assertArrayEquals(Hex.bytes(LINUX_PING), b, Hex.of(b));
    }

    @Test
    void shouldWriteAtAnOffsetAndLeaveTheBytesAroundAlone() {
        byte[] b = new byte[30];
        Arrays.fill(b, (byte) 0xEE);
        header.wrap(b, 5, 25).write(0, 84, 0x1d44, Ipv4Header.FLAG_DONT_FRAGMENT, 64, IpProtocol.ICMP,
                LOCALHOST, LOCALHOST);

        assertArrayEquals(Hex.bytes(LINUX_PING), Arrays.copyOfRange(b, 5, 25));
        assertEquals((byte) 0xEE, b[4]);
        assertEquals((byte) 0xEE, b[25]);
    }

    @Test
    void shouldComputeTheChecksumOfTheTextbookExample() {
        // The worked example of the header checksum (a UDP datagram, 192.168.0.1 → .199): 0xb861.
        byte[] b = Hex.bytes("4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7");
        header.wrap(b, 0, b.length).updateChecksum();

        assertEquals(0xb861, header.checksum());
    }

    @Test
    void shouldAcceptLinkPaddingAfterTheTotalLength() {
        byte[] b = packet(LINUX_PING, 64 + 6);

        assertNull(header.wrap(b, 0, b.length).check());
    }

    // ---------------------------------------------------------------- check() failures

    @Test
    void shouldRejectATruncatedHeader() {
        byte[] b = packet(LINUX_PING, 64);

        assertEquals(IpEvent.DROP_TRUNCATED, header.wrap(b, 0, 19).check());
        assertEquals(IpEvent.DROP_TRUNCATED, header.wrap(b, 0, 0).check());
    }

    @Test
    void shouldRejectAnotherVersion() {
        byte[] b = packet(LINUX_PING, 64);
        b[0] = 0x65;

        assertEquals(IpEvent.DROP_BAD_VERSION, header.wrap(b, 0, b.length).check());
    }

    @Test
    void shouldRejectAHeaderLengthBelowFiveWords() {
        byte[] b = packet(LINUX_PING, 64);
        b[0] = 0x44;

        assertEquals(IpEvent.DROP_BAD_HEADER_LENGTH, header.wrap(b, 0, b.length).check());
    }

    @Test
    void shouldRejectAHeaderLengthBeyondTheData() {
        byte[] b = packet(LINUX_PING, 0); // 20 bytes, IHL 15 says 60
        b[0] = 0x4F;

        assertEquals(IpEvent.DROP_BAD_HEADER_LENGTH, header.wrap(b, 0, b.length).check());
    }

    @Test
    void shouldRejectATotalLengthShorterThanTheHeader() {
        byte[] b = packet(LINUX_PING, 64);
        b[2] = 0;
        b[3] = 19;
        header.wrap(b, 0, b.length).updateChecksum();

        assertEquals(IpEvent.DROP_BAD_TOTAL_LENGTH, header.check());
    }

    @Test
    void shouldRejectATotalLengthBeyondTheData() {
        byte[] b = packet(LINUX_PING, 64);

        assertEquals(IpEvent.DROP_BAD_TOTAL_LENGTH, header.wrap(b, 0, 83).check());
    }

    @Test
    void shouldRejectABadChecksum() {
        byte[] b = packet(LINUX_PING, 64);
        b[11] ^= 1;

        assertEquals(IpEvent.DROP_BAD_CHECKSUM, header.wrap(b, 0, b.length).check());
    }

    @Test
    void shouldCheckTheChecksumOverTheOptions() {
        byte[] b = Packets.packet(1, 0, 64, IpProtocol.UDP, LOCALHOST, LOCALHOST, Packets.OPTIONS, new byte[8], 0, 8);
        assertNull(header.wrap(b, 0, b.length).check());
        b[25] ^= 0x10; // inside the Record Route option

        assertEquals(IpEvent.DROP_BAD_CHECKSUM, header.check());
    }

    // ---------------------------------------------------------------- fragments and options

    @Test
    void shouldReadTheFragmentFields() {
        // The second fragment Linux sent of a 1228-byte echo request: MF, offset 69 units.
        byte[] b = packet("4500 023c a21f 2045 4001 b85a 7f00 0001 7f00 0001", 552);
        header.wrap(b, 0, b.length);

        assertNull(header.check());
        assertTrue(header.moreFragments());
        assertFalse(header.dontFragment());
        assertEquals(552, header.fragmentOffset());
        assertTrue(header.isFragment());
        assertEquals(0x2045, header.flagsAndOffset());
    }

    @Test
    void shouldCallEitherFlagOrAnOffsetAFragment() {
        byte[] b = packet(LINUX_PING, 64);
        header.wrap(b, 0, b.length);

        header.setFlagsAndOffset(Ipv4Header.FLAG_MORE_FRAGMENTS);
        assertTrue(header.isFragment(), "first fragment");
        assertEquals(0, header.fragmentOffset());
        header.setFlagsAndOffset(0x1FFF);
        assertTrue(header.isFragment(), "last fragment");
        assertEquals(65_528, header.fragmentOffset());
        header.setFlagsAndOffset(Ipv4Header.FLAG_DONT_FRAGMENT);
        assertFalse(header.isFragment(), "Don't Fragment alone");
    }

    @Test
    void shouldMeasureAHeaderWithOptions() {
        byte[] b = Packets.packet(7, 0, 64, IpProtocol.UDP, LOCALHOST, LOCALHOST, Packets.OPTIONS, new byte[8], 0, 8);
        header.wrap(b, 0, b.length);

        assertNull(header.check());
        assertEquals(0x48, b[0] & 0xFF);
        assertEquals(32, header.headerLength());
        assertEquals(40, header.totalLength());
        assertEquals(8, header.payloadLength());
    }

    @Test
    void shouldRewriteTheMutableFields() {
        byte[] b = packet(LINUX_PING, 64);
        header.wrap(b, 0, b.length);
        header.setTtl(63);
        header.setTotalLength(44);
        header.setFlagsAndOffset(Ipv4Header.FLAG_MORE_FRAGMENTS | 3);
        header.setHeaderLength(24);
        header.updateChecksum();

        assertEquals(63, header.ttl());
        assertEquals(44, header.totalLength());
        assertEquals(24, header.fragmentOffset());
        assertEquals(24, header.headerLength());
        assertEquals(4, header.version());
        assertTrue(Packets.checksumOk(b, 0));
    }

    /** The header given in hex, followed by {@code payload} zero bytes. */
    private static byte[] packet(String headerHex, int payload) {
        byte[] h = Hex.bytes(headerHex);
        return Arrays.copyOf(h, h.length + payload);
    }
}
