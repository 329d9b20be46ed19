package io.slipway.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.JSerialCommLine;
import io.slipway.hal.serial.SerialAdapter;
import io.slipway.hal.serial.SerialLine;
import io.slipway.testing.FrameExchange;
import io.slipway.testing.FramePattern;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The exchange both cable tests run: two {@link SerialAdapter}s over {@link JSerialCommLine}s on the
 * two ends of a cable (a socat pty pair or a null-modem cable), each sending {@code frames} frames
 * of random sizes up to the MTU while checking what the other sends, byte for byte and in order.
 */
final class CableExchange {
    /** Seeds of the two directions; fixed so that a failure replays with the same frames. */
    private static final long SEED_A_TO_B = 0xA70B_0001L;
    private static final long SEED_B_TO_A = 0xB70A_0002L;

    private CableExchange() {
    }

    /**
     * Opens both ports, runs the exchange and asserts it was perfect: no failure, every frame in,
     * no drop counted on either side. {@code diagnostics} adds context to a failure (socat's log).
     */
    static FrameExchange.Result run(String portA, String portB, JSerialCommLine.Options options, Framing framing,
            int frames, Duration timeout, Supplier<String> diagnostics) throws IOException, InterruptedException {
        try (SerialAdapter a = open(portA, options, framing);
                SerialAdapter b = open(portB, options, framing)) {
            // Frames carry a 4-byte sequence number; Ethernet frames need their 14-byte header too.
            int min = framing.medium().headerLength() + 4;
            int max = a.maxFrameLength();
            // Stands in for TCP's window (see FrameExchange): a quarter of the receive ring in flight.
            int window = (SerialAdapter.DEFAULT_RECEIVE_RING_BYTES / 4) / (max + 4);
            FrameExchange.Result result = FrameExchange.run(
                    a, new FramePattern(SEED_A_TO_B, min, max), b, new FramePattern(SEED_B_TO_A, min, max),
                    new FrameExchange.Config(frames, window, timeout));

            String context = "\n  a: " + a + "\n  b: " + b + "\n  " + diagnostics.get();
            assertNull(result.failure(), result.failure() + context);
            assertEquals(frames, a.counters().framesIn(), "frames into a" + context);
            assertEquals(frames, b.counters().framesIn(), "frames into b" + context);
            assertEquals(0, a.counters().totalDrops(), "drops at a" + context);
            assertEquals(0, b.counters().totalDrops(), "drops at b" + context);
            System.out.printf("%s over %s <-> %s: %d frames each way (%d + %d bytes) in %d ms, %.2f MB/s per direction%n",
                    framing, portA, portB, frames, result.bytesLeftToRight(), result.bytesRightToLeft(),
                    result.nanos() / 1_000_000, result.megabytesPerSecond());
            return result;
        }
    }

    private static SerialAdapter open(String port, JSerialCommLine.Options options, Framing framing)
            throws IOException {
        SerialLine line = JSerialCommLine.open(port, options);
        try {
            return new SerialAdapter(line, framing);
        } catch (RuntimeException e) {
            line.close();
            throw e;
        }
    }
}
