package io.slipway.bench;

import io.slipway.hal.LinkCounters;
import io.slipway.hal.framing.FrameDecoder;
import io.slipway.hal.framing.FrameEncoder;
import io.slipway.hal.framing.FrameSink;
import io.slipway.hal.framing.Framing;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SLIP (RFC 1055) and Ethernet-over-serial encode and decode, one frame per benchmark operation,
 * over a fixed mix of frames of 64..1006 bytes (1006 being RFC 1055's usual SLIP MTU) with END
 * and ESC bytes sprinkled in so that stuffing is exercised.
 *
 * <p>Results: the primary score is frames/µs; the {@code bytes} secondary score counts frame bytes
 * (before stuffing and FCS), so in bytes/µs it reads directly as MB/s (10^6 B/s). With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per operation, i.e. per frame:
 * the hot path must show 0.
 *
 * <pre>
 * java -jar test-harness/target/benchmarks.jar SlipCodecBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SlipCodecBenchmark {
    /** Frames in the mix; a power of two so the next one is picked with a mask. */
    private static final int FRAMES = 256;
    private static final int MIN_LENGTH = 64;
    private static final int MAX_LENGTH = 1006;

    @Param({"slip", "ethernet"})
    public String framing;

    private byte[][] frames;
    private byte[][] wires;
    private int[] wireLengths;
    private byte[] wire;
    private FrameEncoder encoder;
    private FrameDecoder decoder;
    private final CountingSink sink = new CountingSink();
    private int next;

    /** Frame bytes handled: JMH reports it per time unit next to the primary score. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class FrameBytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    /** Keeps a running count so the decoded frames are used, and allocates nothing. */
    static final class CountingSink implements FrameSink {
        long frames;
        long bytes;

        @Override
        public void onFrame(byte[] frame, int off, int len) {
            frames++;
            bytes += len + frame[off];
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        Framing f = Framing.named(framing);
        SplittableRandom random = new SplittableRandom(1055);
        frames = new byte[FRAMES][];
        wires = new byte[FRAMES][];
        wireLengths = new int[FRAMES];
        encoder = f.newEncoder();
        decoder = f.newDecoder(MAX_LENGTH, sink, new LinkCounters());
        wire = new byte[encoder.maxWireLength(MAX_LENGTH)];
        for (int i = 0; i < FRAMES; i++) {
            byte[] frame = new byte[MIN_LENGTH + random.nextInt(MAX_LENGTH - MIN_LENGTH + 1)];
            for (int j = 0; j < frame.length; j++) {
                int pick = random.nextInt(64);
                frame[j] = pick == 0 ? (byte) 0xC0 : pick == 1 ? (byte) 0xDB : (byte) random.nextInt(256);
            }
            frames[i] = frame;
            wires[i] = new byte[encoder.maxWireLength(frame.length)];
            wireLengths[i] = encoder.encode(frame, 0, frame.length, wires[i], 0);
        }
        checkRoundTrip(f);
    }

    /** A benchmark of a codec that loses frames would measure nothing: check every frame once. */
    private void checkRoundTrip(Framing f) {
        byte[][] got = new byte[1][];
        FrameDecoder check = f.newDecoder(MAX_LENGTH, (b, off, len) -> got[0] = Arrays.copyOfRange(b, off, off + len),
                new LinkCounters());
        for (int i = 0; i < FRAMES; i++) {
            got[0] = null;
            check.accept(wires[i], 0, wireLengths[i]);
            if (!Arrays.equals(frames[i], got[0])) {
                throw new IllegalStateException(framing + " frame " + i + " did not round-trip");
            }
        }
    }

    @Benchmark
    public int encode(FrameBytes counter) {
        byte[] frame = frames[next++ & (FRAMES - 1)];
        counter.bytes += frame.length;
        return encoder.encode(frame, 0, frame.length, wire, 0);
    }

    @Benchmark
    public long decode(FrameBytes counter) {
        int i = next++ & (FRAMES - 1);
        counter.bytes += frames[i].length;
        decoder.accept(wires[i], 0, wireLengths[i]);
        return sink.bytes;
    }

    @Benchmark
    public long encodeDecode(FrameBytes counter) {
        byte[] frame = frames[next++ & (FRAMES - 1)];
        counter.bytes += frame.length;
        int n = encoder.encode(frame, 0, frame.length, wire, 0);
        decoder.accept(wire, 0, n);
        return sink.bytes;
    }
}
