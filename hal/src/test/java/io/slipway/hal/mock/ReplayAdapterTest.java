package io.slipway.hal.mock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Clock;
import io.slipway.hal.DropReason;
import io.slipway.hal.Medium;
import io.slipway.testing.SteadyState;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReplayAdapterTest {
    private final ReplayAdapter adapter = new ReplayAdapter("replay1", Medium.ETHERNET, 100);
    private final byte[] buffer = new byte[200];

    @Test
    void shouldDescribeTheLinkItWasBuiltWith() {
        assertEquals("replay1", adapter.name());
        assertEquals(Medium.ETHERNET, adapter.medium());
        assertEquals(100, adapter.mtu());
        assertEquals(114, adapter.maxFrameLength());
        assertEquals(114, adapter.rxFrame().length);
        assertTrue(adapter.isLinkUp());
        assertTrue(adapter.canTransmit());
        assertEquals(Clock.NEVER, adapter.nextEventNanos());
        assertEquals(-1, adapter.receive(buffer, 0, buffer.length), "nothing to replay yet");
    }

    @Test
    void shouldRefuseANonPositiveMtuAndBadReplays() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayAdapter("r", Medium.IP, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> adapter.replay(115, 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.replay(10, -1));
    }

    @Test
    void shouldReplayAFrameExactlyTheTimesAsked() {
        byte[] frame = {1, 2, 3, 4, 5};
        adapter.replay(frame, frame.length, 3);
        frame[0] = 9; // copied: the caller's array is not replayed

        for (int i = 0; i < 3; i++) {
            assertEquals(3 - i, adapter.pendingReceive());
            Arrays.fill(buffer, (byte) 0);
            assertEquals(5, adapter.receive(buffer, 7, 10));
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, Arrays.copyOfRange(buffer, 7, 12));
        }
        assertEquals(-1, adapter.receive(buffer, 0, buffer.length));
        assertEquals(0, adapter.pendingReceive());
        assertEquals(3, adapter.counters().framesIn());
        assertEquals(15, adapter.counters().bytesIn());
    }

    @Test
    void shouldReplayWhatIsWrittenInPlace() {
        adapter.rxFrame()[0] = 42;
        adapter.replay(1, 1);
        adapter.rxFrame()[0] = 43; // written after replay: what the receive hands up

        assertEquals(1, adapter.receive(buffer, 0, buffer.length));
        assertEquals(43, buffer[0]);
    }

    @Test
    void shouldDropFramesLongerThanTheBuffer() {
        adapter.replay(20, 2);

        assertEquals(-1, adapter.receive(buffer, 0, 19));
        assertEquals(2, adapter.counters().drops(DropReason.BUFFER_TOO_SMALL));
        assertEquals(0, adapter.counters().framesIn());
    }

    @Test
    void shouldKeepOnlyTheLastTransmittedFrameByteExact() {
        byte[] first = {10, 11, 12, 13};
        byte[] second = {0, 0, 20, 21, 22, 0};
        assertTrue(adapter.transmit(first, 0, first.length));
        assertTrue(adapter.transmit(second, 2, 3));
        second[2] = 99; // copied: later changes to the caller's array do not show

        assertEquals(3, adapter.lastTransmittedLength());
        assertArrayEquals(new byte[] {20, 21, 22}, Arrays.copyOf(adapter.lastTransmitted(), 3));
        assertEquals(2, adapter.counters().framesOut());
        assertEquals(7, adapter.counters().bytesOut());
    }

    @Test
    void shouldDropWhatALinkWouldDrop() {
        byte[] frame = new byte[115];
        assertTrue(adapter.transmit(frame, 0, 115), "too long: taken and dropped");
        adapter.setLinkUp(false);
        assertFalse(adapter.isLinkUp());
        assertTrue(adapter.transmit(frame, 0, 60), "link down: taken and dropped");

        assertEquals(1, adapter.counters().drops(DropReason.TX_TOO_LONG));
        assertEquals(1, adapter.counters().drops(DropReason.LINK_DOWN));
        assertEquals(0, adapter.counters().framesOut());
        assertEquals(0, adapter.lastTransmittedLength());
    }

    @Test
    void shouldRefuseFramesWhileTransmitIsOff() {
        adapter.setCanTransmit(false);
        assertFalse(adapter.canTransmit());
        assertFalse(adapter.transmit(new byte[10], 0, 10));
        assertEquals(0, adapter.counters().framesOut());
        assertEquals(0, adapter.counters().totalDrops());

        adapter.setCanTransmit(true);
        assertTrue(adapter.transmit(new byte[10], 0, 10));
        assertEquals(1, adapter.counters().framesOut());
    }

    @Test
    void shouldNotAllocatePerFrame() {
        int frames = 10_000;
        adapter.rxFrame()[13] = 7;
        SteadyState.assertAllocatesNothing("replaying and transmitting", frames, () -> {
            adapter.replay(60, frames);
            int length;
            while ((length = adapter.receive(buffer, 0, buffer.length)) > 0) {
                adapter.transmit(buffer, 0, length);
            }
        });

        assertEquals(adapter.counters().framesIn(), adapter.counters().framesOut());
        assertEquals(0, adapter.counters().framesIn() % frames);
        assertEquals(7, adapter.lastTransmitted()[13]);
    }
}
