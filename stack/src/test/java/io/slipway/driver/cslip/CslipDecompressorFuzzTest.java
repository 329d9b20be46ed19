package io.slipway.driver.cslip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slipway.base.Bytes;
import io.slipway.base.InternetChecksum;
import io.slipway.testing.SeedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the CSLIP decompressor: any bytes, cut into frames at each 0xC0 (SLIP's END),
 * fed to a decompressor whose slots 0 and 1 hold connections (as after two UNCOMPRESSED_TCP
 * packets); a 0xDB byte alone in a frame stands for a frame the framing dropped.
 *
 * <p>Invariants: nothing throws; every packet handed up is an IPv4 packet no longer than the
 * MTU whose total length is its length and, when rebuilt, whose header checksum verifies; every
 * frame not handed up is counted. Under {@code mvn test} Jazzer replays
 * {@code CslipDecompressorFuzzTestInputs/shouldSurviveAnyFrames/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class CslipDecompressorFuzzTest {
    private static final String CORPUS = "CslipDecompressorFuzzTestInputs/shouldSurviveAnyFrames";
    private final Set<String> outcomes = new HashSet<>();

    @FuzzTest
    void shouldSurviveAnyFrames(byte[] input) {
        CslipCodec codec = new CslipCodec();
        codec.decompress(codec.compress(new TcpIpPacket().bytes()));
        codec.decompress(codec.compress(TcpIpPacket.connection(2000).bytes()));
        int frames = 0;
        int handedUp = 0;
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i < input.length && input[i] != (byte) 0xC0) {
                continue;
            }
            byte[] frame = java.util.Arrays.copyOfRange(input, start, i);
            start = i + 1;
            if (frame.length == 1 && frame[0] == (byte) 0xDB) {
                codec.decompressor.frameLost();
                continue;
            }
            frames++;
            byte[] packet = codec.decompress(frame);
            if (packet == null) {
                outcomes.add("dropped");
                continue;
            }
            handedUp++;
            assertTrue(packet.length <= CslipCodec.MTU);
            assertEquals(0x40, packet[0] & 0xF0, "IPv4");
            if ((frame[0] & 0x80) != 0) {
                outcomes.add("rebuilt");
                assertEquals(packet.length, Bytes.u16(packet, 2), "total length rebuilt");
                assertEquals(0, InternetChecksum.of(packet, 0, (packet[0] & 0x0F) * 4), "header checksum rebuilt");
            } else {
                outcomes.add((frame[0] & 0xF0) == 0x70 ? "uncompressed" : "ip");
            }
        }
        long counted = codec.received.total() - codec.received.get(CslipEvent.RECEIVE_LOSS) - 2;
        assertEquals(frames, counted, "every frame counted once: " + codec.received);
        assertEquals(handedUp, codec.received.get(CslipEvent.IP_IN) + codec.received.get(CslipEvent.UNCOMPRESSED_IN)
                + codec.received.get(CslipEvent.COMPRESSED_IN) - 2);
    }

    private static List<Path> corpus() {
        return SeedCorpus.files(CslipDecompressorFuzzTest.class, CORPUS);
    }

    @Test
    void shouldHaveASeedCorpusToReplay() {
        assertTrue(corpus().size() >= 8, "seeds: " + corpus());
    }

    /** The seeds between them rebuild, pass whole and drop. */
    @Test
    void shouldHaveSeedsThatReachEveryOutcome() throws Exception {
        for (Path seed : corpus()) {
            shouldSurviveAnyFrames(Files.readAllBytes(seed));
        }
        for (String outcome : List.of("dropped", "rebuilt", "uncompressed", "ip")) {
            assertTrue(outcomes.contains(outcome), outcome + " never reached: " + outcomes);
        }
    }
}
