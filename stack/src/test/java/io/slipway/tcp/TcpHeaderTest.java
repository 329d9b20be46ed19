package io.slipway.tcp;

import static io.slipway.tcp.LinuxSegments.IP_HEADER;
import static io.slipway.tcp.LinuxSegments.LINUX;
import static io.slipway.tcp.LinuxSegments.PEER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.mock.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The TCP header on the wire (RFC 9293 §3.1) against segments the Linux kernel wrote ({@link LinuxSegments}). */
class TcpHeaderTest {
    private final TcpHeader header = new TcpHeader();
    private final TcpOptions options = new TcpOptions();

    private TcpHeader wrapped(byte[] packet) {
        return header.wrap(packet, IP_HEADER, packet.length - IP_HEADER);
    }

    @Test
    void shouldReadLinuxsSyn() {
        TcpHeader h = wrapped(LinuxSegments.SYN);

        assertNull(h.check(LINUX, PEER));
        assertEquals(40001, h.sourcePort());
        assertEquals(80, h.destinationPort());
        assertEquals(0xa8af40ad, h.sequence());
        assertEquals(0, h.acknowledgment());
        assertEquals(40, h.headerLength());
        assertEquals(TcpHeader.SYN, h.flags());
        assertTrue(h.has(TcpHeader.SYN));
        assertFalse(h.has(TcpHeader.ACK));
        assertEquals(64240, h.window());
        assertEquals(0xc79d, h.checksum());
        assertEquals(0, h.urgentPointer());
        assertEquals(IP_HEADER + 40, h.payloadOffset());
        assertEquals(0, h.payloadLength());
        assertEquals(1, h.segmentLength(), "a SYN occupies one sequence number");

        assertTrue(h.parseOptions(options));
        assertEquals(1460, options.mss());
        assertTrue(options.sackPermitted());
        assertTrue(options.timestamps());
        assertEquals(0xfa3ff077L, options.tsValue());
        assertEquals(0, options.tsEcho());
        assertEquals(10, options.windowScale());
        assertFalse(options.sackPresent());
        assertEquals("mss=1460 ws=10 sackOk ts=4198494327/0", options.toString());
    }

    @Test
    void shouldReadLinuxsAckOfTheHandshake() {
        TcpHeader h = wrapped(LinuxSegments.ACK);

        assertNull(h.check(LINUX, PEER));
        assertEquals(40001, h.sourcePort());
        assertEquals(80, h.destinationPort());
        assertEquals(0xa8af40ae, h.sequence());
        assertEquals(0x12345679, h.acknowledgment());
        assertEquals(32, h.headerLength());
        assertEquals(TcpHeader.ACK, h.flags());
        assertEquals(63, h.window(), "unscaled: 63 << 10 bytes");
        assertEquals(0x8ca6, h.checksum());
        assertEquals(0, h.urgentPointer());
        assertEquals(0, h.payloadLength());
        assertEquals(0, h.segmentLength());

        assertTrue(h.parseOptions(options));
        assertEquals("ts=4198494327/195948557", options.toString(), "NOP, NOP, timestamps echoing our 0x0badf00d");
        assertEquals(0x0badf00dL, options.tsEcho());
    }

    @Test
    void shouldReadLinuxsDataSegment() {
        TcpHeader h = wrapped(LinuxSegments.DATA);

        assertNull(h.check(LINUX, PEER));
        assertEquals(40001, h.sourcePort());
        assertEquals(80, h.destinationPort());
        assertEquals(0xa8af40ae, h.sequence());
        assertEquals(0x12345679, h.acknowledgment());
        assertEquals(32, h.headerLength());
        assertEquals(TcpHeader.PSH | TcpHeader.ACK, h.flags());
        assertTrue(h.has(TcpHeader.PSH | TcpHeader.ACK));
        assertFalse(h.has(TcpHeader.PSH | TcpHeader.FIN), "has() wants every bit asked for");
        assertEquals(63, h.window());
        assertEquals(0xadec, h.checksum());
        assertEquals(0, h.urgentPointer());
        assertEquals(IP_HEADER + 32, h.payloadOffset());
        assertEquals(18, h.payloadLength());
        assertEquals(18, h.segmentLength());
        assertEquals("GET / HTTP/1.0\r\n\r\n",
                new String(LinuxSegments.DATA, h.payloadOffset(), h.payloadLength(), StandardCharsets.US_ASCII));

        assertTrue(h.parseOptions(options));
        assertEquals("ts=4198494327/195948557", options.toString());
    }

