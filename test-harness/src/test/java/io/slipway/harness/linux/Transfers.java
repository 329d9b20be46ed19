package io.slipway.harness.linux;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.StreamSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What the TCP tests against the Linux kernel share: the exchange itself, and its checks. */
final class Transfers {
    private Transfers() {
    }

    /** Sends {@code data} and half-closes on one thread while this one reads to the end; what was read. */
    static byte[] exchange(StreamSocket s, byte[] data) throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = s.getOutputStream();
                for (int off = 0; off < data.length; off += 8192) {
                    out.write(data, off, Math.min(8192, data.length - off));
                }
                s.shutdownOutput();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        InputStream in = s.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] b = new byte[16384];
        for (int n; (n = in.read(b)) >= 0; ) {
            got.write(b, 0, n);
        }
        writer.get(120, TimeUnit.SECONDS);
        return got.toByteArray();
    }

    /** Waits until something in {@code linux}'s namespace listens on TCP {@code port}. */
    static void awaitListening(LinuxPeer linux, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!linux.exec(Duration.ofSeconds(5), "ss", "-ltn").output().contains(":" + port)) {
            assertTrue(System.nanoTime() < deadline, "nothing started listening on " + port);
            Thread.sleep(20);
        }
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
