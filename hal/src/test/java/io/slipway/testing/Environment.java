package io.slipway.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine it runs on (socat, pseudo-terminals, a serial port) and what
 * to do when it is missing: on a laptop the test is skipped, in CI it fails, so that a CI image
 * without socat cannot turn the interop and hardware-in-the-loop suites green by skipping them.
 *
 * <p>CI means the environment variable {@code CI} is {@code true}, as GitHub Actions, GitLab CI and
 * most others set it; surefire's forked test JVM inherits it from the environment.
 */
public final class Environment {
    private Environment() {
    }

    /** Whether this run is in CI ({@code CI=true}). */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Continues when {@code available}; otherwise skips the test (JUnit assumption) or, in CI,
     * fails it. {@code what} names the missing thing, e.g. {@code "socat (apt install socat)"}.
     */
    public static void requireOrSkip(boolean available, String what) {
        requireOrSkip(available, what, isCi());
    }

    static void requireOrSkip(boolean available, String what, boolean ci) {
        if (!available && ci) {
            Assertions.fail(what + " is not available, and CI=true requires it");
        }
        Assumptions.assumeTrue(available, what + " is not available: test skipped (with CI=true it would fail)");
    }

    /** Whether an executable named {@code command} is on the PATH. */
    public static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Whether this machine can make pseudo-terminals (Unix98 ptys: /dev/ptmx and /dev/pts). */
    public static boolean pseudoTerminalsAvailable() {
        Path ptmx = Path.of("/dev/ptmx");
        return Files.isReadable(ptmx) && Files.isWritable(ptmx) && Files.isDirectory(Path.of("/dev/pts"));
    }
}
