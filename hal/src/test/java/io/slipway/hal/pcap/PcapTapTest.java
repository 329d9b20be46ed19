package io.slipway.hal.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.hal.pcap.PcapTap.Capture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapTapTest {
    /** 2024-01-01T00:00:00Z in nanoseconds: a fixed epoch, so virtual-time captures are reproducible. */
    private static final long EPOCH = 1_704_067_200_000_000_000L;

    private final ManualClock clock = new ManualClock();
    private final MockAdapter mock = new MockAdapter(clock);
    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private final byte[] into = new byte[2048];

    private PcapTap tap(MockAdapter inner) throws IOException {
        return new PcapTap(inner, new PcapWriter(file, PcapLinkType.of(inner.medium()), 65535), clock, EPOCH);
    }

    @Test
    void shouldRecordEveryTransmittedFrameAndPassItOn() throws IOException {
        PcapTap tap = tap(mock);
        clock.set(1_500_000);
        assertTrue(tap.transmit(new byte[] {0, 0x45, 1, 2}, 1, 3));
        clock.set(2_000_000_001L);
        assertTrue(tap.transmit(new byte[] {0x45, 3}, 0, 2));
        tap.close();

        assertArrayEquals(new byte[] {0x45, 1, 2}, mock.takeNextTransmitted());
        PcapReader.Capture c = PcapReader.read(file.toByteArray());
        assertEquals(PcapLinkType.RAW, c.linkType);
        assertEquals(2, c.records.size());
        assertArrayEquals(new byte[] {0x45, 1, 2}, c.records.get(0).data);
        assertEquals(EPOCH + 1_500_000, c.records.get(0).epochNanos(c.nanosecond));
        assertArrayEquals(new byte[] {0x45, 3}, c.records.get(1).data);
        assertEquals(EPOCH + 2_000_000_000L, c.records.get(1).epochNanos(c.nanosecond));
        assertEquals(2, tap.captureCounters().get(Capture.FRAMES));
        assertEquals(5, tap.captureCounters().get(Capture.BYTES));
    }

    @Test
    void shouldRecordEveryReceivedFrame() throws IOException {
        PcapTap tap = tap(mock);
        mock.script(new byte[] {0x45, 7, 7});
        mock.scriptAt(3_000, new byte[] {0x45, 8});
        assertEquals(3, tap.receive(into, 5, 100));
        assertEquals(-1, tap.receive(into, 0, 100));
        clock.set(3_000);
        assertEquals(2, tap.receive(into, 0, 100));
        tap.close();

        PcapReader.Capture c = PcapReader.read(file.toByteArray());
        assertEquals(2, c.records.size());
        assertArrayEquals(new byte[] {0x45, 7, 7}, c.records.get(0).data);
        assertArrayEquals(new byte[] {0x45, 8}, c.records.get(1).data);
        assertEquals(EPOCH + 3_000, c.records.get(1).epochNanos(c.nanosecond));
    }

    @Test
    void shouldNotRecordAFrameTheAdapterRefused() throws IOException {
        PcapTap tap = tap(mock);
        mock.setTransmitQueueFull(true);
        assertFalse(tap.transmit(new byte[] {0x45}, 0, 1));
        tap.close();
        assertEquals(0, PcapReader.read(file.toByteArray()).records.size());
    }

    /** As tcpdump does: what the stack handed to the adapter is shown, even if the link then drops it. */
    @Test
    void shouldRecordAnAcceptedFrameEvenIfTheAdapterDropsIt() throws IOException {
        PcapTap tap = tap(mock);
        mock.setLinkUp(false);
        assertTrue(tap.transmit(new byte[] {0x45}, 0, 1));
        tap.close();
        assertEquals(1, PcapReader.read(file.toByteArray()).records.size());
    }

    @Test
    void shouldRecordEthernetFramesAsLinktypeEthernet() throws IOException {
        MockAdapter ethernet = new MockAdapter("eth", Medium.ETHERNET, 1500, clock);
        PcapTap tap = tap(ethernet);
        tap.transmit(new byte[60], 0, 60);
        tap.close();
        PcapReader.Capture c = PcapReader.read(file.toByteArray());
        assertEquals(PcapLinkType.ETHERNET, c.linkType);
        assertEquals(60, c.records.get(0).originalLength);
    }

    @Test
    void shouldRefuseACaptureWhoseLinkTypeDoesNotFitTheMedium() throws IOException {
        PcapWriter ethernetCapture = new PcapWriter(file, PcapLinkType.ETHERNET, 65535);
        assertThrows(IllegalArgumentException.class, () -> new PcapTap(mock, ethernetCapture, clock, EPOCH));
    }

    @Test
    void shouldWriteTheSameBytesForTheSameVirtualRun() throws IOException {
        assertArrayEquals(virtualRun(), virtualRun());
    }

    private static byte[] virtualRun() throws IOException {
        ManualClock clock = new ManualClock();
        MockAdapter inner = new MockAdapter(clock);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapTap tap = new PcapTap(inner, new PcapWriter(out, PcapLinkType.RAW, 65535), clock, EPOCH);
        for (int i = 0; i < 10; i++) {
            clock.advanceMillis(137);
            tap.transmit(new byte[] {0x45, (byte) i}, 0, 2);
            inner.script(new byte[] {0x45, (byte) -i});
            tap.receive(new byte[100], 0, 100);
        }
        tap.close();
        return out.toByteArray();
    }

    @Test
    void shouldKeepTheLinkWorkingWhenTheCaptureFails() throws IOException {
        // room for the file header and one 16 + 3 byte record, not for a second record
        FailingStream disk = new FailingStream(24 + 19 + 10);
        PcapTap tap = new PcapTap(mock, new PcapWriter(disk, PcapLinkType.RAW, 65535), clock, EPOCH);
        mock.script(new byte[] {0x45, 0, 1});
        mock.script(new byte[] {0x45, 0, 2});

        assertTrue(tap.transmit(new byte[] {0x45, 1, 1}, 0, 3));
        assertTrue(tap.transmit(new byte[] {0x45, 1, 2}, 0, 3));
        assertFalse(tap.isCapturing());
        assertTrue(tap.transmit(new byte[] {0x45, 1, 3}, 0, 3));
        assertEquals(3, tap.receive(into, 0, 100));
        assertEquals(3, tap.receive(into, 0, 100));

        assertEquals(3, mock.transmittedCount());
        assertEquals(2, mock.counters().framesIn());
        assertEquals(1, tap.captureCounters().get(Capture.FRAMES));
        assertEquals(4, tap.captureCounters().get(Capture.FRAMES_LOST));
        assertEquals(1, tap.captureCounters().get(Capture.ERRORS));
        assertEquals("No space left on device", tap.captureError().getMessage());
        // the failed capture was closed once and never written again
        assertEquals(1, disk.writesAfterFailure);
        assertEquals(1, disk.closes);
        tap.close();
        assertEquals(1, disk.closes);
        assertTrue(mock.isClosed());
    }

    @Test
    void shouldCloseTheAdapterAndTheCaptureOnce() throws IOException {
        FailingStream disk = new FailingStream(Integer.MAX_VALUE);
        PcapTap tap = new PcapTap(mock, new PcapWriter(disk, PcapLinkType.RAW, 65535), clock, EPOCH);
        assertTrue(tap.isCapturing());
        tap.close();
        tap.close();
        assertTrue(mock.isClosed());
        assertEquals(1, disk.closes);
        assertFalse(tap.isCapturing());
        assertNull(tap.captureError());
    }

    @Test
    void shouldActAsTheAdapterItWraps() throws IOException {
        MockAdapter inner = new MockAdapter("ttyS9", Medium.ETHERNET, 576, clock);
        PcapTap tap = tap(inner);
        assertSame(inner, tap.inner());
        assertEquals("ttyS9", tap.name());
        assertEquals(Medium.ETHERNET, tap.medium());
        assertEquals(576, tap.mtu());
        assertEquals(590, tap.maxFrameLength());
        assertSame(inner.counters(), tap.counters());
        inner.setLinkUp(false);
        assertFalse(tap.isLinkUp());
        inner.setTransmitQueueFull(true);
        assertFalse(tap.canTransmit());
        inner.scriptAt(777, new byte[1]);
        assertEquals(777, tap.nextEventNanos());
        int[] wakeups = new int[1];
        tap.setWakeup(() -> wakeups[0]++);
        inner.script(new byte[1]);
        assertEquals(1, wakeups[0]);
    }

    @Test
    void shouldWriteACaptureFile(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("mock0.pcap");
        PcapTap tap = PcapTap.toFile(mock, path, clock, PcapTap.wallClockOffset(clock));
        tap.transmit(new byte[] {0x45, 0, 0}, 0, 3);
        tap.close();
        PcapReader.Capture c = PcapReader.read(Files.readAllBytes(path));
        assertEquals(PcapLinkType.RAW, c.linkType);
        assertEquals(1, c.records.size());
        // stamped with today's calendar time, give or take a minute
        long ageNanos = System.currentTimeMillis() * 1_000_000L - c.records.get(0).epochNanos(c.nanosecond);
        assertTrue(Math.abs(ageNanos) < 60_000_000_000L, "capture time off by " + ageNanos + " ns");
    }
}
