package io.slipway.harness.linux;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command running while the test goes on (a {@code ping} that waits for the reply the test will
 * craft, an {@code nc -l} that a slipway client will connect to), with its output going to a file.
 *
 * <p>To a file rather than a pipe: a pipe nobody drains blocks the command once it is full, and a
 * file can be read at any time, also after the command ended. {@link #close()} kills the command
 * if it still runs (SIGTERM, then SIGKILL) and deletes the file; a test that forgets it is covered
 * by {@link LinuxPeer#close()}, which closes every process it spawned.
 */
public final class BackgroundProcess implements AutoCloseable {
    private static final long STOP_MILLIS = 2_000;

    private final List<String> command;
    private final Process process;
    private final Path log;
    private final long startNanos;

    private BackgroundProcess(List<String> command, Process process, Path log, long startNanos) {
        this.command = List.copyOf(command);
        this.process = process;
        this.log = log;
        this.startNanos = startNanos;
    }

    /** Starts {@code command} with stdout and stderr merged into a temporary file. */
    static BackgroundProcess start(List<String> command) throws IOException {
        Path log = Files.createTempFile("slipway-cmd-", ".log");
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new BackgroundProcess(command, process, log, start);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(log);
            throw new IOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    public List<String> command() {
        return command;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the command printed so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unavailable: " + e.getMessage() + ")";
        }
    }

    /**
     * Waits up to {@code timeout} for the command to exit by itself; if it does not, kills it and
     * reports {@link ProcessResult#timedOut()}. Either way the result holds all of its output.
     */
    public ProcessResult awaitExit(Duration timeout) throws InterruptedException {
        boolean exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        long elapsed = System.nanoTime() - startNanos;
        if (!exited) {
            stop();
        }
        int code = process.isAlive() ? -1 : process.exitValue();
        return new ProcessResult(command, code, !exited, output(), Duration.ofNanos(elapsed));
    }

    /** Kills the command if it still runs and deletes its output file. Idempotent. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // A leftover temp file is not worth failing a test over.
            }
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command) + " (pid " + process.pid() + (process.isAlive() ? ", running)" : ", ended)");
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
