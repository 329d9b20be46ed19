package io.slipway.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slipway.testing.SeedCorpus;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the browser's response reader: any bytes as what a server sends on one
 * connection, read as the browser does (a head, its body to the end, the next head) after a
 * GET and after a HEAD, with the default limits and with small ones.
 *
 * <p>Invariants: only IOExceptions escape (an {@link HttpProtocolException} with a one-line
 * message, or the {@link EOFException} of a connection closed between responses); a body never
 * gives more bytes than its Content-Length, nor more than the body limit, and gives all of them
 * when it ends normally; every read returns at least one byte or the end, and reading stops
 * after at most as many reads and responses as there are input bytes (no loop that consumes
 * nothing); and the outcome is the same whether the stream gives everything at once, one byte
 * per read, or random pieces. Under {@code mvn test} Jazzer replays
 * {@code ResponseReaderFuzzTestInputs/shouldSurviveAnyResponse/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class ResponseReaderFuzzTest {
    private static final String CORPUS = "ResponseReaderFuzzTestInputs/shouldSurviveAnyResponse";
    private static final int MAX_INPUT = 64 * 1024;
    private static final HttpLimits SMALL = new HttpLimits(64, 256, 8, 1000, 16);

    private final Set<String> outcomes = new HashSet<>();

    @FuzzTest
    void shouldSurviveAnyResponse(byte[] input) {
        if (input.length > MAX_INPUT) {
            return;
        }
        for (HttpLimits limits : List.of(HttpLimits.DEFAULT, SMALL)) {
            for (String method : List.of("GET", "HEAD")) {
                String whole = readConnection(new Pieces(input, input.length, 0), limits, method);
                assertEquals(whole, readConnection(new Pieces(input, 1, 0), limits, method), "one byte per read");
                assertEquals(whole, readConnection(new Pieces(input, 0, Arrays.hashCode(input)), limits, method),
                        "random pieces");
            }
        }
    }

    private String readConnection(Pieces in, HttpLimits limits, String method) {
        StringBuilder log = new StringBuilder();
        ResponseReader reader = new ResponseReader(in, limits);
        byte[] buffer = new byte[in.random == null ? 4096 : 1 + in.random.nextInt(700)];
        int responses = 0;
        long reads = 0;
        try {
            while (true) {
                HttpResponse r = reader.readHead(method);
                assertTrue(++responses <= in.length(), "more responses than input bytes");
                assertTrue(HttpStatus.isValid(r.status()) && (r.status() >= 200 || r.status() == 101), "status " + r.status());
                log.append(r).append(" length=").append(r.contentLength()).append(" keepAlive=").append(r.keepAlive())
                        .append('\n').append(r.headers());
                outcomes.add(r.contentLength() > 0 ? "content-length body" : r.contentLength() == 0 ? "no body" : "unknown length");
                long declared = r.contentLength();
                long got = 0;
                for (int n; (n = r.body().read(buffer)) >= 0; ) {
                    assertTrue(n > 0, "a read of a non-empty buffer returned 0");
                    got += n;
                    assertTrue(++reads <= in.length() + 1, "more body reads than input bytes");
                    assertTrue(declared < 0 || got <= declared, got + " bytes of a body of " + declared);
                    assertTrue(got <= limits.maxBodyBytes(), got + " bytes, above the body limit");
                }
                assertTrue(declared < 0 || got == declared, got + " bytes of a body of " + declared);
                log.append("body ").append(got).append('\n');
                if (r.contentLength() < 0 && r.headers().contains("Transfer-Encoding")) {
                    outcomes.add("chunked body read");
                }
                if (responses > 1) {
                    outcomes.add("second response");
                }
            }
        } catch (EOFException e) {
            outcomes.add("EOF");
            return log.append("EOF ").append(e.getMessage()).toString();
        } catch (HttpProtocolException e) {
            String m = e.getMessage();
            assertFalse(m == null || m.isEmpty() || m.contains("\n") || m.contains("\r"), m);
            outcomes.add("refused");
            return log.append("refused ").append(m).toString();
        } catch (IOException e) {
            throw new AssertionError("an IOException that is neither EOF nor protocol", e);
        }
    }

    /** An InputStream over the input in pieces: fixed-size ones, or random ones from a seed. */
    private static final class Pieces extends InputStream {
        private final byte[] data;
        private final int pieceSize;
        final Random random;
        private int position;

        /** {@code pieceSize} 0: random sizes from {@code seed}. */
        Pieces(byte[] data, int pieceSize, int seed) {
            this.data = data;
            this.pieceSize = pieceSize;
            this.random = pieceSize == 0 ? new Random(seed) : null;
        }

        int length() {
            return data.length;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (position == data.length) {
                return -1;
            }
            int size = random == null ? Math.max(1, pieceSize) : 1 + random.nextInt(300);
            int n = Math.min(Math.min(len, size), data.length - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }

    private static List<Path> corpus() {
        return SeedCorpus.files(ResponseReaderFuzzTest.class, CORPUS);
    }

    @Test
    void shouldHaveASeedCorpusToReplay() throws URISyntaxException {
        assertTrue(corpus().size() >= 15, "seeds: " + corpus());
    }

    /** The seeds between them reach every framing, a second response, the idle close and a refusal. */
    @Test
    void shouldHaveSeedsThatReachEveryOutcome() throws Exception {
        for (Path seed : corpus()) {
            shouldSurviveAnyResponse(Files.readAllBytes(seed));
        }
        for (String outcome : List.of("content-length body", "no body", "unknown length", "chunked body read",
                "second response", "EOF", "refused")) {
            assertTrue(outcomes.contains(outcome), outcome + " never reached: " + outcomes);
        }
    }
}
