package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

/**
 * A {@code slipway serve} command line running on its own thread in this JVM, as a user's other
 * terminal would run it.
 */
final class ServeInThread {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int status = -1;

    private ServeInThread(InputStream in, String[] args) {
        thread = new Thread(
                () -> status = Slipway.run(args, in, new PrintWriter(out, true), new PrintWriter(err, true)),
                "serve-command");
        thread.setDaemon(true);
    }

    /** Starts {@code slipway ARGS...} (ARGS beginning with "serve") with nothing on standard input. */
    static ServeInThread start(String... args) {
        return startWithInput(InputStream.nullInputStream(), args);
    }

    /** Starts {@code slipway ARGS...} reading {@code in} as its standard input. */
    static ServeInThread startWithInput(InputStream in, String... args) {
        ServeInThread serve = new ServeInThread(in, args);
        serve.thread.start();
        return serve;
    }

    /** Everything serve printed on standard output so far. */
    String output() {
        return out.toString();
    }

    /** Everything serve printed on standard error so far. */
    String errors() {
        return err.toString();
    }

    /** Waits for serve to end by itself; its exit status. */
    int awaitExit() throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(thread.isAlive(), "serve still running: " + out + err);
        return status;
    }

    /** Waits for the line serve prints once it is up. */
    String firstLine() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (out.toString().indexOf('\n') < 0) {
            assertTrue(thread.isAlive(), "serve ended: status " + status + ", " + err);
            assertTrue(System.nanoTime() < deadline, "serve printed nothing within 10 s");
            // Waiting for another thread's output: there is nothing to block on but time.
            Thread.sleep(10);
        }
        return out.toString().lines().findFirst().orElseThrow();
    }

    /** After the pair is closed: serve saw its pty hung up, said so in one line and exited 1. */
    void assertStoppedWithLinkDown() throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(thread.isAlive(), "serve still running after its pty was hung up");
        String message = err.toString();
        assertEquals(Slipway.EXIT_FAILED, status, message);
        assertTrue(message.startsWith("slipway: serve: link ") && message.contains(" is down"), message);
        assertEquals(1, message.lines().count(), message);
    }
}
