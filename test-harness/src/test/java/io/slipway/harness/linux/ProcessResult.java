package io.slipway.harness.linux;

import java.time.Duration;
import java.util.List;

/**
 * How a command ended: its exit code and everything it printed (stdout and stderr interleaved, as a
 * terminal would show them), so that a failing assertion can quote the command's own words.
 *
 * @param command what ran, e.g. {@code [ip, netns, exec, slw-123-0, ping, -c, 1, 10.77.0.2]}
 * @param exitCode the exit status; when {@code timedOut}, the status of the killed process
 * @param timedOut the command was still running at the deadline and was killed
 * @param output stdout and stderr, merged
 * @param elapsed from start to exit (or to the kill)
 */
public record ProcessResult(List<String> command, int exitCode, boolean timedOut, String output, Duration elapsed) {
    public ProcessResult {
        command = List.copyOf(command);
    }

    /** Exited by itself with status 0. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** For assertion messages: the command, how it ended, and its output. */
    @Override
    public String toString() {
        return String.join(" ", command) + " -> " + (timedOut ? "timed out after " + elapsed.toMillis() + " ms"
                : "exit " + exitCode + " in " + elapsed.toMillis() + " ms") + ", output:\n" + output;
    }
}
