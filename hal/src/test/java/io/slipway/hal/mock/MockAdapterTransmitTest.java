package io.slipway.hal.mock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.slipway.base.ManualClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.Medium;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockAdapterTransmitTest {
    private final ManualClock clock = new ManualClock();
    private final MockAdapter adapter = new MockAdapter("mock1", Medium.ETHERNET, 100, clock);

    @Test
    void shouldDescribeTheLinkItWasBuiltWith() {
        assertEquals("mock1", adapter.name());
        assertEquals(Medium.ETHERNET, adapter.medium());
        assertEquals(100, adapter.mtu());
        assertEquals(114, adapter.maxFrameLength());
        assertTrue(adapter.isLinkUp());
        assertTrue(adapter.canTransmit());
    }

    @Test
    void shouldRefuseANonPositiveMtu() {
        assertThrows(IllegalArgumentException.class, () -> new MockAdapter("m", Medium.IP, 0, clock));
    }

    @Test
    void shouldRecordACopyOfEachAcceptedFrameWithItsTime() {
        byte[] frame = {0, 1, 2, 3, 4, 5};
        clock.set(70);
        assertTrue(adapter.transmit(frame, 1, 4));
        frame[1] = 99;
        clock.set(90);
        assertTrue(adapter.transmit(frame, 0, 2));
        assertEquals(2, adapter.transmittedCount());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, adapter.transmitted().get(0));
        List<TransmittedFrame> frames = adapter.transmittedFrames();
        assertEquals(70, frames.get(0).atNanos());
        assertEquals(90, frames.get(1).atNanos());
        assertArrayEquals(new byte[] {0, 99}, frames.get(1).bytes());
        assertEquals(2, adapter.counters().framesOut());
        assertEquals(6, adapter.counters().bytesOut());
    }

    @Test
    void shouldTakeTransmittedFramesOldestFirst() {
        adapter.transmit(new byte[] {1}, 0, 1);
        adapter.transmit(new byte[] {2}, 0, 1);
        adapter.transmit(new byte[] {3}, 0, 1);
        assertArrayEquals(new byte[] {1}, adapter.takeNextTransmitted());
        List<byte[]> rest = adapter.takeTransmitted();
        assertEquals(2, rest.size());
        assertArrayEquals(new byte[] {2}, rest.get(0));
        assertArrayEquals(new byte[] {3}, rest.get(1));
        adapter.assertNothingTransmitted();
        assertEquals(0, adapter.takeTransmitted().size());
    }

    @Test
    void shouldFailTheTestWhenAFrameIsExpectedButNoneWasSent() {
        AssertionError e = assertThrows(AssertionError.class, adapter::takeNextTransmitted);
        assertTrue(e.getMessage().contains("mock1"), e.getMessage());
    }

    @Test
    void shouldFailTheTestWithAHexDumpWhenSomethingWasSentUnexpectedly() {
        adapter.transmit(new byte[] {0x45, 0x00, (byte) 0xff}, 0, 3);
        AssertionError e = assertThrows(AssertionError.class, adapter::assertNothingTransmitted);
        assertTrue(e.getMessage().contains("45 00 ff (length 3)"), e.getMessage());
    }

    @Test
    void shouldRefuseAndKeepNothingWhileTheTransmitQueueIsFull() {
        adapter.setTransmitQueueFull(true);
        assertFalse(adapter.canTransmit());
        assertFalse(adapter.transmit(new byte[10], 0, 10));
        adapter.assertNothingTransmitted();
        assertEquals(0, adapter.counters().framesOut());
        assertEquals(0, adapter.counters().totalDrops());
        adapter.setTransmitQueueFull(false);
        assertTrue(adapter.canTransmit());
        assertTrue(adapter.transmit(new byte[10], 0, 10));
    }

    @Test
    void shouldCallTheWakeupWhenTransmitSpaceIsFreed() {
        Runnable wakeup = mock(Runnable.class);
        adapter.setWakeup(wakeup);
        adapter.setTransmitQueueFull(true);
        verify(wakeup, never()).run();
        adapter.setTransmitQueueFull(false);
        verify(wakeup, times(1)).run();
        adapter.setTransmitQueueFull(false);
        verify(wakeup, times(1)).run();
    }

    @Test
    void shouldAcceptDropAndCountATooLongFrame() {
        assertTrue(adapter.transmit(new byte[115], 0, 115));
        assertTrue(adapter.transmit(new byte[114], 0, 114));
        assertEquals(1, adapter.counters().drops(DropReason.TX_TOO_LONG));
        assertEquals(1, adapter.transmittedCount());
        assertEquals(114, adapter.transmitted().get(0).length);
    }

    @Test
    void shouldAcceptDropAndCountFramesSentWhileTheLinkIsDown() {
        adapter.setLinkUp(false);
        assertFalse(adapter.isLinkUp());
        assertTrue(adapter.canTransmit());
        assertTrue(adapter.transmit(new byte[20], 0, 20));
        adapter.assertNothingTransmitted();
        assertEquals(1, adapter.counters().drops(DropReason.LINK_DOWN));
        assertEquals(0, adapter.counters().framesOut());
        adapter.setLinkUp(true);
        assertTrue(adapter.transmit(new byte[20], 0, 20));
        assertEquals(1, adapter.transmittedCount());
    }

    @Test
    void shouldCallTheWakeupWhenTheLinkChanges() {
        Runnable wakeup = mock(Runnable.class);
        adapter.setWakeup(wakeup);
        adapter.setLinkUp(true);
        verify(wakeup, never()).run();
        adapter.setLinkUp(false);
        adapter.setLinkUp(true);
        verify(wakeup, times(2)).run();
    }

    @Test
    void shouldDropFramesSentAfterClose() {
        adapter.close();
        assertFalse(adapter.isLinkUp());
        assertTrue(adapter.isClosed());
        assertTrue(adapter.transmit(new byte[20], 0, 20));
        adapter.assertNothingTransmitted();
        assertEquals(1, adapter.counters().drops(DropReason.LINK_DOWN));
    }

    @Test
    void shouldRefuseARangeOutsideTheCallersArray() {
        assertThrows(IndexOutOfBoundsException.class, () -> adapter.transmit(new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> adapter.transmit(new byte[4], 0, -1));
    }
}
