package io.slipway.app.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slipway.testing.SeedCorpus;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the URL parser and resolver: any text, read both as octets (ISO-8859-1) and as
 * UTF-8 (so characters past U+00FF come too), is a URL or is refused with a {@link UrlException}
 * whose part is one of the documented parts and whose message is one line
 * {@code bad <part> in ...}; nothing else escapes. A URL that parses reads back equal from its
 * normalized form, which is printable ASCII and stable; resolving the text as a reference against
 * bases of each kind, and resolving against the parsed URL itself, gives a URL or a
 * {@link UrlException} too, and a resolved URL reads back equal. Under {@code mvn test} Jazzer
 * replays {@code UrlFuzzTestInputs/shouldSurviveAnyText/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class UrlFuzzTest {
    private static final String CORPUS = "UrlFuzzTestInputs/shouldSurviveAnyText";
    private static final int MAX_INPUT = 4096;
    private static final Set<String> PARTS = Set.of("scheme", "host", "port", "path", "userinfo",
            "percent-encoding", "query", "fragment", "mailbox", "newsgroup", "reference");
    private static final Pattern ONE_LINE = Pattern.compile("bad [a-z-]+ in [^\\p{Cntrl}\\u2028\\u2029]+");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");
    private static final List<Url> BASES = List.of(Url.parse("http://a/b/c/d;p?q"),
            Url.parse("ftp://u:p@h:2121/pub/"), Url.parse("file:///c:/docs/index.html"),
            Url.parse("mailto:tone@cyber.co.kr"), Url.parse("news:comp.protocols.tcp-ip"));

    private final Set<String> outcomes = new HashSet<>();

    @FuzzTest
    void shouldSurviveAnyText(byte[] input) {
        if (input.length > MAX_INPUT) {
            return;
        }
        check(new String(input, StandardCharsets.ISO_8859_1));
        check(new String(input, StandardCharsets.UTF_8));
    }

    private void check(String text) {
        Url url = parseOrReject(text);
        if (url != null) {
            outcomes.add("parsed " + url.scheme());
            assertRoundTrips(url);
            for (String reference : new String[] {"", "../x", "#f", text}) {
                resolveOrReject(url, reference);
            }
        }
        for (Url base : BASES) {
            resolveOrReject(base, text);
        }
    }

    private Url parseOrReject(String text) {
        try {
            return Url.parse(text);
        } catch (UrlException e) {
            assertWellFormed(e);
            outcomes.add("rejected " + e.part());
            return null;
        }
    }

    private void resolveOrReject(Url base, String reference) {
        Url resolved;
        try {
            resolved = base.resolve(reference);
        } catch (UrlException e) {
            assertWellFormed(e);
            return;
        }
        outcomes.add("resolved");
        assertRoundTrips(resolved);
        // §5.2.2: an empty reference is the base without its fragment.
        String withoutFragment = resolved.toString().split("#", 2)[0];
        assertEquals(withoutFragment, resolved.resolve("").toString(), "empty reference against " + resolved);
    }

    private static void assertRoundTrips(Url url) {
        String text = url.toString();
        assertTrue(PRINTABLE_ASCII.matcher(text).matches(), "not printable ASCII: " + text);
        Url again = Url.parse(text);
        assertEquals(url, again, text);
        assertEquals(text, again.toString());
        assertEquals(url.hashCode(), again.hashCode());
        assertEquals(url.path(), again.path());
        assertEquals(url.requestTarget(), again.requestTarget());
        assertEquals(url.hostHeader(), again.hostHeader());
        assertEquals(url.port(), again.port());
        assertTrue(url.requestTarget().startsWith(url.rawPath()));
    }

    private static void assertWellFormed(UrlException e) {
        assertTrue(PARTS.contains(e.part()), "unknown part: " + e.part());
        assertTrue(ONE_LINE.matcher(e.getMessage()).matches(), "not one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("bad " + e.part() + " in "), e.getMessage());
    }

    private static List<Path> corpus() {
        return SeedCorpus.files(UrlFuzzTest.class, CORPUS);
    }

    @Test
    void shouldHaveASeedCorpusToReplay() throws URISyntaxException {
        assertTrue(corpus().size() >= 20, "seeds: " + corpus());
    }

    /** The seeds between them parse every scheme, resolve, and reach the common refusals. */
    @Test
    void shouldHaveSeedsThatReachEveryOutcome() throws Exception {
        for (Path seed : corpus()) {
            shouldSurviveAnyText(Files.readAllBytes(seed));
        }
        for (String outcome : List.of("parsed http", "parsed https", "parsed ftp", "parsed file", "parsed mailto",
                "parsed news", "resolved", "rejected scheme", "rejected host", "rejected port", "rejected path",
                "rejected percent-encoding")) {
            assertTrue(outcomes.contains(outcome), outcome + " never reached: " + outcomes);
        }
    }
}
