package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress bar of {@code slipway get}, drawn on a manual clock. */
class ProgressBarTest {
    private static final long SECOND = 1_000_000_000L;
    private final StringWriter text = new StringWriter();
    private final ProgressBar bar = new ProgressBar(new PrintWriter(text, true), 0);

    @Test
    void shouldDrawNothingForABodyOf64KiBOrLess() {
        bar.update(30_000, 65_536, SECOND);
        bar.update(65_536, 65_536, 2 * SECOND);
        bar.finish();

        assertEquals("", text.toString());
    }

    @Test
    void shouldShowTheShareTheRateAndTheTimeLeft() {
        // A mebibyte at 11 520 bytes/s, the rate of a 115200-baud line: 10 s in, 81 s to go.
        bar.update(115_200, 1_048_576, 10 * SECOND);

        assertEquals("\r[##                      ]  10% 115.2 kB of 1.05 MB, 11.5 kB/s, 1 min 21 s left",
                text.toString());
    }

    @Test
    void shouldRedrawAtMostFiveTimesASecondButAlwaysTheLastByte() {
        bar.update(100_000, 200_000, SECOND);
        bar.update(150_000, 200_000, SECOND + 100_000_000L); // 100 ms later: not redrawn
        bar.update(200_000, 200_000, SECOND + 150_000_000L); // complete: redrawn at once
        bar.finish();

        assertEquals("\r[############            ]  50% 100.0 kB of 200.0 kB, 100.0 kB/s, 1 s left"
                + "\r[########################] 100% 200.0 kB of 200.0 kB, 173.9 kB/s, 1 s in all\n",
                text.toString());
    }

    @Test
    void shouldShowBytesAndRateWhenTheLengthIsUnknown() {
        bar.update(2_500_000, -1, 5 * SECOND);

        assertEquals("\r2.50 MB, 500.0 kB/s", text.toString());
    }
}
