package io.slipway.hal.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Clock;
import io.slipway.hal.DropReason;
import io.slipway.hal.Medium;
import io.slipway.hal.framing.FrameDecoder;
import io.slipway.hal.framing.FrameEncoder;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.LinkCounters;
import io.slipway.testing.Await;
import io.slipway.testing.FrameExchange;
import io.slipway.testing.FramePattern;
import io.slipway.testing.SteadyState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(30)
class SerialAdapterTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final AtomicInteger wakeups = new AtomicInteger();

    static Stream<Framing> framings() {
        return Stream.of(Framing.SLIP, Framing.ETHERNET);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    // --- frames both ways ---

    @Test
    void shouldSizeTheTransmitRingForTwoEncodedFramesAndNoMore() {
        // SLIP, MTU 1006: a frame of all END bytes encodes to 2 * 1006 + 2 = 2014 bytes; two of
        // them fit in 4096. A deeper ring would hold a keystroke behind seconds of bulk data.
        assertEquals(4096, SerialAdapter.transmitRingFor(Framing.SLIP, 1006));
        int ethernet = SerialAdapter.transmitRingFor(Framing.ETHERNET, 1500);
        int maxWire = Framing.ETHERNET.newEncoder().maxWireLength(1514);
        assertEquals(1, Integer.bitCount(ethernet));
        assertTrue(ethernet >= 2 * maxWire && ethernet / 2 < 2 * maxWire, ethernet + " for frames of " + maxWire);
    }

    @ParameterizedTest
    @MethodSource("framings")
    void shouldCarryFramesByteExactBothWaysAtOnce(Framing framing) throws Exception {
        BytePipe pipe = new BytePipe(4096, 50);
        SerialAdapter left = adapter(pipe.a(), framing);
        SerialAdapter right = adapter(pipe.b(), framing);
        int min = framing.medium().headerLength() + 4;
        int max = left.maxFrameLength();

        FrameExchange.Result result = FrameExchange.run(
                left, new FramePattern(1, min, max), right, new FramePattern(2, min, max),
                new FrameExchange.Config(500, 16, Duration.ofSeconds(20)));

        assertNull(result.failure());
        assertEquals(500, left.counters().framesIn());
        assertEquals(500, right.counters().framesIn());
        assertEquals(0, left.counters().totalDrops(), left.toString());
        assertEquals(0, right.counters().totalDrops(), right.toString());
    }

    @ParameterizedTest
    @MethodSource("framings")
    void shouldPutTheFramingsExactBytesOnTheLine(Framing framing) throws Exception {
        BytePipe pipe = new BytePipe(4096, 1_000);
        SerialAdapter adapter = adapter(pipe.a(), framing);
        byte[] frame = frameWithSpecialBytes(40);

        assertTrue(adapter.transmit(frame, 0, frame.length));

        byte[] expected = new byte[framing.newEncoder().maxWireLength(frame.length)];
        int wire = framing.newEncoder().encode(frame, 0, frame.length, expected, 0);
        assertArrayEquals(Arrays.copyOf(expected, wire), readExactly(pipe.b(), wire));
        assertEquals(1, adapter.counters().framesOut());
        assertEquals(40, adapter.counters().bytesOut());
    }

    @ParameterizedTest
    @MethodSource("framings")
    void shouldDeliverADecodedFrameAndCallTheWakeup(Framing framing) throws Exception {
        BytePipe pipe = new BytePipe(4096, 1_000);
        SerialAdapter adapter = adapter(pipe.a(), framing);
        byte[] frame = frameWithSpecialBytes(60);

        writeEncoded(pipe.b(), framing, frame);
        Await.until(() -> wakeups.get() > 0, "wake-up after a frame arrived");

        byte[] into = new byte[adapter.maxFrameLength()];
        assertEquals(60, adapter.receive(into, 0, into.length));
        assertArrayEquals(frame, Arrays.copyOf(into, 60));
        assertEquals(-1, adapter.receive(into, 0, into.length));
        assertEquals(1, adapter.counters().framesIn());
        assertEquals(60, adapter.counters().bytesIn());
    }

    @ParameterizedTest
    @MethodSource("framings")
    void shouldNotAllocatePerFrameOnTheStackThread(Framing framing) {
        BytePipe pipe = new BytePipe(1 << 16, 50);
        SerialAdapter left = adapter(pipe.a(), framing);
        SerialAdapter right = adapter(pipe.b(), framing);
        byte[] frame = frameWithSpecialBytes(600);
        byte[] into = new byte[right.maxFrameLength()];
        int frames = 5_000; // per round

        SteadyState.assertAllocatesNothing("the stack thread moving frames", frames,
                () -> roundTrips(left, right, frame, into, frames));
    }

    // --- bad input ---

    @Test
    void shouldCountBadSlipInputAndKeepDecodingAfterIt() throws Exception {
        BytePipe pipe = new BytePipe(8192, 1_000);
        SerialAdapter adapter = adapter(pipe.a(), Framing.SLIP);
        byte[] tooLong = new byte[SerialAdapter.SLIP_MTU + 3];
        Arrays.fill(tooLong, (byte) 'x');
        tooLong[0] = (byte) 0xC0;
        tooLong[tooLong.length - 1] = (byte) 0xC0;

        write(pipe.b(), 0xC0, 1, 2, 0xDB, 0x01, 3, 0xC0); // ESC then neither ESC_END nor ESC_ESC
        pipe.b().write(tooLong, 0, tooLong.length);
        writeEncoded(pipe.b(), Framing.SLIP, new byte[] {'o', 'k'});
        Await.until(() -> wakeups.get() > 0, "the good frame after the bad ones");

        byte[] into = new byte[adapter.maxFrameLength()];
        assertEquals(2, adapter.receive(into, 0, into.length));
        assertEquals('o', into[0]);
        assertEquals(1, adapter.counters().drops(DropReason.BAD_ESCAPE));
        assertEquals(1, adapter.counters().drops(DropReason.FRAME_TOO_LONG));
        assertEquals(2, adapter.counters().totalDrops());
    }

    @Test
    void shouldCountBadEthernetFramesAndKeepDecodingAfterThem() throws Exception {
        BytePipe pipe = new BytePipe(8192, 1_000);
        SerialAdapter adapter = adapter(pipe.a(), Framing.ETHERNET);
        byte[] good = frameWithSpecialBytes(64);
        byte[] corrupted = encode(Framing.ETHERNET, good);
        corrupted[20] ^= 0x01; // a data byte, not a SLIP special, so only the FCS notices

        write(pipe.b(), 0xC0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0xC0); // shorter than header + FCS
        pipe.b().write(corrupted, 0, corrupted.length);
        writeEncoded(pipe.b(), Framing.ETHERNET, good);
        Await.until(() -> wakeups.get() > 0, "the good frame after the bad ones");

        byte[] into = new byte[adapter.maxFrameLength()];
        assertEquals(64, adapter.receive(into, 0, into.length));
        assertArrayEquals(good, Arrays.copyOf(into, 64));
        assertEquals(1, adapter.counters().drops(DropReason.RUNT));
        assertEquals(1, adapter.counters().drops(DropReason.BAD_FCS));
        assertEquals(2, adapter.counters().totalDrops());
    }

    @Test
    void shouldDropAFrameTooLongForTheCallersBufferAndReturnTheNext() throws Exception {
        BytePipe pipe = new BytePipe(4096, 1_000);
        SerialAdapter adapter = adapter(pipe.a(), Framing.SLIP);
        byte[] both = new byte[400];
        int n = encoder(Framing.SLIP).encode(new byte[100], 0, 100, both, 0);
        n += encoder(Framing.SLIP).encode(new byte[10], 0, 10, both, n);

        pipe.b().write(both, 0, n); // one write, so one read delivers both before the wake-up
        Await.until(() -> wakeups.get() > 0, "frames delivered");

        byte[] into = new byte[50];
        assertEquals(10, adapter.receive(into, 0, 50));
        assertEquals(1, adapter.counters().drops(DropReason.BUFFER_TOO_SMALL));
        assertEquals(1, adapter.counters().framesIn());
    }

    @Test
    void shouldCountFramesThatFindTheReceiveRingFull() throws Exception {
        BytePipe pipe = new BytePipe(8192, 1_000);
        // 2048 bytes of ring hold two 1000-byte frames with their 12-byte headers, not a third.
        SerialAdapter adapter = track(new SerialAdapter(pipe.a(), Framing.SLIP, SerialAdapter.SLIP_MTU, 2048, 4096));
        for (int i = 0; i < 5; i++) {
            byte[] frame = new byte[1000];
            frame[0] = (byte) i;
            writeEncoded(pipe.b(), Framing.SLIP, frame);
        }
        Await.until(() -> adapter.counters().drops(DropReason.RX_QUEUE_FULL) == 3, "three frames dropped");

        byte[] into = new byte[adapter.maxFrameLength()];
        assertEquals(1000, adapter.receive(into, 0, into.length));
        assertEquals(0, into[0]);
        assertEquals(1000, adapter.receive(into, 0, into.length));
        assertEquals(1, into[0]);
        assertEquals(-1, adapter.receive(into, 0, into.length));
    }

    /**
     * RFC 1144 §4.1: a loss is told at its place in the frame stream. The reader counts the bad
     * frame while the good one before it still waits in the ring; that one must not carry it.
     */
    @Test
    void shouldMarkEachQueuedFrameWithTheLossesFoundBeforeIt() throws Exception {
        BytePipe pipe = new BytePipe(8192, 1_000);
        SerialAdapter adapter = track(new SerialAdapter(pipe.a(), Framing.SLIP));
        writeEncoded(pipe.b(), Framing.SLIP, new byte[] {'a'});
        write(pipe.b(), 0xC0, 1, 2, 0xDB, 0x01, 3, 0xC0); // a bad escape between the two
        writeEncoded(pipe.b(), Framing.SLIP, new byte[] {'b'});
        // The reader decodes in line order: once it has counted the loss, 'a' is queued.
        Await.until(() -> adapter.counters().drops(DropReason.BAD_ESCAPE) == 1, "the bad frame found");

        byte[] into = new byte[adapter.maxFrameLength()];
        assertEquals(1, adapter.receive(into, 0, into.length));
        assertEquals('a', into[0]);
        assertEquals(0, adapter.receiveLossesBefore(), "'a' came before the loss");
        Await.until(() -> adapter.receive(into, 0, into.length) == 1, "'b'");
        assertEquals('b', into[0]);
        assertEquals(1, adapter.receiveLossesBefore(), "'b' came after it");
    }

    // --- transmit ---

    @Test
    void shouldApplyBackPressureWhenTheTransmitRingIsFullAndWakeWhenItDrains() throws Exception {
        BytePipe pipe = new BytePipe(1024, 20);
        GatedLine gated = new GatedLine(pipe.a());
        SerialAdapter adapter = track(new SerialAdapter(gated, Framing.SLIP, SerialAdapter.SLIP_MTU, 4096, 8192));
        adapter.setWakeup(wakeups::incrementAndGet);
        byte[] frame = new byte[1000];
        assertTrue(adapter.transmit(frame, 0, frame.length));
        int accepted = 1;
        frame[0] = 1;
        // The writer takes the first bytes out of the ring and stops at the shut gate, as on a
        // line that does not drain. From then on only transmit changes the ring, so the check
        // below cannot race a writer still moving bytes into the line (a CI failure of 2026-12-03).
        gated.awaitWriterAtGate();
        while (adapter.transmit(frame, 0, frame.length)) {
            frame[0] = (byte) ++accepted;
            assertTrue(accepted < 100, "transmit never pushed back");
        }
        assertFalse(adapter.canTransmit());
        int wakeupsWhenFull = wakeups.get();

        gated.open();
        byte[] line = drain(pipe.b(), accepted * 1002);
        Await.until(() -> wakeups.get() > wakeupsWhenFull, "wake-up once transmit room freed");

        assertTrue(adapter.canTransmit());
        assertEquals(accepted, adapter.counters().framesOut());
        List<byte[]> frames = decode(Framing.SLIP, line);
        assertEquals(accepted, frames.size());
        for (int i = 0; i < accepted; i++) {
            assertEquals((byte) i, frames.get(i)[0], "frame " + i + " in order");
            assertEquals(1000, frames.get(i).length);
        }
        assertTrue(adapter.transmit(frame, 0, frame.length));
    }

    @Test
    void shouldCountAndAcceptAFrameLongerThanTheMaximum() throws Exception {
        BytePipe pipe = new BytePipe(4096, 20);
        SerialAdapter adapter = adapter(pipe.a(), Framing.ETHERNET);
        byte[] frame = new byte[1515];

        assertTrue(adapter.transmit(frame, 0, frame.length));

        assertEquals(1, adapter.counters().drops(DropReason.TX_TOO_LONG));
        assertEquals(0, adapter.counters().framesOut());
        assertEquals(0, pipe.b().read(new byte[16], 0, 16), "nothing reached the line");
    }

    // --- link state, errors, close ---

    @Test
    void shouldTakeTheLinkDownCountALineErrorAndWakeWhenTheOtherEndHangsUp() throws Exception {
        BytePipe pipe = new BytePipe(4096, 1_000);
        SerialAdapter adapter = adapter(pipe.a(), Framing.SLIP);
        assertTrue(adapter.isLinkUp());

        pipe.b().close();
        Await.until(() -> !adapter.isLinkUp(), "link down");

        Await.until(() -> wakeups.get() > 0, "wake-up on link change");
        assertEquals(1, adapter.counters().drops(DropReason.LINE_ERROR));
        assertTrue(adapter.lineError().getMessage().contains("pipe.a"), adapter.lineError().getMessage());
        assertTrue(adapter.canTransmit(), "a frame sent while down is accepted");
        assertTrue(adapter.transmit(new byte[10], 0, 10));
        assertEquals(1, adapter.counters().drops(DropReason.LINK_DOWN));
        Await.until(adapter::threadsFinished, "reader and writer to stop");
    }

    @Test
    void shouldCountALineErrorWhenReadingFails() throws Exception {
        SerialLine failing = new StubLine() {
            @Override
            public int read(byte[] dst, int off, int len) throws IOException {
                throw new IOException("unplugged");
            }
        };
        SerialAdapter adapter = adapter(failing, Framing.SLIP);

        Await.until(() -> !adapter.isLinkUp(), "link down");

        assertEquals(1, adapter.counters().drops(DropReason.LINE_ERROR));
        assertEquals("unplugged", adapter.lineError().getMessage());
        Await.until(adapter::threadsFinished, "reader and writer to stop");
    }

    @Test
    void shouldTakeTheLinkDownAndCountOnceWhenWritingFails() throws Exception {
        StubLine failing = new StubLine() {
            @Override
            public void write(byte[] src, int off, int len) throws IOException {
                throw new IOException("write failed");
            }
        };
        SerialAdapter adapter = adapter(failing, Framing.SLIP);

        assertTrue(adapter.transmit(new byte[10], 0, 10));
        Await.until(adapter::threadsFinished, "reader and writer to stop");

        assertFalse(adapter.isLinkUp());
        assertEquals(1, adapter.counters().drops(DropReason.LINE_ERROR), adapter.toString());
        assertEquals("write failed", adapter.lineError().getMessage());
        assertTrue(failing.closed);
    }

    @Test
    void shouldUnblockBothThreadsAndCloseTheLineOnClose() throws Exception {
        // Reads wait a minute and the far end never reads: only close() can end either thread.
        BytePipe pipe = new BytePipe(1024, 60_000);
        SerialAdapter adapter = adapter(pipe.a(), Framing.SLIP);
        byte[] frame = new byte[1000];
        while (adapter.transmit(frame, 0, frame.length)) {
            // fill the pipe and the ring, so the writer blocks in write()
        }
        Thread tx = thread("slipway-serial-tx-pipe.a");
        Await.blocked(tx);

        adapter.close();

        assertTrue(adapter.threadsFinished());
        assertFalse(adapter.isLinkUp());
        assertEquals(0, adapter.counters().drops(DropReason.LINE_ERROR), "a deliberate close is no error");
        assertNull(adapter.lineError());
        assertThrows(IOException.class, () -> pipe.b().write(new byte[1], 0, 1), "line closed");
        adapter.close(); // idempotent
    }

    @Test
    void shouldLeaveNoThreadBehindAfterClose() throws Exception {
        for (int i = 0; i < 20; i++) {
            BytePipe pipe = new BytePipe("leak" + i, 1024, 60_000);
            SerialAdapter left = new SerialAdapter(pipe.a(), Framing.SLIP);
            SerialAdapter right = new SerialAdapter(pipe.b(), Framing.ETHERNET);
            left.transmit(new byte[100], 0, 100);
            right.close();
            left.close();
        }

        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("slipway-serial-") && t.getName().contains("leak")) {
                left.add(t.getName());
            }
        }
        assertEquals(List.of(), left);
    }

    @Test
    void shouldRunItsThreadsAsNamedDaemons() throws Exception {
        SerialAdapter adapter = adapter(new BytePipe("named", 1024, 1_000).a(), Framing.SLIP);

        Thread rx = thread("slipway-serial-rx-named.a");
        Thread tx = thread("slipway-serial-tx-named.a");

        assertTrue(rx.isDaemon() && tx.isDaemon());
        adapter.close();
    }

    @Test
    void shouldDescribeItselfFromTheLineAndFraming() {
        BytePipe pipe = new BytePipe("ttyS9", 1024, 1_000);
        SerialAdapter slip = adapter(pipe.a(), Framing.SLIP);
        SerialAdapter ethernet = adapter(pipe.b(), Framing.ETHERNET);

        assertEquals("ttyS9.a", slip.name());
        assertEquals(Medium.IP, slip.medium());
        assertEquals(1006, slip.mtu());
        assertEquals(1006, slip.maxFrameLength());
        assertEquals(Medium.ETHERNET, ethernet.medium());
        assertEquals(1514, ethernet.maxFrameLength());
        assertEquals(Clock.NEVER, slip.nextEventNanos());
        assertTrue(slip.isLinkUp());
        assertTrue(slip.canTransmit());
    }

    @Test
    void shouldRejectRingsTooSmallForOneFrame() {
        BytePipe pipe = new BytePipe(1024, 1_000);
        assertThrows(IllegalArgumentException.class,
                () -> new SerialAdapter(pipe.a(), Framing.ETHERNET, 1500, 1024, 8192));
        assertThrows(IllegalArgumentException.class,
                () -> new SerialAdapter(pipe.a(), Framing.ETHERNET, 1500, 4096, 2048));
    }

    // --- helpers ---

    /** Plays the stack thread of both adapters: each frame out of one and into the other. */
    private static void roundTrips(SerialAdapter from, SerialAdapter to, byte[] frame, byte[] into, int count) {
        for (int i = 0; i < count; i++) {
            while (!from.transmit(frame, 0, frame.length)) {
                Thread.onSpinWait();
            }
            int n;
            while ((n = to.receive(into, 0, into.length)) < 0) {
                Thread.onSpinWait();
            }
            if (n != frame.length) {
                throw new AssertionError("frame " + i + " came back with " + n + " bytes");
            }
        }
    }

    private SerialAdapter adapter(SerialLine line, Framing framing) {
        SerialAdapter adapter = track(new SerialAdapter(line, framing));
        adapter.setWakeup(wakeups::incrementAndGet);
        return adapter;
    }

    private SerialAdapter track(SerialAdapter adapter) {
        toClose.add(adapter);
        return adapter;
    }

    private static Thread thread(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no thread named " + name);
    }

    private static byte[] frameWithSpecialBytes(int len) {
        byte[] frame = new byte[len];
        for (int i = 0; i < len; i++) {
            frame[i] = (byte) (i * 7);
        }
        frame[len / 4] = (byte) 0xC0; // END
        frame[len / 2] = (byte) 0xDB; // ESC
        frame[len - 1] = (byte) 0xC0;
        return frame;
    }

    private static FrameEncoder encoder(Framing framing) {
        return framing.newEncoder();
    }

    private static byte[] encode(Framing framing, byte[] frame) {
        FrameEncoder encoder = framing.newEncoder();
        byte[] wire = new byte[encoder.maxWireLength(frame.length)];
        return Arrays.copyOf(wire, encoder.encode(frame, 0, frame.length, wire, 0));
    }

    private static void writeEncoded(SerialLine line, Framing framing, byte[] frame) throws IOException {
        byte[] wire = encode(framing, frame);
        line.write(wire, 0, wire.length);
    }

    private static void write(SerialLine line, int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        line.write(b, 0, b.length);
    }

    private static byte[] readExactly(SerialLine line, int n) throws IOException {
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            int r = line.read(b, got, n - got);
            if (r < 0) {
                throw new IOException("closed after " + got + " of " + n + " bytes");
            }
            got += r;
        }
        return b;
    }

    /** Reads at least {@code atLeast} bytes, then whatever else arrives before a read times out. */
    private static byte[] drain(SerialLine line, int atLeast) throws IOException {
        byte[] b = new byte[atLeast * 2 + 4096];
        int got = 0;
        while (true) {
            int r = line.read(b, got, b.length - got);
            if (r < 0 || (r == 0 && got >= atLeast)) {
                return Arrays.copyOf(b, got);
            }
            got += r;
        }
    }

    private static List<byte[]> decode(Framing framing, byte[] wire) {
        List<byte[]> frames = new ArrayList<>();
        LinkCounters counters = new LinkCounters();
        FrameDecoder decoder = framing.newDecoder(1514, (f, off, len) -> frames.add(Arrays.copyOfRange(f, off, off + len)),
                counters);
        decoder.accept(wire, 0, wire.length);
        assertEquals(0, counters.totalDrops(), counters.toString());
        return frames;
    }

    /** A line whose writes wait at a gate until it is opened (or the line closed). */
    private static final class GatedLine implements SerialLine {
        private final SerialLine line;
        private final CountDownLatch writerAtGate = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);

        GatedLine(SerialLine line) {
            this.line = line;
        }

        void awaitWriterAtGate() throws InterruptedException {
            assertTrue(writerAtGate.await(10, TimeUnit.SECONDS), "the writer never wrote");
        }

        void open() {
            gate.countDown();
        }

        @Override
        public String name() {
            return line.name();
        }

        @Override
        public int read(byte[] dst, int off, int len) throws IOException {
            return line.read(dst, off, len);
        }

        @Override
        public void write(byte[] src, int off, int len) throws IOException {
            writerAtGate.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted at the gate", e);
            }
            line.write(src, off, len);
        }

        @Override
        public void close() {
            line.close();
            gate.countDown();
        }
    }

    /** A line that waits on reads until closed; subclasses make it fail. */
    private static class StubLine implements SerialLine {
        volatile boolean closed;

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public int read(byte[] dst, int off, int len) throws IOException {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
            return closed ? -1 : 0;
        }

        @Override
        public void write(byte[] src, int off, int len) throws IOException {
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
