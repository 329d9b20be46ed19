package io.slipway.cli.bench;

import io.slipway.app.inet.TcpEcho;
import io.slipway.hal.loopback.Impairments;
import io.slipway.socket.SocketConfig;
import io.slipway.socket.SocketException;
import io.slipway.stack.StackConfig;
import io.slipway.tcp.TcpConfig;
import java.lang.management.ManagementFactory;

/**
 * Benchmark 6 of the TCP issue: {@code count} connections open at once between two stacks on the
 * unpaced cable (real time), each doing {@code exchanges} request/response exchanges of 100
 * bytes; all must complete. Reports the time and the heap in use with every connection open.
 */
final class Scale {
    static final int PORT = 5006;
    private static final long SECOND = 1_000_000_000L;

    record Result(int count, int completed, int failed, double seconds, long heapBytes, int mostConnected, String why) {
    }

    private Scale() {
    }

    /** {@code buffers}: each connection's rings; a thousand at the default 64 KiB each way would need 128 MB. */
    static Result run(int count, int exchanges, int buffers) throws SocketException, InterruptedException {
        TcpConfig tcp = TcpConfig.DEFAULT.withMaxConnections(count + 16).withBuffers(buffers, buffers)
                .withTimeWait(SECOND);
        StackConfig config = StackConfig.DEFAULT.withTcp(tcp)
                .withSockets(new SocketConfig(count + 16, 16 * 1024, 16 * 1024, 16));
        try (Pair pair = Pair.realTime(false, Impairments.PERFECT, 1500, config)) {
            new TcpEcho(pair.b.sockets(), PORT, count, count);
            ManyClients clients = new ManyClients(pair.a.sockets(), Pair.B, PORT, count, exchanges, 100);
            pair.onA(clients);
            long start = System.nanoTime();
            boolean done = pair.runUntil(() -> clients.completed() + clients.failed() == count, 120 * SECOND);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Result(count, clients.completed(), clients.failed(), seconds, heap, clients.mostConnectedAtOnce(),
                    done ? clients.firstFailure() : "not done after 120 s");
        }
    }
}
