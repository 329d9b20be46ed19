package io.slipway.cli.bench;

import io.slipway.app.inet.TcpEcho;
import io.slipway.hal.loopback.Impairments;
import io.slipway.socket.SocketException;
import io.slipway.stack.StackConfig;
import java.util.Arrays;

/**
 * Benchmark 5 of the TCP issue: the round-trip time of keystrokes (one byte each 200 ms, with
 * TCP_NODELAY, echoed by RFC 862's echo service) over a paced serial line while a bulk transfer runs the same way on the
 * same line, against the same keystrokes on a quiet line. In virtual time: exact and repeatable.
 */
final class InteractiveLatency {
    static final int BULK_PORT = 5005;
    static final int ECHO_PORT = 5004;
    private static final long SECOND = 1_000_000_000L;
    private static final long KEYSTROKE_INTERVAL = 200_000_000L;

    /** Round-trip times in nanoseconds, sorted. */
    record Result(long[] sorted) {
        long median() {
            return sorted[sorted.length / 2];
        }

        long max() {
            return sorted[sorted.length - 1];
        }
    }

    private InteractiveLatency() {
    }

    static Result run(int baud, boolean withBulk, int seconds) throws SocketException, InterruptedException {
        try (Pair pair = Pair.virtual(Impairments.builder().baud(baud).build(), 1006, StackConfig.DEFAULT)) {
            new TcpEcho(pair.b.sockets(), ECHO_PORT, 1, 1); // RFC 862's echo, as `slipway serve` runs it
            KeystrokeClient keys = new KeystrokeClient(pair.a.sockets(), Pair.B, ECHO_PORT, KEYSTROKE_INTERVAL);
            pair.onA(keys);
            BulkReceiver receiver = null;
            if (withBulk) {
                receiver = new BulkReceiver(pair.b.sockets(), BULK_PORT);
                pair.onB(receiver).onA(new BulkSender(pair.a.sockets(), Pair.B, BULK_PORT, Long.MAX_VALUE / 2, false));
            }
            pair.runUntil(() -> false, seconds * SECOND);
            if (keys.failure() != null) {
                throw new IllegalStateException(keys.failure());
            }
            if (withBulk && receiver.received() < (long) baud / 10 * seconds / 2) {
                throw new IllegalStateException("the bulk transfer hardly moved: " + receiver.received() + " bytes");
            }
            long[] s = keys.samples();
            if (s.length == 0) {
                throw new IllegalStateException("no keystroke came back in " + seconds + " s");
            }
            Arrays.sort(s);
            return new Result(s);
        }
    }
}
