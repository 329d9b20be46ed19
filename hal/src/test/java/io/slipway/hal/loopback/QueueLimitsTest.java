package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.framing.Framing;
import org.junit.jupiter.api.Test;

/**
 * The bounded queues: the transmit queue (refuses, and says when to retry), the pool of frames in
 * flight (refuses while full), the receive queue (drops and counts), and the frame-size limits.
 */
class QueueLimitsTest {
    /** 102 wire bytes at 115200 baud. */
    private static final long FRAME_TIME = 8_854_167;

    private final ManualClock clock = new ManualClock();
    private final byte[] buffer = new byte[2000];
    private final byte[] frame = TestFrames.plain(100);

    @Test
    void shouldRefuseWhenTheTransmitQueueIsFullUntilItsOldestFrameHasLeft() {
        LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP).transmitQueueFrames(4)
                .impairments(Impairments.builder().baud(115_200).build()).build();
        for (int i = 0; i < 4; i++) {
            assertTrue(cable.a().transmit(frame, 0, frame.length), "frame " + i);
        }

        assertFalse(cable.a().canTransmit());
        assertFalse(cable.a().transmit(frame, 0, frame.length));
        assertEquals(4, cable.a().counters().framesOut(), "a refused frame is not taken");
        assertEquals(FRAME_TIME, cable.a().nextEventNanos(), "when to retry");

