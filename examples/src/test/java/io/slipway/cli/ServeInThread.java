package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private ServeInThread(String[] args) {
        thread = new Thread(
                () -> status = Slipway.run(args, new PrintWriter(out, true), new PrintWriter(err, true)),
                "serve-command");
        thread.setDaemon(true);
    }

    /** Starts {@code slipway ARGS...} (ARGS beginning with "serve"). */
    static ServeInThread start(String... args) {
        ServeInThread serve = new ServeInThread(args);
        serve.thread.start();
        return serve;
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
