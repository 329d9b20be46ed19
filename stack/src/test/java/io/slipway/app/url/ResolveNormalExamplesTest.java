package io.slipway.app.url;

import static io.slipway.app.url.UrlErrors.resolveMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3986 §5.4.1 Normal Examples: every one, against the base {@code http://a/b/c/d;p?q}. */
class ResolveNormalExamplesTest {
    private static final Url BASE = Url.parse("http://a/b/c/d;p?q");

    @Test
    void shouldRefuseTheAbsoluteExampleWithAnUnsupportedScheme() {
        // §5.4.1: "g:h" -> "g:h". The reference is absolute (§5.2.2, R.scheme defined), but "g" is
        // not a scheme slipway knows, so the result cannot be a Url.
        assertEquals("bad scheme in reference 'g:h': 'g' is not supported; supported schemes are"
                + " http, https, ftp, file, mailto, news", resolveMessage("scheme", BASE.toString(), "g:h"));
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // §5.4.1, in the RFC's order; "" (the empty reference) is the last.
        "g         | http://a/b/c/g",
        "./g       | http://a/b/c/g",
        "g/        | http://a/b/c/g/",
        "/g        | http://a/g",
        "?y        | http://a/b/c/d;p?y",
        "g?y       | http://a/b/c/g?y",
        "#s        | http://a/b/c/d;p?q#s",
        "g#s       | http://a/b/c/g#s",
        "g?y#s     | http://a/b/c/g?y#s",
        ";x        | http://a/b/c/;x",
        "g;x       | http://a/b/c/g;x",
        "g;x?y#s   | http://a/b/c/g;x?y#s",
        "''        | http://a/b/c/d;p?q",
        ".         | http://a/b/c/",
        "./        | http://a/b/c/",
        "..        | http://a/b/",
        "../       | http://a/b/",
        "../g      | http://a/b/g",
        "../..     | http://a/",
        "../../    | http://a/",
        "../../g   | http://a/g",
    }, emptyValue = "")
    void shouldResolveEveryNormalExample(String reference, String expected) {
        assertEquals(expected, BASE.resolve(reference).toString());
    }

    @Test
    void shouldResolveTheNetworkPathExample() {
        // §5.4.1: "//g" -> "http://g"; its empty path is "/" in the normalized form (§6.2.3).
        Url resolved = BASE.resolve("//g");

        assertEquals(Url.parse("http://g"), resolved);
        assertEquals("http://g/", resolved.toString());
        assertEquals("g", resolved.host());
    }
}
