package io.slipway.hal.framing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the Ethernet-over-serial decoder (SLIP stuffing plus a CRC-32 FCS). Under plain
 * {@code mvn test} Jazzer replays the corpus in
 * {@code EthernetDecoderFuzzTestInputs/shouldSurviveAnyLine/}; with {@code JAZZER_FUZZ=1} it
 * fuzzes. Invariants: {@link DecoderFuzzing}.
 */
class EthernetDecoderFuzzTest {
    /** Small, so that the fuzzer reaches FRAME_TOO_LONG with short inputs. */
    private static final int MAX = 256;

    @FuzzTest
    void shouldSurviveAnyLine(byte[] line) {
        DecoderFuzzing.check(Framing.ETHERNET, MAX, line);
    }

    @Test
    void shouldHaveASeedCorpusToReplay() {
        long seeds = DecoderFuzzing.seedCount(EthernetDecoderFuzzTest.class, "shouldSurviveAnyLine");
        assertTrue(seeds >= 10, "seed files: " + seeds);
    }
}
