package io.slipway.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slipway.testing.SeedCorpus;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the server's request parser: any bytes as what a connection delivers, parsed
 * as a server would (a head, its body read past, {@code reset()}, the next pipelined head) with
 * the default limits and with small ones that the seeds can reach.
 *
 * <p>Invariants: nothing throws; the line buffer never outgrows max(request line, header
 * section) limit and the parsed fields never hold more than the header section limit; a head
 * that is done has a Host in HTTP/1.1 and a framing within the body limit; a refusal has one of
 * the statuses {@link RequestParser} documents and a one-line reason; and the outcome of every
 * request, with the bytes consumed, is the same whether the bytes come whole, one at a time, or
 * in random splits. Under {@code mvn test} Jazzer replays
 * {@code RequestParserFuzzTestInputs/shouldSurviveAnyRequest/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class RequestParserFuzzTest {
    private static final String CORPUS = "RequestParserFuzzTestInputs/shouldSurviveAnyRequest";
    private static final int MAX_INPUT = 64 * 1024;
    private static final HttpLimits SMALL = new HttpLimits(64, 256, 8, 1000, 16);
    private static final Set<Integer> STATUSES = Set.of(400, 413, 414, 431, 501, 505);

    private final Set<String> outcomes = new HashSet<>();

    @FuzzTest
    void shouldSurviveAnyRequest(byte[] input) {
        if (input.length > MAX_INPUT) {
            return;
        }
        for (HttpLimits limits : List.of(HttpLimits.DEFAULT, SMALL)) {
            String whole = parseConnection(input, limits, at -> input.length);
            assertEquals(whole, parseConnection(input, limits, at -> at + 1), "fed byte by byte");
            Random random = new Random(Arrays.hashCode(input));
            assertEquals(whole, parseConnection(input, limits, at -> at + 1 + random.nextInt(17)), "fed in random splits");
        }
    }

    /**
     * Parses requests until the bytes run out or one fails; {@code chunkEnd} says where the piece
     * offered from a position ends (as a TCP stream would cut it).
     */
    private String parseConnection(byte[] input, HttpLimits limits, IntUnaryOperator chunkEnd) {
        StringBuilder log = new StringBuilder();
        RequestParser parser = new RequestParser(limits);
        int at = 0;
        while (at < input.length) {
            int end = Math.min(input.length, chunkEnd.applyAsInt(at));
            int n = parser.feed(input, at, end - at);
            at += n;
            checkBounds(parser, limits);
            if (parser.state() == RequestParser.State.NEED_MORE) {
                assertEquals(end, at, "a parser that needs more takes all it is offered");
                continue;
            }
            log.append(describe(parser, limits)).append(" @").append(at).append('\n');
            if (parser.state() == RequestParser.State.FAILED) {
                return log.toString();
            }
            at = skipBody(input, at, parser.contentLength(), limits, chunkEnd, log);
            if (at < 0) {
                return log.toString();
            }
            parser.reset();
            if (at > 0) {
                outcomes.add("next request after a head");
            }
        }
        return log.append(parser.state()).toString();
    }

    private String describe(RequestParser p, HttpLimits limits) {
        if (p.state() == RequestParser.State.FAILED) {
            assertTrue(STATUSES.contains(p.failureStatus()), "status " + p.failureStatus());
            String reason = p.failureReason();
            assertFalse(reason.isEmpty() || reason.contains("\n") || reason.contains("\r"), reason);
            assertTrue(reason.length() < 300, reason);
            outcomes.add("FAILED " + p.failureStatus() + (limits == SMALL ? " small" : ""));
            return "FAILED " + p.failureStatus() + " " + reason;
        }
        HttpRequest r = p.request();
        assertTrue(HttpMethod.isKnown(r.method()), r.method());
        assertTrue(r.versionMinor() == 1 || r.versionMinor() == 0);
        assertTrue(r.versionMinor() == 0 || r.headers().getAll("Host").size() == 1, "HTTP/1.1 has one Host");
        assertTrue(p.contentLength() == RequestParser.CHUNKED
                || (p.contentLength() >= 0 && p.contentLength() <= limits.maxBodyBytes()));
        outcomes.add(p.contentLength() == RequestParser.CHUNKED ? "chunked" : p.contentLength() > 0 ? "length" : "no body");
        outcomes.add("HEAD_DONE " + r.method());
        return "HEAD_DONE " + r + " keepAlive=" + r.keepAlive() + " length=" + p.contentLength() + "\n" + r.headers();
    }

    /** Reads past a body as the server does; the position after it, or -1 when the connection ends. */
    private int skipBody(byte[] input, int at, long length, HttpLimits limits, IntUnaryOperator chunkEnd,
                         StringBuilder log) {
        if (length >= 0) {
            if (length > input.length - at) {
                log.append("body cut short\n");
                return -1;
            }
            return at + (int) length;
        }
        ChunkedDecoder decoder = new ChunkedDecoder(limits);
        while (at < input.length) {
            int end = Math.min(input.length, chunkEnd.applyAsInt(at));
            at += decoder.discard(input, at, end - at);
            if (decoder.state() == ChunkedDecoder.State.FAILED) {
                outcomes.add("chunked body refused");
                log.append("chunked FAILED ").append(decoder.failureReason()).append('\n');
                return -1;
            }
            if (decoder.state() == ChunkedDecoder.State.DONE) {
                assertTrue(decoder.dataBytes() <= limits.maxBodyBytes());
                outcomes.add("chunked body read");
                log.append("chunked ").append(decoder.dataBytes()).append(" @").append(at).append('\n');
                return at;
            }
        }
        log.append("chunked body cut short\n");
        return -1;
    }

    private static void checkBounds(RequestParser p, HttpLimits limits) {
        assertTrue(p.bufferCapacity() <= Math.max(limits.maxRequestLineBytes(), limits.maxHeaderSectionBytes()),
                "line buffer " + p.bufferCapacity());
        if (p.state() == RequestParser.State.HEAD_DONE) {
            HttpHeaders h = p.request().headers();
            assertTrue(h.size() <= limits.maxHeaderFields());
            int chars = 0;
            for (int i = 0; i < h.size(); i++) {
                chars += h.name(i).length() + h.value(i).length();
            }
            assertTrue(chars <= limits.maxHeaderSectionBytes(), "fields hold " + chars);
        }
    }

    private static List<Path> corpus() {
        return SeedCorpus.files(RequestParserFuzzTest.class, CORPUS);
    }

    @Test
    void shouldHaveASeedCorpusToReplay() throws URISyntaxException {
        assertTrue(corpus().size() >= 15, "seeds: " + corpus());
    }

    /** The seeds between them reach every status, every framing and the request after a body. */
    @Test
    void shouldHaveSeedsThatReachEveryOutcome() throws Exception {
        for (Path seed : corpus()) {
            shouldSurviveAnyRequest(Files.readAllBytes(seed));
        }
        for (String outcome : List.of("HEAD_DONE GET", "HEAD_DONE HEAD", "HEAD_DONE POST", "no body", "length",
                "chunked", "chunked body read", "next request after a head", "FAILED 400", "FAILED 413",
                "FAILED 414 small", "FAILED 431", "FAILED 431 small", "FAILED 501", "FAILED 505")) {
            assertTrue(outcomes.contains(outcome), outcome + " never reached: " + outcomes);
        }
    }
}
