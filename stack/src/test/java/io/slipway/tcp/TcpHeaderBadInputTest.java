package io.slipway.tcp;

import static io.slipway.tcp.LinuxSegments.LINUX;
import static io.slipway.tcp.LinuxSegments.PEER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.mock.Hex;
import org.junit.jupiter.api.Test;

/**
 * What a receiver refuses in a TCP header, one rule a test: the fixed header and checksum
 * (RFC 9293 §3.1, {@link TcpHeader#check}) and the options' syntax (RFC 9293 §3.2,
 * {@link TcpHeader#parseOptions}). Segments with options are written here with a right
 * checksum, so that only the rule under test fails.
 */
class TcpHeaderBadInputTest {
    private final TcpHeader header = new TcpHeader();
    private final TcpOptions options = new TcpOptions();

    /** An ACK from Linux to the peer carrying {@code optionHex} (a multiple of 4 bytes) and a right checksum. */
    private TcpHeader withOptions(String optionHex) {
        byte[] o = Hex.bytes(optionHex);
        byte[] b = new byte[TcpHeader.MIN_LENGTH + o.length];
        header.wrap(b, 0, b.length).write(40001, 80, 1000, 2000, TcpHeader.ACK, 512, null);
        System.arraycopy(o, 0, b, TcpHeader.MIN_LENGTH, o.length);
        b[12] = (byte) ((b.length / 4) << 4);
        header.updateChecksum(LINUX, PEER, b.length);
        assertNull(header.check(LINUX, PEER), "the fixed header is fine");
        return header;
    }

    private static void setDataOffsetKeepingTheChecksumRight(byte[] segment, int words) {
        segment[12] = (byte) (words << 4);
        new TcpHeader().wrap(segment, 0, segment.length).updateChecksum(LINUX, PEER, segment.length);
    }

    @Test
    void shouldRefuseFewerBytesThanAHeader() {
        byte[] b = LinuxSegments.tcp(LinuxSegments.RST);
        header.wrap(b, 0, 19);
        assertEquals(TcpEvent.DROP_TRUNCATED, header.check(LINUX, PEER));
        assertFalse(header.parseOptions(options));
        assertEquals(TcpEvent.DROP_TRUNCATED, header.wrap(new byte[0], 0, 0).check(LINUX, PEER));
    }

    @Test
    void shouldRefuseADataOffsetBelowFiveWords() {
        byte[] b = LinuxSegments.tcp(LinuxSegments.RST);
        setDataOffsetKeepingTheChecksumRight(b, 4);
        header.wrap(b, 0, b.length);
        assertEquals(TcpEvent.DROP_BAD_HEADER_LENGTH, header.check(LINUX, PEER));
        assertFalse(header.parseOptions(options));
        setDataOffsetKeepingTheChecksumRight(b, 0);
        assertEquals(TcpEvent.DROP_BAD_HEADER_LENGTH, header.check(LINUX, PEER));
    }

    @Test
    void shouldRefuseADataOffsetBeyondTheSegment() {
        byte[] b = LinuxSegments.tcp(LinuxSegments.RST);
        setDataOffsetKeepingTheChecksumRight(b, 6); // 24 bytes of header in a 20-byte segment
        header.wrap(b, 0, b.length);
        assertEquals(TcpEvent.DROP_BAD_HEADER_LENGTH, header.check(LINUX, PEER));
        assertFalse(header.parseOptions(options));

        byte[] syn = LinuxSegments.tcp(LinuxSegments.SYN);
        setDataOffsetKeepingTheChecksumRight(syn, 15);
        assertEquals(TcpEvent.DROP_BAD_HEADER_LENGTH, header.wrap(syn, 0, syn.length).check(LINUX, PEER),
                "60 bytes of header in a 40-byte segment");
    }

    @Test
    void shouldRefuseABadChecksum() {
        byte[] b = LinuxSegments.tcp(LinuxSegments.DATA);
        b[b.length - 1] ^= 0x01; // one bit of the data
        assertEquals(TcpEvent.DROP_BAD_CHECKSUM, header.wrap(b, 0, b.length).check(LINUX, PEER));
    }

    @Test
    void shouldNotTakeAZeroChecksumAsNone() {
        // Unlike UDP (RFC 768), TCP has no "no checksum" value (RFC 9293 §3.1).
        byte[] b = LinuxSegments.tcp(LinuxSegments.ACK);
        b[16] = 0;
        b[17] = 0;
        assertEquals(TcpEvent.DROP_BAD_CHECKSUM, header.wrap(b, 0, b.length).check(LINUX, PEER));
    }

