package io.slipway.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.DropReason;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanDriverTest {
    private final MockAdapter adapter = new MockAdapter("mock0", Medium.IP, 100, new ManualClock());
    private final LanDriver driver = new LanDriver(adapter, 256);
    private final List<byte[]> delivered = new ArrayList<>();

    LanDriverTest() {
        driver.setReceiver((d, frame, now) ->
                delivered.add(Arrays.copyOfRange(frame.data(), frame.offset(), frame.end())));
    }

    @Test
    void shouldHandAFrameStraightToAnAdapterWithRoom() {
        assertTrue(driver.send(frame(1, 20), 0, 20));
        assertArrayEquals(frame(1, 20), adapter.takeNextTransmitted());
        assertFalse(driver.hasBacklog());
    }

    @Test
    void shouldKeepFramesInOrderInTheBacklogWhileTheAdapterIsFull() {
        adapter.setTransmitQueueFull(true);
        driver.send(frame(1, 20), 0, 20);
        driver.send(frame(2, 30), 0, 30);
        adapter.assertNothingTransmitted();
        assertTrue(driver.hasBacklog());

        adapter.setTransmitQueueFull(false);
        // A new frame must queue behind the backlog, not overtake it.
        driver.send(frame(3, 10), 0, 10);
        driver.poll(0, 8);

        List<byte[]> out = adapter.takeTransmitted();
        assertEquals(3, out.size());
        assertArrayEquals(frame(1, 20), out.get(0));
        assertArrayEquals(frame(2, 30), out.get(1));
        assertArrayEquals(frame(3, 10), out.get(2));
        assertEquals(3, driver.events().get(DriverEvent.BACKLOGGED));
    }

    @Test
    void shouldSendLowDelayFramesAheadOfTheBulkFramesInTheBacklogEachLaneInOrder() {
        adapter.setTransmitQueueFull(true);
        driver.send(ipv4(1, 90, 0), 0, 90);
        driver.send(ipv4(2, 20, TrafficClass.TOS_LOW_DELAY), 0, 20);
        driver.send(ipv4(3, 90, 0), 0, 90);
        driver.send(ipv4(4, 20, TrafficClass.TOS_LOW_DELAY), 0, 20);

        adapter.setTransmitQueueFull(false);
        driver.poll(0, 8);

        List<byte[]> out = adapter.takeTransmitted();
        assertEquals(List.of(2, 4, 1, 3), out.stream().map(f -> (int) f[2]).toList());
        assertEquals(2, driver.events().get(DriverEvent.BACKLOGGED));
        assertEquals(2, driver.events().get(DriverEvent.BACKLOGGED_LOW_DELAY));
    }

    @Test
    void shouldHandALowDelayFrameToTheAdapterPastBulkFramesStillWaiting() {
        adapter.setTransmitQueueFull(true);
        driver.send(ipv4(1, 90, 0), 0, 90);
        adapter.setTransmitQueueFull(false);

        driver.send(ipv4(2, 20, TrafficClass.TOS_LOW_DELAY), 0, 20);
        driver.send(ipv4(3, 90, 0), 0, 90); // bulk: behind the bulk frame that waits
        driver.poll(0, 8);

        assertEquals(List.of(2, 1, 3), adapter.takeTransmitted().stream().map(f -> (int) f[2]).toList());
    }

    @Test
    void shouldDropAndCountWhenTheBacklogIsFull() {
        adapter.setTransmitQueueFull(true);
        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            if (driver.send(frame(i, 100), 0, 100)) {
                accepted++;
            }
        }
        // 256 bytes of backlog hold two 100-byte frames with their 4-byte length headers.
        assertEquals(2, accepted);
        assertEquals(8, driver.events().get(DriverEvent.BACKLOG_FULL));
    }

    @Test
    void shouldLetTheAdapterDropAFrameLongerThanTheLink() {
        assertFalse(driver.send(new byte[101], 0, 101));
        assertEquals(1, adapter.counters().drops(DropReason.TX_TOO_LONG));
        assertFalse(driver.hasBacklog());
    }

    @Test
    void shouldDeliverReceivedFramesUpToTheBudget() {
        for (int i = 0; i < 5; i++) {
            adapter.script(frame(i, 10 + i));
        }
        assertEquals(3, driver.poll(0, 3));
        assertEquals(2, driver.poll(0, 3));
        assertEquals(5, delivered.size());
        assertArrayEquals(frame(4, 14), delivered.get(4));
    }

    @Test
    void shouldCountFramesThatFindNoReceiver() {
        LanDriver bare = new LanDriver(adapter, 256);
        adapter.script(frame(1, 10));
        bare.poll(0, 8);
        assertEquals(1, bare.events().get(DriverEvent.NO_RECEIVER));
    }

    @Test
    void shouldRefuseABacklogTooSmallForOneFrame() {
        assertThrows(IllegalArgumentException.class, () -> new LanDriver(adapter, 64));
    }

    /** An IPv4 header's first bytes with type of service {@code tos}, then {@code tag}. */
    private static byte[] ipv4(int tag, int len, int tos) {
        byte[] f = frame(tag, len);
        f[0] = 0x45;
        f[1] = (byte) tos;
        return f;
    }

    private static byte[] frame(int tag, int len) {
        byte[] f = new byte[len];
        Arrays.fill(f, (byte) tag);
        return f;
    }
}
