package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.base.PacketBuffer;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.framing.Framing;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The unframed cable's array exchange: an exchangeable buffer's frame crosses in the sender's own
 * array and the receiver's buffer takes that array, with no copy; every other buffer is copied as
 * before. Each array has one owner at a time, and a frame the cable refuses stays in its buffer.
 */
class ArrayExchangeTest {
    /** Where a stack's frames start: its link headroom (the IP header follows 14 bytes in). */
    private static final int HEADROOM = 14;

    private final ManualClock clock = new ManualClock();

    private LoopbackCable.Builder exchanging() {
        return LoopbackCable.builder(clock).mtu(1500).segmentOffload(65_535).exchangeArrays()
                .transmitQueueFrames(4).inFlightFrames(8).receiveQueueFrames(8);
    }

    private static PacketBuffer frameIn(PacketBuffer b, byte[] frame) {
        b.reset(HEADROOM).append(frame, 0, frame.length);
        return b;
    }

    private static byte[] window(PacketBuffer b) {
        return Arrays.copyOfRange(b.data(), b.offset(), b.end());
    }

    @Test
    void shouldCarryAFrameAcrossInTheSendersOwnArray() {
        LoopbackCable cable = exchanging().build();
        assertTrue(cable.a().exchangesArrays());
        byte[] frame = TestFrames.numbered(1, 40_000);
        PacketBuffer tx = frameIn(PacketBuffer.exchangeable(HEADROOM), frame);
        byte[] sent = tx.data();

        assertTrue(cable.a().transmit(tx));
        assertNotSame(sent, tx.data(), "the sender's array went on the cable");
        assertEquals(PacketBuffer.EXCHANGE_CAPACITY, tx.capacity());

        PacketBuffer rx = PacketBuffer.exchangeable(HEADROOM);
        assertEquals(frame.length, cable.b().receive(rx, HEADROOM));
        assertSame(sent, rx.data(), "the receiver took the sender's array: nothing was copied");
        assertEquals(HEADROOM, rx.offset());
        assertArrayEquals(frame, window(rx));
        assertEquals(1, cable.a().counters().framesOut());
        assertEquals(1, cable.b().counters().framesIn());
        assertEquals(-1, cable.b().receive(rx, HEADROOM));
    }

    @Test
    void shouldCopyFramesOfBuffersThatAreNotExchangeable() {
        LoopbackCable cable = exchanging().build();
        byte[] frame = TestFrames.numbered(2, 1500);
        PacketBuffer tx = frameIn(PacketBuffer.standalone(2000, HEADROOM), frame);
        byte[] sent = tx.data();
        assertTrue(cable.a().transmit(tx));
        assertSame(sent, tx.data());
        assertArrayEquals(frame, window(tx), "a copied frame stays in its buffer");

        // The frame was copied to the start of a slot: no headroom for the receiver to keep.
        PacketBuffer rx = PacketBuffer.exchangeable(HEADROOM);
        byte[] mine = rx.data();
        assertEquals(frame.length, cable.b().receive(rx, HEADROOM));
        assertSame(mine, rx.data());
        assertEquals(HEADROOM, rx.offset());
        assertArrayEquals(frame, window(rx));

        assertTrue(cable.a().transmit(frameIn(PacketBuffer.exchangeable(HEADROOM), frame)));
        PacketBuffer fixed = PacketBuffer.standalone(2000, 0);
        assertEquals(frame.length, cable.b().receive(fixed, HEADROOM));
        assertEquals(HEADROOM, fixed.offset());
        assertArrayEquals(frame, window(fixed));
    }

    @Test
    void shouldCopyOnACableThatDoesNotExchange() {
        LoopbackCable cable = LoopbackCable.builder(clock).mtu(1500).segmentOffload(65_535).build();
        assertFalse(cable.a().exchangesArrays());
        byte[] frame = TestFrames.numbered(3, 9000);
        PacketBuffer tx = frameIn(PacketBuffer.exchangeable(HEADROOM), frame);
        byte[] sent = tx.data();
        assertTrue(cable.a().transmit(tx));
        assertSame(sent, tx.data());

        PacketBuffer rx = PacketBuffer.exchangeable(HEADROOM);
        byte[] mine = rx.data();
        assertEquals(frame.length, cable.b().receive(rx, HEADROOM));
        assertSame(mine, rx.data());
        assertArrayEquals(frame, window(rx));
    }

    @Test
    void shouldLeaveARefusedFrameInItsBuffer() {
        // One frame on a slow line fills the queue: the next is refused.
        LoopbackCable cable = exchanging().transmitQueueFrames(1).inFlightFrames(1)
                .impairments(Impairments.builder().baud(9600).build()).build();
        assertTrue(cable.a().transmit(frameIn(PacketBuffer.exchangeable(HEADROOM), TestFrames.numbered(4, 100))));
        byte[] frame = TestFrames.numbered(5, 100);
        PacketBuffer tx = frameIn(PacketBuffer.exchangeable(HEADROOM), frame);
        byte[] mine = tx.data();

        assertFalse(cable.a().transmit(tx));
        assertSame(mine, tx.data());
        assertArrayEquals(frame, window(tx));
    }

