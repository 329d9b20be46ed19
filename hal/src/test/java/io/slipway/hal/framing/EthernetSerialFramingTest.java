package io.slipway.hal.framing;

import static io.slipway.hal.framing.SlipFramingTest.concat;
import static io.slipway.hal.framing.SlipFramingTest.encode;
import static io.slipway.hal.framing.SlipFramingTest.randomFrame;
import static io.slipway.hal.mock.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.DropReason;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Ethernet II over a serial line: the frame, then its IEEE 802.3 CRC-32 FCS least significant byte
 * first (IEEE 802.3 clause 3.2.9), the whole SLIP-stuffed (RFC 1055) between END bytes. The FCS
 * values below were computed independently (zlib's crc32), not with java.util.zip.CRC32.
 */
class EthernetSerialFramingTest {
    private static final int MAX = 1514; // 1500-byte MTU plus the 14-byte Ethernet II header

    /** Broadcast, from 02:00:00:00:00:01, EtherType IPv4, then one payload byte 0xdb. */
    private static final byte[] FRAME_WITH_ESC = bytes("ff ff ff ff ff ff 02 00 00 00 00 01 08 00 db");
    /** Same header, payload byte 0xa8: its FCS c0 8e d7 44 starts with END. */
    private static final byte[] FRAME_WITH_END_IN_FCS = bytes("ff ff ff ff ff ff 02 00 00 00 00 01 08 00 a8");

    private final FrameEncoder encoder = Framing.ETHERNET.newEncoder();
    private final LinkCounters counters = new LinkCounters();
    private final FrameRecorder sink = new FrameRecorder();
    private final FrameDecoder decoder = Framing.ETHERNET.newDecoder(MAX, sink, counters);

    @Test
    void shouldNameTheFramingAndItsMedium() {
        assertEquals("ethernet", Framing.ETHERNET.name());
        assertEquals(Medium.ETHERNET, Framing.ETHERNET.medium());
    }

    @Test
    void shouldAppendTheCrc32CheckValueLittleEndian() {
        // CRC-32 of "123456789" is 0xcbf43926, the standard check value; it goes out 26 39 f4 cb.
        byte[] frame = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertArrayEquals(bytes("c0 31 32 33 34 35 36 37 38 39 26 39 f4 cb c0"), encode(encoder, frame));
    }

    @Test
    void shouldStuffEscInTheFrameAndInTheFcs() {
        // FCS 46 ae db 8d: its ESC is stuffed like any frame byte (the FCS is appended before stuffing).
        assertArrayEquals(
                bytes("c0 ff ff ff ff ff ff 02 00 00 00 00 01 08 00 db dd 46 ae db dd 8d c0"),
                encode(encoder, FRAME_WITH_ESC));
    }

    @Test
    void shouldStuffEndInTheFcs() {
        assertArrayEquals(
                bytes("c0 ff ff ff ff ff ff 02 00 00 00 00 01 08 00 a8 db dc 8e d7 44 c0"),
                encode(encoder, FRAME_WITH_END_IN_FCS));
    }

    @Test
    void shouldDecodeFixedWireBytesAndStripTheFcs() {
        byte[] wire = bytes("c0 ff ff ff ff ff ff 02 00 00 00 00 01 08 00 a8 db dc 8e d7 44 c0");
        decoder.accept(wire, 0, wire.length);
        assertEquals(1, sink.count());
        assertArrayEquals(FRAME_WITH_END_IN_FCS, sink.frame(0));
        assertEquals(0, counters.totalDrops());
    }

    @Test
    void shouldRoundTripRandomFramesAndAgreeOnWireLength() {
        SplittableRandom random = new SplittableRandom(8023);
        for (int round = 0; round < 2000; round++) {
            byte[] frame = randomFrame(random, 14 + random.nextInt(MAX - 14 + 1));
            byte[] wire = encode(encoder, frame);
            assertEquals(wire.length, encoder.wireLength(frame, 0, frame.length), "wireLength");
            assertTrue(wire.length <= encoder.maxWireLength(frame.length), "maxWireLength");
            decoder.accept(wire, 0, wire.length);
            assertEquals(round + 1, sink.count());
            assertArrayEquals(frame, sink.last(), "round " + round);
        }
        assertEquals(0, counters.totalDrops());
    }

    @Test
    void shouldKeepWithinMaxWireLengthForAllEndAndAllEscFrames() {
        for (byte special : new byte[] {Slip.END, Slip.ESC}) {
            for (int len : new int[] {14, 100, MAX}) {
                byte[] frame = new byte[len];
                Arrays.fill(frame, special);
                byte[] wire = encode(encoder, frame);
                assertTrue(wire.length <= encoder.maxWireLength(len));
                // The frame doubles; only the FCS may have ordinary bytes.
                assertTrue(wire.length >= 2 * len + 4 + 2);
                assertEquals(wire.length, encoder.wireLength(frame, 0, len));
                decoder.accept(wire, 0, wire.length);
                assertArrayEquals(frame, sink.last());
            }
        }
        // An FCS made only of END and ESC reaches the bound exactly: check the bound's arithmetic.
        assertEquals(2 * (MAX + 4) + 2, encoder.maxWireLength(MAX));
        assertEquals(0, counters.totalDrops());
    }

    @Test
    void shouldIgnoreEmptyFramesAndDeliverBackToBackFrames() {
        byte[] line = concat(bytes("c0 c0"), encode(encoder, FRAME_WITH_ESC), encode(encoder, FRAME_WITH_END_IN_FCS));
        decoder.accept(line, 0, line.length);
        assertEquals(2, sink.count());
        assertArrayEquals(FRAME_WITH_ESC, sink.frame(0));
        assertArrayEquals(FRAME_WITH_END_IN_FCS, sink.frame(1));
        assertEquals(0, counters.totalDrops());
    }

    @Test
    void shouldDecodeAFrameSplitAcrossManyAcceptCallsByteByByte() {
        byte[] frame = randomFrame(new SplittableRandom(11), MAX);
        byte[] wire = encode(encoder, frame);
        for (byte b : wire) {
            assertEquals(0, sink.count(), "frame delivered before its END");
            decoder.accept(b);
        }
        assertEquals(1, sink.count());
        assertArrayEquals(frame, sink.frame(0));
    }

    @Test
    void shouldDeliverAFrameOfJustTheHeader() {
        byte[] frame = Arrays.copyOf(FRAME_WITH_ESC, 14);
        byte[] wire = encode(encoder, frame);
        decoder.accept(wire, 0, wire.length);
        assertArrayEquals(frame, sink.frame(0));
    }

    @Test
    void shouldDropAFrameWithABadFcs() {
        byte[] wire = encode(encoder, FRAME_WITH_ESC);
        wire[3] ^= 0x01; // a bit error in the source address
        decoder.accept(wire, 0, wire.length);
        assertEquals(0, sink.count());
        assertEquals(1, counters.drops(DropReason.BAD_FCS));
        assertEquals(1, counters.totalDrops());
    }

    @Test
    void shouldDropAFrameWhoseFcsIsBigEndian() {
        // The same CRC sent most significant byte first is not what IEEE 802.3 puts on the wire.
        byte[] wire = concat(bytes("c0"), FRAME_WITH_END_IN_FCS, bytes("44 d7 8e db dc c0"));
        decoder.accept(wire, 0, wire.length);
        assertEquals(0, sink.count());
        assertEquals(1, counters.drops(DropReason.BAD_FCS));
    }

    @Test
    void shouldDropARuntTooShortForTheHeaderAndFcs() {
        for (int len = 1; len < 14 + 4; len++) {
            byte[] runt = Arrays.copyOf(FRAME_WITH_ESC, len);
            byte[] wire = new byte[2 * len + 2];
            wire[0] = Slip.END;
            int end = Slip.stuff(runt, 0, len, wire, 1);
            wire[end++] = Slip.END;
            wire = Arrays.copyOf(wire, end);
            decoder.accept(wire, 0, wire.length);
            assertEquals(len, counters.drops(DropReason.RUNT), "runt of " + len);
        }
        // 13 bytes of frame with a valid FCS is still a runt: no room for the Ethernet header.
        byte[] wire = encode(encoder, Arrays.copyOf(FRAME_WITH_ESC, 13));
        decoder.accept(wire, 0, wire.length);
        assertEquals(18, counters.drops(DropReason.RUNT));
        assertEquals(0, sink.count());
        assertEquals(0, counters.drops(DropReason.BAD_FCS));
    }

    @Test
    void shouldDropAFrameLongerThanTheMaximumAndDeliverTheNext() {
        byte[] tooLong = randomFrame(new SplittableRandom(5), MAX + 1);
        byte[] line = concat(encode(encoder, tooLong), encode(encoder, FRAME_WITH_ESC));
        decoder.accept(line, 0, line.length);
        assertEquals(1, counters.drops(DropReason.FRAME_TOO_LONG));
        assertEquals(1, sink.count());
        assertArrayEquals(FRAME_WITH_ESC, sink.frame(0));
    }

    @Test
    void shouldDeliverAFrameOfExactlyTheMaximumLength() {
        byte[] frame = randomFrame(new SplittableRandom(6), MAX);
        byte[] wire = encode(encoder, frame);
        decoder.accept(wire, 0, wire.length);
        assertArrayEquals(frame, sink.frame(0));
        assertEquals(0, counters.totalDrops());
    }

    @Test
    void shouldRejectAMaximumTooSmallForTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> Framing.ETHERNET.newDecoder(13, sink, counters));
        assertThrows(IllegalArgumentException.class, () -> Framing.ETHERNET.newDecoder(-4, sink, counters));
        assertThrows(IllegalArgumentException.class,
                () -> Framing.ETHERNET.newDecoder(Integer.MAX_VALUE, sink, counters));
    }
}
