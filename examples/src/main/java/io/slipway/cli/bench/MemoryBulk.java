package io.slipway.cli.bench;

import io.slipway.hal.loopback.Impairments;
import io.slipway.socket.SocketException;
import io.slipway.stack.StackConfig;
import io.slipway.tcp.TcpConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 3 of the TCP issue: one bulk connection between two stacks over the unpaced
 * loopback cable (MTU 1500; SLIP-framed, IP packets as they are, or with segmentation offload), in real time, each stack on
 * its own thread; and in the same
 * run the reference, the Linux kernel's TCP over its loopback device between two Java threads.
 * Each runs for a warm-up second, then is measured for {@code seconds}.
 */
final class MemoryBulk {
    static final int PORT = 5002;
    /**
     * Each connection's rings: 256 KiB, a window scaled by 3 (RFC 7323). The Linux reference
     * autotunes its buffers to megabytes; slipway's default 64 KiB holds the window to one
     * unscaled window's worth, and measured 0.25–0.37 of Linux here against 0.48 with these
     * (BENCHMARKS.md); a mebibyte was slower again (the rings outgrow the caches).
     */
    static final int RING_BYTES = 256 * 1024;
    private static final long SECOND = 1_000_000_000L;

    private MemoryBulk() {
    }

    /** What the cable between the two stacks carries. */
    enum Wire {
        /** IP packets as they are, each at most the MTU: every segment handled alone. */
        IP_PACKETS,
        /** SLIP-encoded and decoded frames. */
        SLIP_FRAMED,
        /**
         * IP packets, TCP segments of up to 64 KiB whole and their checksums left to the cable:
         * Linux's loopback with TSO/GSO and its checksum offload.
         */
        SEGMENT_OFFLOAD
    }

    /** The largest packet the offloading cable carries: an IPv4 datagram's limit, as Linux's 64 KiB GSO size. */
    static final int OFFLOAD_BYTES = 65_535;

    /** Bytes per second that slipway carried, its stack threads spinning before they park. */
    static double slipway(Wire wire, int seconds) throws SocketException, InterruptedException {
        return slipway(wire, seconds, true);
    }

    /**
     * Bytes per second that slipway carried; {@code spin}: whether the stack threads watch for a
     * wake-up before they park ({@link io.slipway.stack.StackRunner}), or park at once.
     */
    static double slipway(Wire wire, int seconds, boolean spin) throws SocketException, InterruptedException {
        StackConfig config = StackConfig.DEFAULT.withTcp(TcpConfig.DEFAULT.withBuffers(RING_BYTES, RING_BYTES));
        try (Pair pair = wire == Wire.SEGMENT_OFFLOAD ? Pair.realTimeWithSegmentOffload(OFFLOAD_BYTES, 1500, config)
                : Pair.realTime(wire == Wire.SLIP_FRAMED, Impairments.PERFECT, 1500, config)) {
            if (!spin) {
                pair.parkingAtOnce();
            }
            BulkReceiver receiver = new BulkReceiver(pair.b.sockets(), PORT);
            BulkSender sender = new BulkSender(pair.a.sockets(), Pair.B, PORT, Long.MAX_VALUE / 2, false);
            pair.onB(receiver).onA(sender);
            pair.runUntil(() -> false, SECOND); // the warm-up second
            long bytes0 = receiver.received();
            long t0 = System.nanoTime();
            pair.runUntil(() -> false, seconds * SECOND);
            long bytes = receiver.received() - bytes0;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            String why = receiver.failure() != null ? receiver.failure() : sender.failure();
            if (why != null) {
                throw new IllegalStateException(why);
            }
            return bytes / elapsed;
        }
    }

    /** Bytes per second that the kernel's loopback TCP carried between two threads of this process. */
    static double linuxLoopback(int seconds) throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicLong received = new AtomicLong();
            Thread reader = new Thread(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    byte[] b = new byte[16 * 1024];
                    for (int n; (n = in.read(b)) > 0; ) {
                        received.addAndGet(n);
                    }
                } catch (IOException e) {
                    // the writer closed: done
                }
            }, "bench-linux-reader");
            reader.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    OutputStream out = s.getOutputStream()) {
                byte[] b = new byte[16 * 1024];
                Pattern.fill(b, b.length, 0);
                long warmEnd = System.nanoTime() + SECOND;
                long bytes0 = 0;
                long t0 = 0;
                long end = Long.MAX_VALUE;
                while (true) {
                    out.write(b);
                    long now = System.nanoTime();
                    if (t0 == 0 && now - warmEnd >= 0) {
                        bytes0 = received.get();
                        t0 = now;
                        end = now + seconds * SECOND;
                    } else if (t0 != 0 && now - end >= 0) {
                        return (received.get() - bytes0) / ((now - t0) / 1e9);
                    }
                }
            } finally {
                reader.join(5000);
            }
        }
    }
}
