package io.slipway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A serial cable made of two pseudo-terminals joined by socat:
 * {@code socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B} in a fresh temporary
 * directory. Bytes written to {@link #a()} come out of {@link #b()} and back, 8-bit clean.
 *
 * <p>{@link #start()} returns once socat has made both links and entered its transfer loop;
 * {@link #close()} stops socat and deletes the directory. A shutdown hook kills socat should the
 * JVM exit without closing, so that no socat outlives the test run.
 *
 * <p>socat ends by itself when a program that opened one of the ptys closes it (reading the
 * master then fails with EIO), so a pair carries one session: open both ends, use them, close.
 */
public final class SocatPtyPair implements AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 10_000;
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final Path dir;
    private final Path a;
    private final Path b;
    private final Path log;
    private final Process socat;
    private final Thread killer;

    private SocatPtyPair(Path dir, Process socat, Thread killer) {
        this.dir = dir;
        this.a = dir.resolve("A");
        this.b = dir.resolve("B");
        this.log = dir.resolve("socat.log");
        this.socat = socat;
        this.killer = killer;
    }

    /** Whether socat is installed. */
    public static boolean socatAvailable() {
        return Environment.onPath("socat");
    }

    /**
     * Skips the calling test when socat or pseudo-terminals are missing (fails it in CI), then
     * starts a pair.
     */
    public static SocatPtyPair startOrSkip() throws IOException {
        Environment.requireOrSkip(socatAvailable(), "socat (apt install socat)");
        Environment.requireOrSkip(Environment.pseudoTerminalsAvailable(), "pseudo-terminals (/dev/ptmx)");
        return start();
    }

    /** Starts socat and waits until both pty links exist and data flows. */
    public static SocatPtyPair start() throws IOException {
        Path dir = Files.createTempDirectory("slipway-pty-");
        Path log = dir.resolve("socat.log");
        List<String> command = List.of("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + dir.resolve("A"),
                "pty,raw,echo=0,link=" + dir.resolve("B"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                // To a file, not a pipe: a pipe nobody drains would block socat once full.
                .redirectOutput(log.toFile())
                .start();
        Thread killer = new Thread(process::destroyForcibly, "socat-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        SocatPtyPair pair = new SocatPtyPair(dir, process, killer);
        try {
            pair.awaitReady();
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    /** The link to the first pty, e.g. {@code /tmp/slipway-pty-123/A}. */
    public Path a() {
        return a;
    }

    /** The link to the second pty. */
    public Path b() {
        return b;
    }

    /** Whether socat is still running. */
    public boolean isAlive() {
        return socat.isAlive();
    }

    /** socat's diagnostics so far (-d -d: the ptys it made, why it ended), for failure messages. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no socat log: " + e.getMessage() + ")";
        }
    }

    /** Stops socat (SIGTERM, then SIGKILL) and deletes the directory. Idempotent. */
    @Override
    public void close() {
        try {
            if (socat.isAlive()) {
                socat.destroy();
                if (!socat.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    socat.destroyForcibly().waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // The JVM is shutting down; the hook runs anyway.
        }
        deleteQuietly(a);
        deleteQuietly(b);
        deleteQuietly(log);
        deleteQuietly(dir);
    }

    @Override
    public String toString() {
        return "socat pty pair " + a + " <-> " + b;
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (true) {
            // The links exist before socat opens the transfer loop; the log line says it did.
            if (Files.exists(a, LinkOption.NOFOLLOW_LINKS) && Files.exists(b, LinkOption.NOFOLLOW_LINKS)
                    && log().contains("starting data transfer loop")) {
                return;
            }
            if (!socat.isAlive()) {
                throw new IOException("socat exited with " + socat.exitValue() + " before the ptys were ready: " + log());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("socat did not make " + a + " and " + b + " within "
                        + START_TIMEOUT_MILLIS + " ms: " + log());
            }
            try {
                // Polling an external process's progress: there is nothing to wait on but time.
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for socat", e);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Best effort: a leftover temp file is not worth failing a test over.
        }
    }
}