    @Test
    void shouldReadLinuxsFin() {
        TcpHeader h = wrapped(LinuxSegments.FIN);

        assertNull(h.check(LINUX, PEER));
        assertEquals(40001, h.sourcePort());
        assertEquals(80, h.destinationPort());
        assertEquals(0xa8af40c0, h.sequence(), "the ISN + 1 + 18 bytes of data");
        assertEquals(0x12345679, h.acknowledgment());
        assertEquals(32, h.headerLength());
        assertEquals(TcpHeader.FIN | TcpHeader.ACK, h.flags());
        assertEquals(63, h.window());
        assertEquals(0x8c5f, h.checksum());
        assertEquals(0, h.payloadLength());
        assertEquals(1, h.segmentLength(), "a FIN occupies one sequence number");

        assertTrue(h.parseOptions(options));
        assertEquals(0xfa3ff0aaL, options.tsValue());
        assertEquals(0x0badf00eL, options.tsEcho());
    }

    @Test
    void shouldReadLinuxsLastAck() {
        TcpHeader h = wrapped(LinuxSegments.LAST_ACK);

        assertNull(h.check(LINUX, PEER));
        assertEquals(0xa8af40c1, h.sequence(), "past the FIN");
        assertEquals(0x1234567a, h.acknowledgment(), "our FIN acknowledged");
        assertEquals(TcpHeader.ACK, h.flags());
        assertEquals(0x8c5d, h.checksum());
        assertEquals(0, h.segmentLength());
        assertTrue(h.parseOptions(options));
        assertEquals(0x0badf00fL, options.tsEcho());
    }

    @Test
    void shouldReadLinuxsResetForAClosedPort() {
        TcpHeader h = wrapped(LinuxSegments.RST);

        assertNull(h.check(LINUX, PEER));
        assertEquals(81, h.sourcePort());
        assertEquals(50000, h.destinationPort());
        assertEquals(0, h.sequence());
        assertEquals(0, h.acknowledgment(), "0xffffffff + 1, modulo 2^32 (RFC 9293 §3.10.7.1)");
        assertEquals(20, h.headerLength());
        assertEquals(TcpHeader.RST | TcpHeader.ACK, h.flags());
        assertEquals(0, h.window());
        assertEquals(0xd766, h.checksum());
        assertEquals(0, h.urgentPointer());
        assertEquals(0, h.payloadLength());
        assertEquals(0, h.segmentLength());

        options.setMss(536);
        assertTrue(h.parseOptions(options));
        assertEquals("none", options.toString(), "reset before parsing");
    }

    @Test
    void shouldWriteLinuxsSyn() {
        TcpOptions syn = new TcpOptions().setMss(1460).setSackPermitted(true).setTimestamps(0xfa3ff077L, 0)
                .setWindowScale(10);
        assertWritesLinuxsBytes(LinuxSegments.SYN, 40001, 80, 0xa8af40ad, 0, TcpHeader.SYN, 64240, syn);
    }

    @Test
    void shouldWriteLinuxsAck() {
        TcpOptions ts = new TcpOptions().setTimestamps(0xfa3ff077L, 0x0badf00dL);
        assertWritesLinuxsBytes(LinuxSegments.ACK, 40001, 80, 0xa8af40ae, 0x12345679, TcpHeader.ACK, 63, ts);
    }

    @Test
    void shouldWriteLinuxsDataSegment() {
        TcpOptions ts = new TcpOptions().setTimestamps(0xfa3ff077L, 0x0badf00dL);
        assertWritesLinuxsBytes(LinuxSegments.DATA, 40001, 80, 0xa8af40ae, 0x12345679,
                TcpHeader.PSH | TcpHeader.ACK, 63, ts);
    }

