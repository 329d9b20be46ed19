package io.slipway.cli.bench;

import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.CableDirection;
import io.slipway.hal.loopback.Impairments;
import io.slipway.socket.SocketException;
import io.slipway.stack.StackConfig;
import io.slipway.tcp.TcpEvent;
import java.lang.management.ManagementFactory;

/**
 * Benchmark 1 of the TCP issue: a bulk transfer from a to b over the loopback cable paced at a
 * serial line's rate (SLIP, MTU 1006 by default), in virtual time, against the line's limit: at
 * 10 bit-times per byte (8N1) the line carries baud/10 bytes per second, of which only the TCP
 * payload counts — so the limit is baud/10 × payload ÷ wire bytes, with the wire bytes counted
 * on the cable (TCP/IP headers, SLIP's END bytes and escapes, the handshake and FIN). What is
 * left between goodput and limit is time the line stood idle.
 *
 * <p>Virtual time makes the figure exact and repeatable: it measures the protocol (windows,
 * ACK clocking, timers), not the machine; a 115200-baud mebibyte takes 95 s of line time and
 * under a second here. On the same run the stack thread's allocation per segment is measured
 * (benchmark 7): the simulation runs everything on this thread.
 */
final class SerialGoodput {
    static final int PORT = 5001;

    /** What one run measured. */
    record Result(int baud, int mtu, long bytes, double seconds, long wireBytes, long segments, long retransmitted,
            double allocatedBytesPerSegment) {
        double goodput() {
            return bytes / seconds;
        }

        /** The most the line could carry of this payload: baud/10 × payload ÷ wire bytes. */
        double limit() {
            return baud / 10.0 * bytes / wireBytes;
        }
    }

    private SerialGoodput() {
    }

    /**
     * One transfer of {@code bytes}, after a warm-up transfer of the same size: the first run in a
     * JVM loads classes as each code path is first taken, and that allocates on this thread.
     */
    static Result run(int baud, int mtu, long bytes) throws SocketException, InterruptedException {
        return run(Framing.SLIP, baud, mtu, bytes);
    }

    /** {@link #run(int, int, long)} over {@code framing}: SLIP, or CSLIP (RFC 1144 headers) at both ends. */
    static Result run(Framing framing, int baud, int mtu, long bytes) throws SocketException, InterruptedException {
        return run(framing, baud, mtu, bytes, false);
    }

    /** The same with TCP timestamps (RFC 7323) in every segment when {@code timestamps}. */
    static Result run(Framing framing, int baud, int mtu, long bytes, boolean timestamps)
            throws SocketException, InterruptedException {
        once(framing, baud, mtu, bytes, timestamps);
        return once(framing, baud, mtu, bytes, timestamps);
    }

    private static Result once(Framing framing, int baud, int mtu, long bytes, boolean timestamps)
            throws SocketException, InterruptedException {
        try (Pair pair = Pair.virtual(framing, Impairments.builder().baud(baud).build(), mtu, StackConfig.DEFAULT,
                timestamps)) {
            BulkReceiver receiver = new BulkReceiver(pair.b.sockets(), PORT);
            BulkSender sender = new BulkSender(pair.a.sockets(), Pair.B, PORT, bytes, false);
            pair.onB(receiver).onA(sender);
            long start = pair.nanos();
            long lineSeconds = (long) (bytes * 12.0 / baud) + 60; // far more than the line needs
            require(pair.runUntil(() -> receiver.received() >= bytes / 10, lineSeconds * 1_000_000_000L), receiver,
                    sender);
            // The middle 80 %: steady state, where nothing should allocate.
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            java.util.function.BooleanSupplier ninetyPercent = () -> receiver.received() >= bytes * 9 / 10;
            long segmentsBefore = pair.a.tcp().events().get(TcpEvent.SEGMENTS_OUT);
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            require(pair.runUntil(ninetyPercent, lineSeconds * 1_000_000_000L), receiver, sender);
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            long steadySegments = pair.a.tcp().events().get(TcpEvent.SEGMENTS_OUT) - segmentsBefore;
            require(pair.runUntil(() -> receiver.isDone() && sender.isDone(), lineSeconds * 1_000_000_000L), receiver,
                    sender);
            double seconds = (receiver.lastNanos() - start) / 1e9;
            return new Result(baud, mtu, receiver.received(), seconds,
                    pair.cable.counters(CableDirection.A_TO_B).wireBytes(),
                    pair.a.tcp().events().get(TcpEvent.SEGMENTS_OUT),
                    pair.a.tcp().events().get(TcpEvent.RETRANSMITTED_SEGMENTS),
                    (double) allocated / Math.max(1, steadySegments));
        }
    }

    private static void require(boolean done, BulkReceiver receiver, BulkSender sender) {
        String why = receiver.failure() != null ? receiver.failure() : sender.failure();
        if (!done || why != null) {
            throw new IllegalStateException("the transfer did not complete: " + (why != null ? why
                    : receiver.received() + " bytes arrived"));
        }
    }
}
