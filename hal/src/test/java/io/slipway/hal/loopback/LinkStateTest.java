package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.framing.Framing;
import org.junit.jupiter.api.Test;

/**
 * Link down/up: both ends follow the cable, frames queued or in flight are lost, frames sent while
 * down are dropped by the sender, and the ends are woken when the state changes.
 */
class LinkStateTest {
    /** 102 wire bytes at 115200 baud. */
    private static final long FRAME_TIME = 8_854_167;

    private final ManualClock clock = new ManualClock();
    private final byte[] buffer = new byte[2000];
    private final byte[] frame = TestFrames.plain(100);
    private final LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP)
            .impairments(Impairments.builder().baud(115_200).build()).build();

    @Test
    void shouldReportTheLinkOnBothEnds() {
        assertTrue(cable.a().isLinkUp() && cable.b().isLinkUp());
        cable.setLinkUp(false);
        assertFalse(cable.a().isLinkUp() || cable.b().isLinkUp() || cable.isLinkUp());
        cable.setLinkUp(true);
        assertTrue(cable.a().isLinkUp() && cable.b().isLinkUp());
    }

    @Test
    void shouldLoseFramesQueuedOrInFlightButKeepThoseArrived() {
        for (int i = 0; i < 3; i++) {
            cable.a().transmit(frame, 0, frame.length);
        }
        clock.set(FRAME_TIME + 1);

        cable.setLinkUp(false);

        assertEquals(2, cable.counters(CableDirection.A_TO_B).linkDownLost());
        assertEquals(0, cable.framesInFlight(CableDirection.A_TO_B));
        assertEquals(100, cable.b().receive(buffer, 0, buffer.length), "arrived before the link went down");
        assertEquals(-1, cable.b().receive(buffer, 0, buffer.length));
        assertEquals(Clock.NEVER, cable.b().nextEventNanos());
        assertEquals(Clock.NEVER, cable.a().nextEventNanos(), "the transmit queue went with the line");
    }

    @Test
    void shouldTakeAndDropAFrameSentWhileDown() {
        cable.setLinkUp(false);

        assertTrue(cable.a().transmit(frame, 0, frame.length), "taken, as the adapter contract says");
        assertTrue(cable.a().canTransmit());

        assertEquals(1, cable.a().counters().drops(DropReason.LINK_DOWN));
        assertEquals(0, cable.a().counters().framesOut());
        cable.setLinkUp(true);
        clock.set(10 * FRAME_TIME);
        assertEquals(-1, cable.b().receive(buffer, 0, buffer.length));
    }

    @Test
    void shouldCarryFramesOnAFreeLineOnceBackUp() {
        for (int i = 0; i < 3; i++) {
            cable.a().transmit(frame, 0, frame.length);
        }
        clock.set(1_000);
        cable.setLinkUp(false);
        clock.set(2_000);
        cable.setLinkUp(true);

        cable.a().transmit(frame, 0, frame.length);

        // Not behind the frames the link lost: the line was freed with them.
        assertEquals(2_000 + FRAME_TIME, cable.b().nextEventNanos());
        clock.set(2_000 + FRAME_TIME);
        assertEquals(100, cable.b().receive(buffer, 0, buffer.length));
    }

    @Test
    void shouldWakeBothEndsWhenTheLinkChanges() {
        Runnable wakeA = mock(Runnable.class);
        Runnable wakeB = mock(Runnable.class);
        cable.a().setWakeup(wakeA);
        cable.b().setWakeup(wakeB);

        cable.setLinkUp(false);
        verify(wakeA, times(1)).run();
        verify(wakeB, times(1)).run();
        cable.setLinkUp(true);
        verify(wakeA, times(2)).run();
        verify(wakeB, times(2)).run();
    }

    @Test
    void shouldNotWakeAnyoneWhenNothingChanges() {
        Runnable wakeA = mock(Runnable.class);
        cable.a().setWakeup(wakeA);
        cable.setLinkUp(true);
        verify(wakeA, never()).run();
    }

    @Test
    void shouldStayDownOnceAnEndIsClosed() {
        cable.a().transmit(frame, 0, frame.length);
        cable.b().close();
        cable.b().close();

        cable.setLinkUp(true);

        assertFalse(cable.a().isLinkUp());
        assertEquals(1, cable.counters(CableDirection.A_TO_B).linkDownLost());
    }
}