        clock.set(FRAME_TIME - 1);
        assertFalse(cable.a().canTransmit());
        clock.set(FRAME_TIME);
        assertTrue(cable.a().canTransmit());
        assertTrue(cable.a().transmit(frame, 0, frame.length));
        assertEquals(2 * FRAME_TIME, cable.a().nextEventNanos());
    }

    @Test
    void shouldTellTheSenderWhenItsQueueDrainsEvenIfNotFull() {
        LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP)
                .impairments(Impairments.builder().baud(115_200).propagationDelayNanos(50_000_000).build())
                .build();
        cable.a().transmit(frame, 0, frame.length);

        assertEquals(FRAME_TIME, cable.a().nextEventNanos(), "the frame finishes leaving");
        assertEquals(FRAME_TIME + 50_000_000, cable.b().nextEventNanos(), "then arrives");
        clock.set(FRAME_TIME);
        assertEquals(Clock.NEVER, cable.a().nextEventNanos(), "left: nothing more for the sender");
    }

    @Test
    void shouldNeverQueueWhenUnpaced() {
        LoopbackCable cable = LoopbackCable.builder(clock).transmitQueueFrames(1).build();
        for (int i = 0; i < 10; i++) {
            assertTrue(cable.a().transmit(frame, 0, frame.length), "frame " + i);
        }
        assertEquals(Clock.NEVER, cable.a().nextEventNanos());
    }

    @Test
    void shouldRefuseWhileEverySlotInFlightIsTakenUntilOneArrives() {
        long delay = 1_000_000;
        LoopbackCable cable = LoopbackCable.builder(clock).transmitQueueFrames(1).inFlightFrames(4)
                .impairments(Impairments.builder().propagationDelayNanos(delay).build()).build();
        for (int i = 0; i < 4; i++) {
            cable.a().transmit(TestFrames.numbered(i, 64), 0, 64);
        }

        assertFalse(cable.a().canTransmit());
        assertFalse(cable.a().transmit(frame, 0, frame.length));
        assertEquals(delay, cable.a().nextEventNanos(), "when the first frame arrives and frees its slot");

        clock.set(delay);
        assertTrue(cable.a().transmit(TestFrames.numbered(4, 64), 0, 64),
                "arrived frames leave the wire for the receive queue");
        for (int i = 0; i < 4; i++) {
            assertEquals(64, cable.b().receive(buffer, 0, buffer.length));
            assertEquals(i, TestFrames.numberOf(buffer));
        }
        assertEquals(-1, cable.b().receive(buffer, 0, buffer.length));
        clock.set(2 * delay);
        assertEquals(64, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(4, TestFrames.numberOf(buffer));
    }

    @Test
    void shouldWakeTheRefusedSenderWhenTheReceiverFreesASlot() {
        LoopbackCable cable = LoopbackCable.builder(clock).transmitQueueFrames(1).inFlightFrames(2).build();
        Runnable wakeA = mock(Runnable.class);
        cable.a().setWakeup(wakeA);
        cable.a().transmit(frame, 0, frame.length);
        cable.a().transmit(frame, 0, frame.length);
        verify(wakeA, never()).run();

        cable.b().receive(buffer, 0, buffer.length);

        verify(wakeA).run();
        assertTrue(cable.a().canTransmit());
    }

    @Test
    void shouldDropAndCountWhatTheReceiveQueueCannotHold() {
        LoopbackCable cable = LoopbackCable.builder(clock).receiveQueueFrames(2).build();
        for (int i = 0; i < 5; i++) {
            cable.a().transmit(TestFrames.numbered(i, 64), 0, 64);
        }

        assertEquals(64, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(0, TestFrames.numberOf(buffer));
        assertEquals(64, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(1, TestFrames.numberOf(buffer));
        assertEquals(-1, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(3, cable.b().counters().drops(DropReason.RX_QUEUE_FULL));
        assertEquals(2, cable.b().counters().framesIn());
    }

    /**
     * RFC 1144 §4.1: a loss is told at its place in the frame stream. Frames 2 and 3 find the
     * queue full while 0 and 1 wait in it: 0 and 1 come before the loss, frame 5 after it.
     */
    @Test
    void shouldMarkEachQueuedFrameWithTheLossesBeforeIt() {
        LoopbackCable cable = LoopbackCable.builder(clock).receiveQueueFrames(2).build();
        for (int i = 0; i < 4; i++) {
            cable.a().transmit(TestFrames.numbered(i, 64), 0, 64);
        }
        cable.b().receive(buffer, 0, buffer.length);
        assertEquals(0, cable.b().receiveLossesBefore());
        cable.b().receive(buffer, 0, buffer.length);
        assertEquals(1, TestFrames.numberOf(buffer));
        assertEquals(0, cable.b().receiveLossesBefore(), "counted already, but after frame 1");

        cable.a().transmit(TestFrames.numbered(4, 200), 0, 200); // lost: the buffer is too small
        cable.a().transmit(TestFrames.numbered(5, 64), 0, 64);
        assertEquals(64, cable.b().receive(buffer, 0, 100));
        assertEquals(5, TestFrames.numberOf(buffer));
        assertEquals(3, cable.b().receiveLossesBefore(), "two found on arrival, one by receive");
        assertEquals(3, cable.b().counters().receiveLosses());
    }

    @Test
    void shouldDropAFrameTooLongForTheBufferAndTakeTheNext() {
        LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP).build();
        cable.a().transmit(TestFrames.numbered(0, 200), 0, 200);
        cable.a().transmit(TestFrames.numbered(1, 100), 0, 100);

        assertEquals(100, cable.b().receive(buffer, 0, 150));
        assertEquals(1, TestFrames.numberOf(buffer));
        assertEquals(1, cable.b().counters().drops(DropReason.BUFFER_TOO_SMALL));
    }

    @Test
    void shouldTakeDropAndCountAFrameLongerThanTheMaximum() {
        LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.ETHERNET).mtu(1500).build();
        assertEquals(1514, cable.a().maxFrameLength());

        assertTrue(cable.a().transmit(new byte[1515], 0, 1515));
        assertTrue(cable.a().transmit(TestFrames.numbered(0, 1514), 0, 1514));

        assertEquals(1, cable.a().counters().drops(DropReason.TX_TOO_LONG));
        assertEquals(1514, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(-1, cable.b().receive(buffer, 0, buffer.length));
    }

    @Test
    void shouldReportWaitingFramesAsDueNow() {
        LoopbackCable cable = LoopbackCable.builder(clock).build();
        cable.a().transmit(frame, 0, frame.length);
        clock.set(5_000);

        assertTrue(cable.b().nextEventNanos() <= clock.nanos(), "a frame is waiting");
        assertEquals(1, cable.framesInFlight(CableDirection.A_TO_B) + cable.framesWaiting(CableDirection.A_TO_B));
    }
}