    @Test
    void shouldWriteLinuxsFinAndLastAck() {
        assertWritesLinuxsBytes(LinuxSegments.FIN, 40001, 80, 0xa8af40c0, 0x12345679, TcpHeader.FIN | TcpHeader.ACK,
                63, new TcpOptions().setTimestamps(0xfa3ff0aaL, 0x0badf00eL));
        assertWritesLinuxsBytes(LinuxSegments.LAST_ACK, 40001, 80, 0xa8af40c1, 0x1234567a, TcpHeader.ACK,
                63, new TcpOptions().setTimestamps(0xfa3ff0aaL, 0x0badf00fL));
    }

    @Test
    void shouldWriteLinuxsResetWithNullOrEmptyOptions() {
        assertWritesLinuxsBytes(LinuxSegments.RST, 81, 50000, 0, 0, TcpHeader.RST | TcpHeader.ACK, 0, null);
        assertWritesLinuxsBytes(LinuxSegments.RST, 81, 50000, 0, 0, TcpHeader.RST | TcpHeader.ACK, 0,
                new TcpOptions());
    }

    /**
     * Writes the header into a buffer of 0xEE, the data after it, and the checksum: the TCP
     * segment Linux wrote, byte for byte, and nothing written outside it.
     */
    private void assertWritesLinuxsBytes(byte[] linux, int sourcePort, int destinationPort, int sequence,
            int acknowledgment, int flags, int window, TcpOptions with) {
        byte[] expected = LinuxSegments.tcp(linux);
        int at = 7;
        byte[] b = new byte[at + expected.length + 5];
        Arrays.fill(b, (byte) 0xEE);
        TcpHeader h = header.wrap(b, at, expected.length);

        int headerLength = h.write(sourcePort, destinationPort, sequence, acknowledgment, flags, window, with);
        int payload = expected.length - headerLength;
        System.arraycopy(expected, headerLength, b, at + headerLength, payload);
        h.updateChecksum(LINUX, PEER, expected.length);

        assertEquals(wrapped(linux).headerLength(), headerLength);
        assertArrayEquals(expected, Arrays.copyOfRange(b, at, at + expected.length), Hex.of(b));
        assertEquals((byte) 0xEE, b[at - 1]);
        assertEquals((byte) 0xEE, b[at + expected.length]);
        assertNull(header.wrap(b, at, expected.length).check(LINUX, PEER));
    }

    @Test
    void shouldCoverTheAddressesInThePseudoHeader() {
        assertEquals(TcpEvent.DROP_BAD_CHECKSUM, wrapped(LinuxSegments.DATA).check(LINUX, LINUX));
    }

    @Test
    void shouldCountSynAndFinTogetherInTheSegmentLength() {
        byte[] b = new byte[20 + 3];
        header.wrap(b, 0, b.length).write(1, 2, 0, 0, TcpHeader.SYN | TcpHeader.FIN, 0, null);
        assertEquals(3, header.payloadLength());
        assertEquals(5, header.segmentLength(), "RFC 9293 §3.4: SEG.LEN counts SYN and FIN");
    }

    @Test
    void shouldIgnoreTheReservedBitsWhenReadingFlagsAndZeroThemWhenWriting() {
        byte[] b = LinuxSegments.tcp(LinuxSegments.ACK);
        b[12] |= 0x0F; // RFC 9293 §3.1: reserved, ignored when received
        header.wrap(b, 0, b.length);
        assertEquals(32, header.headerLength());
        assertEquals(TcpHeader.ACK, header.flags());

        header.write(1, 2, 3, 4, TcpHeader.ACK, 5, new TcpOptions().setTimestamps(6, 7));
        assertEquals(0x80, b[12] & 0xFF, "data offset 8 words, reserved bits zero");
    }

    @Test
    void shouldWriteEveryFlagBit() {
        byte[] b = new byte[20];
        header.wrap(b, 0, b.length).write(1, 2, 3, 4, 0xFF, 5, null);
        for (int flag : new int[] {TcpHeader.FIN, TcpHeader.SYN, TcpHeader.RST, TcpHeader.PSH, TcpHeader.ACK,
            TcpHeader.URG, TcpHeader.ECE, TcpHeader.CWR}) {
            assertTrue(header.has(flag), "flag " + flag);
        }
        assertEquals(0xFF, header.flags());
    }
}