    @Test
    void shouldDeliverBothCopiesOfADuplicatedFrameWhole() {
        LoopbackCable cable = exchanging().impairments(Impairments.builder().duplication(1.0).build()).build();
        byte[] frame = TestFrames.numbered(6, 30_000);
        assertTrue(cable.a().transmit(frameIn(PacketBuffer.exchangeable(HEADROOM), frame)));

        PacketBuffer rx = PacketBuffer.exchangeable(HEADROOM);
        for (int copy = 0; copy < 2; copy++) {
            assertEquals(frame.length, cable.b().receive(rx, HEADROOM), "copy " + copy);
            assertArrayEquals(frame, window(rx), "copy " + copy);
        }
        assertEquals(-1, cable.b().receive(rx, HEADROOM));
    }

    @Test
    void shouldFlipABitInsideTheFrameNotInTheRoomBeforeIt() {
        LoopbackCable cable = exchanging().impairments(Impairments.builder().corruption(1.0).build()).build();
        byte[] frame = new byte[64];
        for (int n = 0; n < 50; n++) {
            assertTrue(cable.a().transmit(frameIn(PacketBuffer.exchangeable(HEADROOM), frame)));
            PacketBuffer rx = PacketBuffer.exchangeable(HEADROOM);
            assertEquals(frame.length, cable.b().receive(rx, HEADROOM));
            int flipped = 0;
            for (byte b : window(rx)) {
                flipped += Integer.bitCount(b & 0xFF);
            }
            assertEquals(1, flipped, "frame " + n);
        }
    }

    @Test
    void shouldGiveTheReceiverItsHeadroomWhenTheSendersFrameStartsEarlier() {
        LoopbackCable cable = exchanging().build();
        byte[] frame = TestFrames.numbered(7, 500);
        PacketBuffer tx = PacketBuffer.exchangeable(0);
        tx.append(frame, 0, frame.length); // at offset 0, as an Ethernet frame in a stack's buffer
        assertTrue(cable.a().transmit(tx));

        PacketBuffer rx = PacketBuffer.exchangeable(HEADROOM);
        byte[] mine = rx.data();
        assertEquals(frame.length, cable.b().receive(rx, HEADROOM));
        assertSame(mine, rx.data(), "copied: the array had no room in front for the receiver");
        assertEquals(HEADROOM, rx.offset());
        assertArrayEquals(frame, window(rx));
    }

    /**
     * Frames of many lengths, sent in bursts and taken in turn, with duplicates: every frame
     * arrives whole, the two buffers never hold the same array, and the arrays that circulate are
     * the cable's own and the two buffers', no more (nothing is allocated).
     */
    @Test
    void shouldKeepEveryArrayWithOneOwnerOverManyFrames() {
        LoopbackCable cable = exchanging().impairments(Impairments.builder().duplication(0.1).build()).build();
        LanAdapter a = cable.a();
        LanAdapter b = cable.b();
        PacketBuffer tx = PacketBuffer.exchangeable(HEADROOM);
        PacketBuffer rx = PacketBuffer.exchangeable(HEADROOM);
        Set<byte[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        SplittableRandom random = new SplittableRandom(11);
        int sent = 0;
        int received = 0;
        byte[][] frames = new byte[500][];
        for (int round = 0; received < frames.length; round++) {
            assertTrue(round < 10 * frames.length, "stuck after " + received + " frames");
            for (int burst = random.nextInt(1, 5); burst > 0 && sent < frames.length; burst--) {
                frames[sent] = TestFrames.numbered(sent, 4 + random.nextInt(65_535 - 4));
                if (!a.transmit(frameIn(tx, frames[sent]))) {
                    break; // the slots are full: receive first
                }
                sent++;
                arrays.add(tx.data());
            }
            int n;
            while ((n = b.receive(rx, HEADROOM)) >= 0) {
                assertNotSame(tx.data(), rx.data());
                arrays.add(rx.data());
                byte[] got = window(rx);
                int number = TestFrames.numberOf(got);
                assertEquals(n, frames[number].length, "frame " + number);
                assertArrayEquals(frames[number], got, "frame " + number);
                if (number == received) {
                    received++; // a duplicate repeats a number already counted
                }
            }
        }
        // The lane's slots, its queue's arrays and its staging array; and the two buffers'.
        assertTrue(arrays.size() <= 8 + 8 + 1 + 2, arrays.size() + " arrays circulated");
        assertTrue(arrays.size() > 2, "the arrays did not change hands");
        assertEquals(0, a.counters().totalDrops() + b.counters().totalDrops());
    }

    @Test
    void shouldRefuseArrayExchangeOnAFramedCable() {
        assertThrows(IllegalArgumentException.class,
                () -> LoopbackCable.builder(clock).framing(Framing.SLIP).exchangeArrays().build());
    }
}
