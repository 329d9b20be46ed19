package io.slipway.hal.framing;

import static io.slipway.hal.mock.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SLIP on the wire, RFC 1055: each frame between END bytes, END and ESC inside sent as ESC ESC_END
 * and ESC ESC_ESC. Encodings are checked against fixed bytes, then decoded back.
 */
class SlipFramingTest {
    private static final int MAX = 1006; // RFC 1055 "SLIP drivers use a maximum packet size of 1006 bytes"

    private final FrameEncoder encoder = Framing.SLIP.newEncoder();
    private final LinkCounters counters = new LinkCounters();
    private final FrameRecorder sink = new FrameRecorder();
    private final FrameDecoder decoder = Framing.SLIP.newDecoder(MAX, sink, counters);

    static byte[] encode(FrameEncoder encoder, byte[] frame) {
        byte[] wire = new byte[encoder.maxWireLength(frame.length)];
        int n = encoder.encode(frame, 0, frame.length, wire, 0);
        return Arrays.copyOf(wire, n);
    }

    @Test
    void shouldNameTheFramingAndItsMedium() {
        assertEquals("slip", Framing.SLIP.name());
        assertEquals(Medium.IP, Framing.SLIP.medium());
        assertSame(Framing.SLIP, Framing.named("slip"));
        assertSame(Framing.ETHERNET, Framing.named("ethernet"));
        assertThrows(IllegalArgumentException.class, () -> Framing.named("ppp"));
    }

    @Test
    void shouldPutEndBeforeAndAfterAFrameWithNoSpecialBytes() {
        // RFC 1055 "send an initial END character to flush out any data that may have accumulated
        // in the receiver due to line noise", then the packet, then END.
        assertArrayEquals(bytes("c0 45 00 01 02 c0"), encode(encoder, bytes("45 00 01 02")));
    }

    @Test
    void shouldStuffEndAsEscEscEnd() {
        assertArrayEquals(bytes("c0 01 db dc 02 c0"), encode(encoder, bytes("01 c0 02")));
    }

    @Test
    void shouldStuffEscAsEscEscEsc() {
        assertArrayEquals(bytes("c0 01 db dd 02 c0"), encode(encoder, bytes("01 db 02")));
    }

    @Test
    void shouldNotStuffEscEndOrEscEscBytesOnTheirOwn() {
        // ESC_END and ESC_ESC are special only after ESC.
        assertArrayEquals(bytes("c0 dc dd c0"), encode(encoder, bytes("dc dd")));
    }

    @Test
    void shouldStuffEveryEndAndEscInARow() {
        assertArrayEquals(bytes("c0 db dc db dc db dd db dd db dc c0"), encode(encoder, bytes("c0 c0 db db c0")));
    }

    @Test
    void shouldEncodeAnEmptyFrameAsTwoEnds() {
        assertArrayEquals(bytes("c0 c0"), encode(encoder, new byte[0]));
    }

    @Test
    void shouldEncodeAtAnOffsetAndWriteOnlyWhatItReturns() {
        byte[] src = bytes("ff ff 01 c0 db 02 ff");
        byte[] dst = new byte[3 + encoder.maxWireLength(4) + 3];
        Arrays.fill(dst, (byte) 0x55);
        int n = encoder.encode(src, 2, 4, dst, 3);
        assertEquals(8, n);
        assertArrayEquals(bytes("55 55 55 c0 01 db dc db dd 02 c0"), Arrays.copyOf(dst, 3 + n));
        for (int i = 3 + n; i < dst.length; i++) {
            assertEquals((byte) 0x55, dst[i], "byte " + i + " past the encoding was written");
        }
        assertEquals(n, encoder.wireLength(src, 2, 4));
    }

    @Test
    void shouldDecodeFixedWireBytes() {
        decoder.accept(bytes("c0 01 db dc db dd 02 c0"), 0, 8);
        assertEquals(1, sink.count());
        assertArrayEquals(bytes("01 c0 db 02"), sink.frame(0));
        assertEquals(0, counters.totalDrops());
    }

    @Test
    void shouldRoundTripRandomFramesAndAgreeOnWireLength() {
        SplittableRandom random = new SplittableRandom(1055);
        for (int round = 0; round < 2000; round++) {
            byte[] frame = randomFrame(random, 1 + random.nextInt(MAX));
            byte[] wire = encode(encoder, frame);
            assertEquals(wire.length, encoder.wireLength(frame, 0, frame.length), "wireLength");
            assertTrue(wire.length <= encoder.maxWireLength(frame.length), "maxWireLength");
            assertEquals(Slip.END, wire[0]);
            assertEquals(Slip.END, wire[wire.length - 1]);
            for (int i = 1; i < wire.length - 1; i++) {
                assertTrue(wire[i] != Slip.END, "END inside the frame at " + i);
            }
            decoder.accept(wire, 0, wire.length);
            assertEquals(round + 1, sink.count());
            assertArrayEquals(frame, sink.last(), "round " + round);
        }
        assertEquals(0, counters.totalDrops());
    }