    @Test
    void shouldRefuseAnOptionLengthOfZero() {
        // RFC 9293 §3.2 (MUST-7): "e.g., zero"; a parser that trusted it would never move on.
        assertFalse(withOptions("fd 00 00 00").parseOptions(options));
    }

    @Test
    void shouldRefuseAnOptionLengthOfOne() {
        // The length counts the kind and length bytes themselves (RFC 9293 §3.2): at least 2.
        assertFalse(withOptions("fd 01 00 00").parseOptions(options));
    }

    @Test
    void shouldRefuseAnOptionRunningPastTheHeader() {
        assertFalse(withOptions("01 01 fd 05").parseOptions(options), "5 bytes from the 23rd of 24");
        assertFalse(withOptions("02 04 05 b4 01 01 01 fd").parseOptions(options), "no room for the length byte");
        assertFalse(withOptions("08 0a 00 00 00 01 00 00").parseOptions(options), "timestamps cut short");
    }

    @Test
    void shouldRefuseAnMssWithLengthThree() {
        assertFalse(withOptions("02 03 05 00").parseOptions(options));
    }

    @Test
    void shouldRefuseTheOtherKnownKindsWithTheWrongLength() {
        assertFalse(withOptions("03 04 07 00").parseOptions(options), "window scale, 4");
        assertFalse(withOptions("04 03 00 00").parseOptions(options), "SACK-permitted, 3");
        assertFalse(withOptions("08 08 00 00 00 01 00 00").parseOptions(options), "timestamps, 8");
        assertFalse(withOptions("05 02 00 00").parseOptions(options), "SACK with no block");
        assertFalse(withOptions("05 09 00 00 00 01 00 00 00 02 00 00").parseOptions(options), "SACK, 9");
    }

    @Test
    void shouldLeaveTheOptionsResetWhenTheyAreMalformed() {
        assertFalse(withOptions("02 04 05 b4 fd 00 00 00").parseOptions(options));
        assertEquals("none", options.toString(), "the MSS before the bad option is not kept");
    }

    @Test
    void shouldReadAWindowScaleOfFifteenAsFourteen() {
        // RFC 7323 §2.3: "MUST use 14 instead of the specified value".
        assertTrue(withOptions("01 03 03 0f").parseOptions(options));
        assertEquals(14, options.windowScale());
        assertTrue(withOptions("01 03 03 ff").parseOptions(options));
        assertEquals(14, options.windowScale());
        assertTrue(withOptions("01 03 03 00").parseOptions(options));
        assertEquals(0, options.windowScale(), "a shift of 0 is present, not absent");
    }

    @Test
    void shouldStopAtEndOfOptionList() {
        // After EOL comes padding (RFC 9293 §3.2): the window scale and the bad length are never read.
        assertTrue(withOptions("02 04 05 b4 00 01 03 03 07 fd 00 00").parseOptions(options));
        assertEquals(1460, options.mss());
        assertEquals(-1, options.windowScale());
        assertTrue(withOptions("00 02 03 05").parseOptions(options));
        assertEquals("none", options.toString());
    }

    @Test
    void shouldSkipAnUnknownOptionByItsLength() {
        // RFC 9293 §3.2 (MUST-6): ignored without error; 253 is an RFC 4727 experiment.
        assertTrue(withOptions("fd 06 de ad be ef 02 04 05 b4 00 00").parseOptions(options));
        assertEquals(1460, options.mss());
    }

    @Test
    void shouldAcceptAnMssInASegmentWithoutSyn() {
        // RFC 9293 §3.2 (MUST-4): options in any segment; §3.7.1: the MSS only matters on a SYN.
        TcpHeader h = withOptions("02 04 02 18");
        assertFalse(h.has(TcpHeader.SYN));
        assertTrue(h.parseOptions(options));
        assertEquals(536, options.mss());
    }

    @Test
    void shouldRecordASackWithItsBlocks() {
        // RFC 2018 §3: 8 × n + 2 bytes; two blocks here, after Linux's NOP NOP.
        assertTrue(withOptions("01 01 05 12 00 00 00 0a 00 00 00 14 00 00 00 1e 00 00 00 28").parseOptions(options));
        assertTrue(options.sackPresent());
        assertEquals(2, options.sackBlockCount());
        assertEquals(30, options.sackLeft(1));
        assertEquals(40, options.sackRight(1));
        assertEquals("sack sack=10-20 sack=30-40", options.toString());
    }

    @Test
    void shouldAcceptAHeaderOfSixtyBytesOfNops() {
        TcpHeader h = withOptions("01".repeat(TcpOptions.MAX_LENGTH));
        assertEquals(TcpHeader.MAX_LENGTH, h.headerLength());
        assertTrue(h.parseOptions(options));
        assertEquals("none", options.toString());
    }
}
