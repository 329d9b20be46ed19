package io.slipway.tcp;

import static io.slipway.tcp.LinuxSegments.LINUX;
import static io.slipway.tcp.LinuxSegments.PEER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slipway.base.Bytes;
import io.slipway.base.InternetChecksum;
import io.slipway.testing.SeedCorpus;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the TCP header codec: any bytes as a TCP segment from 10.99.0.1 to 10.99.0.2
 * (the direction of the Linux captures among the seeds).
 *
 * <p>Invariants: {@link TcpHeader#check} and {@link TcpHeader#parseOptions} never throw and read
 * only [offset, offset + available): the segment alone in an array of its own size (a read past
 * it throws) and the same bytes at an offset amid two different fillings give the same answers;
 * check's answer agrees with an oracle written here from RFC 9293 §3.1 (length, data offset, a
 * checksum taken over a pseudo-header built separately); when the options parse, a header
 * written with the same fields and options, the same data after it and its checksum, checks
 * and parses back to the same fields and options (less the SACK blocks, which are not kept).
 * Under {@code mvn test} Jazzer replays {@code TcpHeaderFuzzTestInputs/shouldSurviveAnySegment/};
 * with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class TcpHeaderFuzzTest {
    private static final String CORPUS = "TcpHeaderFuzzTestInputs/shouldSurviveAnySegment";
    private static final int AT = 11;

    private final TcpHeader header = new TcpHeader();
    private final TcpOptions options = new TcpOptions();
    private final TcpOptions reread = new TcpOptions();
    private final Set<String> outcomes = new HashSet<>();

    @FuzzTest
    void shouldSurviveAnySegment(byte[] segment) {
        if (segment.length > 2000) {
            return;
        }
        TcpEvent verdict = header.wrap(segment.clone(), 0, segment.length).check(LINUX, PEER);
        boolean parsed = header.parseOptions(options);
        assertEquals(expectedVerdict(segment), verdict, "check");

        for (byte fill : new byte[] {0x00, (byte) 0xFF}) {
            byte[] amid = new byte[AT + segment.length + 64];
            Arrays.fill(amid, fill);
            System.arraycopy(segment, 0, amid, AT, segment.length);
            TcpHeader h = new TcpHeader().wrap(amid, AT, segment.length);
            assertEquals(verdict, h.check(LINUX, PEER), "check reads nothing outside the segment");
            assertEquals(parsed, h.parseOptions(reread), "parseOptions reads nothing outside the segment");
            assertEquals(options.toString(), reread.toString());
        }

        outcomes.add(String.valueOf(verdict));
        outcomes.add(parsed ? "options parsed" : "options malformed");
        if (parsed) {
            outcomes.add(options.toString().equals("none") ? "no options" : "some options");
            assertRewrites(segment);
        }
    }

    /** RFC 9293 §3.1, from the segment's bytes alone. */
    private static TcpEvent expectedVerdict(byte[] s) {
        if (s.length < 20) {
            return TcpEvent.DROP_TRUNCATED;
        }
        int headerLength = ((s[12] & 0xFF) >>> 4) * 4;
        if (headerLength < 20 || headerLength > s.length) {
            return TcpEvent.DROP_BAD_HEADER_LENGTH;
        }
        byte[] pseudo = new byte[12 + s.length];
        Bytes.put32(pseudo, 0, LINUX);
        Bytes.put32(pseudo, 4, PEER);
        pseudo[9] = 6;
        Bytes.put16(pseudo, 10, s.length);
        System.arraycopy(s, 0, pseudo, 12, s.length);
        return InternetChecksum.of(pseudo, 0, pseudo.length) == 0 ? null : TcpEvent.DROP_BAD_CHECKSUM;
    }

    /** Writes what was read, data and checksum included, and reads it again. */
    private void assertRewrites(byte[] segment) {
        TcpHeader in = header.wrap(segment, 0, segment.length);
        TcpOptions sent = new TcpOptions().setMss(options.mss()).setWindowScale(options.windowScale())
                .setSackPermitted(options.sackPermitted());
        if (options.timestamps()) {
            sent.setTimestamps(options.tsValue(), options.tsEcho());
        }
        int payload = in.payloadLength();
        int length = TcpHeader.MIN_LENGTH + sent.encodedLength() + payload;
        byte[] b = new byte[AT + length];
        TcpHeader out = new TcpHeader().wrap(b, AT, length);
        int headerLength = out.write(in.sourcePort(), in.destinationPort(), in.sequence(), in.acknowledgment(),
                in.flags(), in.window(), sent);
        assertEquals(TcpHeader.MIN_LENGTH + sent.encodedLength(), headerLength);
        System.arraycopy(segment, in.payloadOffset(), b, AT + headerLength, payload);
        out.updateChecksum(LINUX, PEER, length);

        assertNull(out.check(LINUX, PEER), "what we write verifies");
        assertTrue(out.parseOptions(reread), "what we write parses");
        assertEquals(sent.toString(), reread.toString());
        assertEquals(in.sourcePort(), out.sourcePort());
        assertEquals(in.destinationPort(), out.destinationPort());
        assertEquals(in.sequence(), out.sequence());
        assertEquals(in.acknowledgment(), out.acknowledgment());
        assertEquals(in.flags(), out.flags());
        assertEquals(in.window(), out.window());
        assertEquals(0, out.urgentPointer());
        assertEquals(headerLength, out.headerLength());
        assertEquals(payload, out.payloadLength());
        assertEquals(in.segmentLength(), out.segmentLength());
        assertArrayEquals(Arrays.copyOfRange(segment, in.payloadOffset(), segment.length),
                Arrays.copyOfRange(b, out.payloadOffset(), b.length));
    }

    private static List<Path> corpus() {
        return SeedCorpus.files(TcpHeaderFuzzTest.class, CORPUS);
    }

    @Test
    void shouldHaveASeedCorpusToReplay() throws URISyntaxException {
        assertTrue(corpus().size() >= 8, "seeds: " + corpus());
    }

    /** The seeds between them reach every verdict of check and both answers of parseOptions. */
    @Test
    void shouldHaveSeedsThatReachEveryOutcome() throws Exception {
        for (Path seed : corpus()) {
            shouldSurviveAnySegment(Files.readAllBytes(seed));
        }
        for (String outcome : List.of("null", "DROP_TRUNCATED", "DROP_BAD_HEADER_LENGTH", "DROP_BAD_CHECKSUM",
                "options parsed", "options malformed", "no options", "some options")) {
            assertTrue(outcomes.contains(outcome), outcome + " never reached: " + outcomes);
        }
    }
}
