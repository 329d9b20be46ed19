package io.slipway.harness.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs the short host commands that build and tear down the fixture ({@code ip netns add},
 * {@code ip link set ...}) to completion, with a deadline, so that a hung command fails the test
 * with its output instead of hanging it.
 */
final class Commands {
    /** Reached only when something is wrong: each of these commands takes milliseconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Commands() {
    }

    /** Runs {@code command} to completion (or kills it at {@code timeout}). */
    static ProcessResult run(Duration timeout, List<String> command) throws IOException {
        try (BackgroundProcess process = BackgroundProcess.start(command)) {
            return process.awaitExit(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Runs {@code command} and returns its output; throws, quoting the output, unless it exits 0. */
    static String check(String... command) throws IOException {
        ProcessResult result = run(TIMEOUT, List.of(command));
        if (!result.succeeded()) {
            throw new IOException("command failed: " + result);
        }
        return result.output();
    }
}
