package io.slipway.cli.bench;

import io.slipway.app.inet.TcpEcho;
import io.slipway.hal.loopback.Impairments;
import io.slipway.socket.SocketException;
import io.slipway.stack.StackConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Benchmark 4 of the TCP issue: 1-byte request/response round trips per second (TCP_NODELAY at the
 * client; RFC 862's echo service, as {@code slipway serve} runs it, at the server), over
 * one connection between two stacks on the unpaced loopback cable (real time, a thread per
 * stack); and in the same run the reference, the kernel's loopback TCP between two Java threads.
 * A warm-up second, then {@code seconds} measured.
 */
final class RoundTrips {
    static final int PORT = 5003;
    private static final long SECOND = 1_000_000_000L;

    private RoundTrips() {
    }

    /** Round trips per second; {@code spin}: whether the stack threads watch for a wake-up before they park. */
    static double slipway(int seconds, boolean spin) throws SocketException, InterruptedException {
        try (Pair pair = Pair.realTime(true, Impairments.PERFECT, 1500, StackConfig.DEFAULT)) {
            if (!spin) {
                pair.parkingAtOnce();
            }
            new TcpEcho(pair.b.sockets(), PORT, 1, 1);
            KeystrokeClient client = new KeystrokeClient(pair.a.sockets(), Pair.B, PORT, 0);
            pair.onA(client);
            pair.runUntil(() -> false, SECOND);
            long n0 = client.roundTrips();
            long t0 = System.nanoTime();
            pair.runUntil(() -> false, seconds * SECOND);
            long n = client.roundTrips() - n0;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (client.failure() != null) {
                throw new IllegalStateException(client.failure());
            }
            return n / elapsed;
        }
    }

    static double linuxLoopback(int seconds) throws IOException, InterruptedException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                try (Socket s = listener.accept(); InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream()) {
                    s.setTcpNoDelay(true);
                    for (int b; (b = in.read()) >= 0; ) {
                        out.write(b);
                    }
                } catch (IOException e) {
                    // the client closed: done
                }
            }, "bench-linux-echo");
            echo.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                s.setTcpNoDelay(true);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                long warmEnd = System.nanoTime() + SECOND;
                long t0 = 0;
                long count = 0;
                while (true) {
                    out.write('k');
                    if (in.read() < 0) {
                        throw new IOException("the echo thread closed");
                    }
                    long now = System.nanoTime();
                    if (t0 == 0) {
                        if (now - warmEnd >= 0) {
                            t0 = now;
                        }
                    } else if (++count % 64 == 0 && now - t0 >= seconds * SECOND) {
                        return count / ((now - t0) / 1e9);
                    }
                }
            } finally {
                echo.join(5000);
            }
        }
    }
}
