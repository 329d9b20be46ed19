package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code slipway bench} runs and reports each figure beside its reference. No figure is checked
 * here (timing does not belong in tests): only that the benchmarks complete, every byte checked,
 * and say what they measured.
 */
class BenchCommandTest {
    @Test
    void shouldMeasureSerialGoodputAgainstTheLinesLimit() {
        CommandRun run = CommandRun.of("bench", "serial", "--bytes", "100000");

        assertEquals(Slipway.EXIT_OK, run.status(), run.toString());
        assertTrue(run.out().startsWith("serial goodput: 100000 bytes a -> b over SLIP at 115200 baud, MTU 1006"),
                run.toString());
        assertTrue(run.out().matches("(?s).*B/s of payload in [0-9.]+ s; the line's limit for these bytes [0-9.]+ "
                + "B/s: [0-9.]+ %.*"), run.toString());
    }

    @Test
    void shouldMeasureCslipGoodputAgainstTheUncompressedLimit() {
        CommandRun run = CommandRun.of("bench", "serial", "--bytes", "100000", "--framing", "cslip");

        assertEquals(Slipway.EXIT_OK, run.status(), run.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("B/s of payload in [0-9.]+ s: ([0-9.]+) % of the "
                + "uncompressed limit above").matcher(run.out());
        assertTrue(m.find(), run.toString());
        // Virtual time: exact on every machine. Compressed headers leave more of the line to data.
        assertTrue(Double.parseDouble(m.group(1)) > 100, run.toString());
    }

    @Test
    void shouldMeasureKeystrokesOnAQuietLineAndBehindABulkTransfer() {
        CommandRun run = CommandRun.of("bench", "latency");

        assertEquals(Slipway.EXIT_OK, run.status(), run.toString());
        assertTrue(run.out().contains("  quiet line                 median "), run.toString());
        // Virtual time: the figure is exact and the same on every machine, so it may be checked.
        // Low-delay frames leave before bulk ones: a keystroke waits for the frame on the line
        // and one more, never behind the whole window (it waited 1.9 s, up to 5.8 s, before).
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "behind a bulk transfer     median +([0-9.]+) ms, max +([0-9.]+) ms \\(150 keystrokes\\)")
                .matcher(run.out());
        assertTrue(m.find(), run.toString());
        assertTrue(Double.parseDouble(m.group(2)) < 250, "keystrokes behind a bulk transfer: " + run.out());
    }

    @Test
    void shouldCompleteEveryOneOfAThousandConnectionsAtOnce() {
        CommandRun run = CommandRun.of("bench", "scale");

        assertEquals(Slipway.EXIT_OK, run.status(), run.toString());
        assertTrue(run.out().contains("  1000 completed, 0 failed in "), run.toString());
        assertTrue(run.out().contains("; 1000 were connected at once;"), run.toString());
    }

    @Test
    void shouldRefuseAnUnknownBenchmark() {
        CommandRun run = CommandRun.of("bench", "warp");

        assertEquals(Slipway.EXIT_USAGE, run.status(), run.toString());
        assertEquals("slipway: no benchmark 'warp': serial, memory, rr, latency, scale\n", run.err());
    }

    @Test
    void shouldRefuseFewerThanOneRound() {
        CommandRun run = CommandRun.of("bench", "memory", "--rounds", "0");

        assertEquals(Slipway.EXIT_USAGE, run.status(), run.toString());
        assertTrue(run.err().contains("--rounds 1"), run.toString());
    }
}
