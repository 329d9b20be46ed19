package io.slipway.hal.pcap;

import static io.slipway.hal.mock.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.AllocationMeter;
import io.slipway.testing.SteadyState;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapWriterTest {
    /** 2023-11-14T22:13:20.123456789Z: 1,700,000,000 s (0x6553f100) and 123,456 µs (0x0001e240). */
    private static final long TIME = 1_700_000_000_123_456_789L;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void shouldWriteTheFileHeaderAsFixedBytes() throws IOException {
        new PcapWriter(out, PcapLinkType.RAW, 65535);
        assertArrayEquals(bytes("a1b2c3d4 0002 0004 00000000 00000000 0000ffff 00000065"), out.toByteArray());
    }

    @Test
    void shouldWriteARecordAsFixedBytes() throws IOException {
        PcapWriter w = new PcapWriter(out, PcapLinkType.ETHERNET, 65535);
        out.reset();
        w.write(TIME, new byte[] {9, 0x45, 0x00, (byte) 0xff, 9}, 1, 3);
        assertArrayEquals(bytes("6553f100 0001e240 00000003 00000003 4500ff"), out.toByteArray());
    }

    @Test
    void shouldCutAFrameToSnaplenKeepingItsOriginalLength() throws IOException {
        PcapWriter w = new PcapWriter(out, PcapLinkType.RAW, 4);
        out.reset();
        w.write(TIME, new byte[] {1, 2, 3, 4, 5, 6}, 0, 6);
        assertArrayEquals(bytes("6553f100 0001e240 00000004 00000006 01020304"), out.toByteArray());
    }

    @Test
    void shouldCutNanosecondsDownToMicrosecondsWithoutRoundingIntoTheNextSecond() throws IOException {
        PcapWriter w = new PcapWriter(out, PcapLinkType.RAW, 65535);
        out.reset();
        w.write(1_999_999_999L, new byte[0], 0, 0);
        assertArrayEquals(bytes("00000001 000f423f 00000000 00000000"), out.toByteArray());
    }

    @Test
    void shouldKeepTheMicrosecondFieldInRangeBefore1970() throws IOException {
        PcapWriter w = new PcapWriter(out, PcapLinkType.RAW, 65535);
        w.write(-1_000L, new byte[0], 0, 0);
        PcapReader.Record r = PcapReader.read(out.toByteArray()).records.get(0);
        assertEquals(0xffffffffL, r.seconds);
        assertEquals(999_999, r.fraction);
    }

    @Test
    void shouldRefuseANonPositiveSnaplen() {
        assertThrows(IllegalArgumentException.class, () -> new PcapWriter(out, PcapLinkType.RAW, 0));
    }

    @Test
    void shouldRefuseARangeOutsideTheFrame() throws IOException {
        PcapWriter w = new PcapWriter(out, PcapLinkType.RAW, 65535);
        assertThrows(IndexOutOfBoundsException.class, () -> w.write(0, new byte[4], 2, 3));
    }

    @Test
    void shouldRoundTripFramesThroughAnIndependentReader() throws IOException {
        PcapWriter w = new PcapWriter(out, PcapLinkType.ETHERNET, 1000);
        SplittableRandom random = new SplittableRandom(5);
        List<byte[]> frames = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        long t = TIME;
        for (int i = 0; i < 300; i++) {
            byte[] frame = new byte[random.nextInt(1600)];
            random.nextBytes(frame);
            t += random.nextInt(2_000_000_000);
            frames.add(frame);
            times.add(t);
            w.write(t, frame, 0, frame.length);
        }

        PcapReader.Capture c = PcapReader.read(out.toByteArray());
        assertEquals(PcapWriter.MAGIC_MICROSECONDS, c.magic);
        assertEquals(2, c.versionMajor);
        assertEquals(4, c.versionMinor);
        assertEquals(0, c.thiszone);
        assertEquals(0, c.sigfigs);
        assertEquals(1000, c.snaplen);
        assertEquals(PcapLinkType.ETHERNET, c.linkType);
        assertEquals(frames.size(), c.records.size());
        for (int i = 0; i < frames.size(); i++) {
            PcapReader.Record r = c.records.get(i);
            byte[] frame = frames.get(i);
            assertEquals(frame.length, r.originalLength, "record " + i);
            assertArrayEquals(Arrays.copyOf(frame, Math.min(frame.length, 1000)), r.data, "record " + i);
            assertEquals(times.get(i) / 1_000 * 1_000, r.epochNanos(c.nanosecond), "record " + i);
        }
    }

    @Test
    void shouldWriteAFileThatReadsBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("capture.pcap");
        try (PcapWriter w = PcapWriter.toFile(file, PcapLinkType.RAW)) {
            assertEquals(PcapWriter.DEFAULT_SNAPLEN, w.snaplen());
            w.write(TIME, new byte[] {0x45, 1, 2}, 0, 3);
        }
        PcapReader.Capture c = PcapReader.read(Files.readAllBytes(file));
        assertEquals(PcapLinkType.RAW, c.linkType);
        assertEquals(1, c.records.size());
        assertArrayEquals(new byte[] {0x45, 1, 2}, c.records.get(0).data);
    }

    @Test
    void shouldFlushAndCloseTheStream() throws IOException {
        boolean[] flushed = new boolean[1];
        boolean[] closed = new boolean[1];
        OutputStream stream = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void flush() {
                flushed[0] = true;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        PcapWriter w = new PcapWriter(stream, PcapLinkType.RAW, 100);
        w.flush();
        assertTrue(flushed[0]);
        w.close();
        assertTrue(closed[0]);
    }

    @Test
    void shouldNotAllocatePerRecord() throws IOException {
        PcapWriter w = new PcapWriter(new BufferedOutputStream(OutputStream.nullOutputStream(), 65536),
                PcapLinkType.ETHERNET, 65535);
        byte[] frame = new byte[1514];
        int records = 200_000; // per round
        AllocationMeter.Body<IOException> writing = () -> {
            for (int i = 0; i < records; i++) {
                w.write(TIME + i, frame, 0, 60 + i % 1400);
            }
        };
        SteadyState.assertAllocatesNothingChecked("writing records", records, writing);
    }
}
