package io.slipway.hal.mock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.Medium;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MockAdapterReceiveTest {
    private final ManualClock clock = new ManualClock(1_000);
    private final MockAdapter adapter = new MockAdapter(clock);
    private final byte[] into = new byte[2048];

    @Test
    void shouldReceiveNothingUntilAFrameIsScripted() {
        assertEquals(-1, adapter.receive(into, 0, into.length));
        assertEquals(Clock.NEVER, adapter.nextEventNanos());
        assertEquals(0, adapter.pendingReceive());
    }

    @Test
    void shouldReceiveScriptedFramesInOrderAndCountThem() {
        adapter.script(new byte[] {1, 2, 3});
        adapter.script(new byte[] {9, 8, 7, 6, 5}, 1, 3);
        assertEquals(2, adapter.pendingReceive());
        assertEquals(3, adapter.receive(into, 10, 100));
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOfRange(into, 10, 13));
        assertEquals(3, adapter.receive(into, 0, 100));
        assertArrayEquals(new byte[] {8, 7, 6}, Arrays.copyOf(into, 3));
        assertEquals(-1, adapter.receive(into, 0, 100));
        assertEquals(2, adapter.counters().framesIn());
        assertEquals(6, adapter.counters().bytesIn());
    }

    @Test
    void shouldKeepItsOwnCopyOfAScriptedFrame() {
        byte[] frame = {1, 2, 3};
        adapter.script(frame);
        frame[0] = 99;
        adapter.receive(into, 0, into.length);
        assertEquals(1, into[0]);
    }

    @Test
    void shouldHoldAFrameInFlightUntilItsTime() {
        adapter.scriptAt(5_000, new byte[] {42});
        assertEquals(5_000, adapter.nextEventNanos());
        assertEquals(-1, adapter.receive(into, 0, into.length));
        clock.set(4_999);
        assertEquals(-1, adapter.receive(into, 0, into.length));
        clock.set(5_000);
        assertEquals(1, adapter.receive(into, 0, into.length));
        assertEquals(42, into[0]);
        assertEquals(Clock.NEVER, adapter.nextEventNanos());
    }

    @Test
    void shouldDeliverInTimeOrderThenScriptOrder() {
        adapter.scriptAt(3_000, new byte[] {3});
        adapter.scriptAt(2_000, new byte[] {2});
        adapter.scriptAt(3_000, new byte[] {4});
        adapter.script(new byte[] {1});
        assertEquals(1_000, adapter.nextEventNanos());
        clock.set(10_000);
        for (int expected = 1; expected <= 4; expected++) {
            assertEquals(1, adapter.receive(into, 0, into.length));
            assertEquals(expected, into[0]);
        }
    }

    @Test
    void shouldReportTheEarliestPendingFrameAsTheNextEvent() {
        adapter.scriptAt(9_000, new byte[] {1});
        adapter.scriptAt(7_000, new byte[] {2});
        assertEquals(7_000, adapter.nextEventNanos());
        clock.set(8_000);
        adapter.receive(into, 0, into.length);
        assertEquals(9_000, adapter.nextEventNanos());
    }

    @Test
    void shouldCallTheWakeupWhenAFrameIsScripted() {
        Runnable wakeup = mock(Runnable.class);
        adapter.setWakeup(wakeup);
        adapter.script(new byte[] {1});
        adapter.scriptAt(50_000, new byte[] {2});
        verify(wakeup, times(2)).run();
    }

    @Test
    void shouldDropAFrameLargerThanTheLentBufferAndTryTheNext() {
        adapter.script(new byte[100]);
        adapter.script(new byte[] {7, 7});
        assertEquals(2, adapter.receive(into, 0, 50));
        assertEquals(7, into[0]);
        assertEquals(1, adapter.counters().drops(DropReason.BUFFER_TOO_SMALL));
        assertEquals(1, adapter.counters().framesIn());
    }

    @Test
    void shouldDropAFrameLongerThanTheLinkCarriesAsARealDecoderWould() {
        MockAdapter small = new MockAdapter("m", Medium.ETHERNET, 100, clock);
        small.script(new byte[115]);
        small.script(new byte[114]);
        assertEquals(114, small.receive(into, 0, into.length));
        assertEquals(1, small.counters().drops(DropReason.FRAME_TOO_LONG));
        assertEquals(-1, small.receive(into, 0, into.length));
    }

    @Test
    void shouldReturnNothingWhenEveryDueFrameIsDropped() {
        adapter.script(new byte[100]);
        adapter.script(new byte[100]);
        assertEquals(-1, adapter.receive(into, 0, 10));
        assertEquals(2, adapter.counters().drops(DropReason.BUFFER_TOO_SMALL));
        assertEquals(0, adapter.pendingReceive());
    }

    @Test
    void shouldReceiveNothingOnceClosed() {
        adapter.script(new byte[] {1});
        adapter.close();
        adapter.close();
        assertEquals(-1, adapter.receive(into, 0, into.length));
        assertEquals(Clock.NEVER, adapter.nextEventNanos());
    }

    @Test
    void shouldRefuseARangeOutsideTheCallersArray() {
        assertThrows(IndexOutOfBoundsException.class, () -> adapter.receive(into, 2040, 100));
        assertThrows(IndexOutOfBoundsException.class, () -> adapter.script(new byte[4], 2, 3));
    }

    @Test
    void shouldUseItsOwnManualClockByDefault() {
        MockAdapter plain = new MockAdapter();
        assertEquals("mock0", plain.name());
        assertEquals(Medium.IP, plain.medium());
        assertEquals(MockAdapter.DEFAULT_MTU, plain.mtu());
        plain.scriptAt(500, new byte[] {1});
        assertEquals(-1, plain.receive(into, 0, into.length));
        ((ManualClock) plain.clock()).set(500);
        assertEquals(1, plain.receive(into, 0, into.length));
    }

    @Test
    void shouldLetAnotherThreadScriptWhileTheStackThreadReceives() throws Exception {
        int frames = 10_000;
        Thread test = new Thread(() -> {
            for (int i = 0; i < frames; i++) {
                adapter.script(new byte[] {(byte) i, (byte) (i >> 8)});
            }
        });
        test.start();
        int received = 0;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (received < frames && System.nanoTime() < deadline) {
            if (adapter.receive(into, 0, into.length) == 2) {
                assertEquals(received, (into[0] & 0xff) | (into[1] & 0xff) << 8);
                received++;
            }
        }
        test.join(1_000);
        assertEquals(frames, received);
    }
}
