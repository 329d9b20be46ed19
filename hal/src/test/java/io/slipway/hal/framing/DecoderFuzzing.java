package io.slipway.hal.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.DropReason;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The invariants both fuzz targets check on whatever bytes the fuzzer makes up as a line:
 *
 * <ol>
 *   <li>decoding never throws, whatever the line;
 *   <li>every delivered frame is at most the decoder's maximum;
 *   <li>the line decodes the same fed in one call or byte by byte;
 *   <li>a frame that goes through the encoder comes back byte-exact, on a fresh decoder and also
 *       right after the line, however the line left the decoder (its leading END resynchronises,
 *       RFC 1055).
 * </ol>
 *
 * The frame encoded is the line itself, cut to the maximum, so the fuzzer steers it as well.
 */
final class DecoderFuzzing {
    private DecoderFuzzing() {
    }

    /** Copies each frame (they are small) and checks its bounds as it arrives. */
    private static final class CheckingSink implements FrameSink {
        private final int max;
        private final FrameRecorder recorder = new FrameRecorder();

        CheckingSink(int max) {
            this.max = max;
        }

        @Override
        public void onFrame(byte[] frame, int off, int len) {
            assertTrue(len > 0, "empty frame delivered");
            assertTrue(len <= max, "frame of " + len + " bytes delivered, max " + max);
            assertTrue(off >= 0 && off + len <= frame.length, "frame outside its array");
            recorder.onFrame(frame, off, len);
        }
    }

    static void check(Framing framing, int max, byte[] line) {
        // 1-3: the line in one go and byte by byte.
        LinkCounters bulkCounters = new LinkCounters();
        CheckingSink bulk = new CheckingSink(max);
        FrameDecoder bulkDecoder = framing.newDecoder(max, bulk, bulkCounters);
        bulkDecoder.accept(line, 0, line.length);

        LinkCounters singleCounters = new LinkCounters();
        CheckingSink single = new CheckingSink(max);
        FrameDecoder singleDecoder = framing.newDecoder(max, single, singleCounters);
        for (byte b : line) {
            singleDecoder.accept(b);
        }
        assertEquals(bulk.recorder.count(), single.recorder.count(), "frames, one call vs byte by byte");
        for (int i = 0; i < bulk.recorder.count(); i++) {
            assertArrayEquals(bulk.recorder.frame(i), single.recorder.frame(i), "frame " + i);
        }
        assertEquals(bulkCounters.toString(), singleCounters.toString());

        // 4: encode the line as a frame, check the lengths the encoder promises.
        byte[] frame = Arrays.copyOf(line, Math.min(line.length, max));
        FrameEncoder encoder = framing.newEncoder();
        byte[] wire = new byte[encoder.maxWireLength(frame.length)];
        int n = encoder.encode(frame, 0, frame.length, wire, 0);
        assertEquals(n, encoder.wireLength(frame, 0, frame.length), "wireLength");
        assertTrue(n <= wire.length, "maxWireLength");

        // ... decode it on a fresh decoder: exactly that frame, nothing dropped ...
        LinkCounters freshCounters = new LinkCounters();
        CheckingSink fresh = new CheckingSink(max);
        framing.newDecoder(max, fresh, freshCounters).accept(wire, 0, n);
        boolean deliverable = frame.length >= framing.medium().headerLength() && frame.length > 0;
        if (deliverable) {
            assertEquals(1, fresh.recorder.count(), "frames from one encoded frame");
            assertArrayEquals(frame, fresh.recorder.frame(0), "round trip");
            assertEquals(0, freshCounters.totalDrops(), freshCounters.toString());
        } else if (framing.medium() == Medium.ETHERNET) {
            assertEquals(0, fresh.recorder.count());
            assertEquals(1, freshCounters.drops(DropReason.RUNT), freshCounters.toString());
        } else {
            // An empty SLIP frame is END END: nothing to deliver, nothing to count.
            assertEquals(0, fresh.recorder.count());
            assertEquals(0, freshCounters.totalDrops(), freshCounters.toString());
        }

        // ... and right after the line, whatever state it left the decoder in.
        int before = bulk.recorder.count();
        bulkDecoder.accept(wire, 0, n);
        if (deliverable) {
            assertTrue(bulk.recorder.count() > before, "the frame after the line was lost: " + bulkCounters);
            assertArrayEquals(frame, bulk.recorder.last(), "the frame after the line");
        }
    }

    /** The seed files Jazzer replays for {@code testClass}'s {@code method} under plain mvn test. */
    static long seedCount(Class<?> testClass, String method) {
        URL dir = testClass.getResource(testClass.getSimpleName() + "Inputs/" + method);
        assertTrue(dir != null, "no seed corpus next to " + testClass.getName());
        try (Stream<Path> files = Files.list(Paths.get(dir.toURI()))) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
