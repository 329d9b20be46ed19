package io.slipway.hal.framing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the SLIP decoder (RFC 1055). Under plain {@code mvn test} Jazzer replays the
 * corpus in {@code SlipDecoderFuzzTestInputs/shouldSurviveAnyLine/} (one test invocation per
 * file); with {@code JAZZER_FUZZ=1} it fuzzes and saves what fails there. Invariants:
 * {@link DecoderFuzzing}.
 */
class SlipDecoderFuzzTest {
    /** Small, so that the fuzzer reaches FRAME_TOO_LONG with short inputs. */
    private static final int MAX = 256;

    @FuzzTest
    void shouldSurviveAnyLine(byte[] line) {
        DecoderFuzzing.check(Framing.SLIP, MAX, line);
    }

    @Test
    void shouldHaveASeedCorpusToReplay() {
        long seeds = DecoderFuzzing.seedCount(SlipDecoderFuzzTest.class, "shouldSurviveAnyLine");
        assertTrue(seeds >= 10, "seed files: " + seeds);
    }
}