    @Test
    void shouldReachMaxWireLengthExactlyForAllEndAndAllEscFrames() {
        for (byte special : new byte[] {Slip.END, Slip.ESC}) {
            for (int len : new int[] {1, 2, 100, MAX}) {
                byte[] frame = new byte[len];
                Arrays.fill(frame, special);
                byte[] wire = encode(encoder, frame);
                // Every byte doubled plus two ENDs: the bound is tight.
                assertEquals(encoder.maxWireLength(len), wire.length);
                assertEquals(wire.length, encoder.wireLength(frame, 0, len));
                decoder.accept(wire, 0, wire.length);
                assertArrayEquals(frame, sink.last());
            }
        }
        assertEquals(0, counters.totalDrops());
    }

    @Test
    void shouldIgnoreEmptyFrames() {
        decoder.accept(bytes("c0 c0 c0 c0"), 0, 4);
        assertEquals(0, sink.count());
        assertEquals(0, counters.totalDrops());
    }

    @Test
    void shouldDeliverBackToBackFrames() {
        byte[] a = encode(encoder, bytes("01 02"));
        byte[] b = encode(encoder, bytes("c0"));
        byte[] c = encode(encoder, bytes("db 03"));
        byte[] line = concat(a, b, c);
        decoder.accept(line, 0, line.length);
        assertEquals(3, sink.count());
        assertArrayEquals(bytes("01 02"), sink.frame(0));
        assertArrayEquals(bytes("c0"), sink.frame(1));
        assertArrayEquals(bytes("db 03"), sink.frame(2));
    }

    @Test
    void shouldDeliverFramesThatShareOneEnd() {
        // RFC 1055: a sender may omit the leading END; one END then both ends one frame and
        // starts the next.
        byte[] line = bytes("01 02 c0 03 c0");
        decoder.accept(line, 0, line.length);
        assertEquals(2, sink.count());
        assertArrayEquals(bytes("01 02"), sink.frame(0));
        assertArrayEquals(bytes("03"), sink.frame(1));
    }

    @Test
    void shouldDecodeAFrameSplitAcrossManyAcceptCallsByteByByte() {
        byte[] frame = randomFrame(new SplittableRandom(7), MAX);
        byte[] wire = encode(encoder, frame);
        for (int i = 0; i < wire.length; i++) {
            assertEquals(0, sink.count(), "frame delivered before its END");
            decoder.accept(wire, i, 1);
        }
        assertEquals(1, sink.count());
        assertArrayEquals(frame, sink.frame(0));

        for (byte b : wire) {
            decoder.accept(b);
        }
        assertEquals(2, sink.count());
        assertArrayEquals(frame, sink.frame(1));
    }

    @Test
    void shouldDecodeAFrameSplitAtEveryPossiblePoint() {
        byte[] frame = bytes("c0 01 db c0 db 02");
        byte[] wire = encode(encoder, frame);
        for (int cut = 0; cut <= wire.length; cut++) {
            decoder.accept(wire, 0, cut);
            decoder.accept(wire, cut, wire.length - cut);
            assertArrayEquals(frame, sink.last(), "cut at " + cut);
        }
        assertEquals(wire.length + 1, sink.count());
    }

    @Test
    void shouldDeliverAFrameOfExactlyTheMaximumLength() {
        byte[] frame = randomFrame(new SplittableRandom(3), MAX);
        byte[] wire = encode(encoder, frame);
        decoder.accept(wire, 0, wire.length);
        assertArrayEquals(frame, sink.frame(0));
        assertEquals(0, counters.totalDrops());
    }

    @Test
    void shouldForgetAHalfReceivedFrameOnResetWithoutCountingIt() {
        decoder.accept(bytes("c0 01 02 db"), 0, 4);
        decoder.reset();
        decoder.accept(bytes("03 c0"), 0, 2);
        assertEquals(1, sink.count());
        assertArrayEquals(bytes("03"), sink.frame(0));
        assertEquals(0, counters.totalDrops());
    }

    @Test
    void shouldRejectANonPositiveMaximum() {
        assertThrows(IllegalArgumentException.class, () -> Framing.SLIP.newDecoder(0, sink, counters));
    }

    /** Random bytes with END and ESC far more often than 2 in 256, so stuffing is exercised. */
    static byte[] randomFrame(SplittableRandom random, int len) {
        byte[] frame = new byte[len];
        for (int i = 0; i < len; i++) {
            int pick = random.nextInt(16);
            frame[i] = pick == 0 ? Slip.END : pick == 1 ? Slip.ESC : (byte) random.nextInt(256);
        }
        return frame;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
