package io.slipway.app.url;

import static io.slipway.app.url.UrlErrors.resolveMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3986 §5.4.2 Abnormal Examples: every one, against the base {@code http://a/b/c/d;p?q}. */
class ResolveAbnormalExamplesTest {
    private static final Url BASE = Url.parse("http://a/b/c/d;p?q");

    @ParameterizedTest(name = "more \"..\" than segments: \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        // §5.4.2: "parsers must be careful in handling cases where there are more ".." segments
        // in a relative-path reference than there are hierarchical levels in the base URI's path."
        "../../../g    | http://a/g",
        "../../../../g | http://a/g",
    })
    void shouldStopDotDotAtTheRoot(String reference, String expected) {
        assertEquals(expected, BASE.resolve(reference).toString());
    }

    @ParameterizedTest(name = "dot segments in an absolute path: \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        // §5.4.2: "remove the dot-segments "." and ".." when they are complete components of a
        // path, but not when they are only part of a segment."
        "/./g  | http://a/g",
        "/../g | http://a/g",
    })
    void shouldRemoveDotSegmentsFromAnAbsolutePath(String reference, String expected) {
        assertEquals(expected, BASE.resolve(reference).toString());
    }

    @ParameterizedTest(name = "dots inside a segment: \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "g.  | http://a/b/c/g.",
        ".g  | http://a/b/c/.g",
        "g.. | http://a/b/c/g..",
        "..g | http://a/b/c/..g",
    })
    void shouldKeepDotsThatArePartOfASegment(String reference, String expected) {
        assertEquals(expected, BASE.resolve(reference).toString());
    }

    @ParameterizedTest(name = "unnecessary or nonsensical dot segments: \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        // §5.4.2: "less likely are cases where the relative reference uses unnecessary or
        // nonsensical forms of the "." and ".." complete path segments."
        "./../g     | http://a/b/g",
        "./g/.      | http://a/b/c/g/",
        "g/./h      | http://a/b/c/g/h",
        "g/../h     | http://a/b/c/h",
        "g;x=1/./y  | http://a/b/c/g;x=1/y",
        "g;x=1/../y | http://a/b/c/y",
    })
    void shouldRemoveNonsensicalDotSegments(String reference, String expected) {
        assertEquals(expected, BASE.resolve(reference).toString());
    }

    @ParameterizedTest(name = "dot segments in query or fragment: \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        // §5.4.2: "Some applications fail to separate the reference's query and/or fragment
        // components from the path component before merging it with the base path".
        "g?y/./x  | http://a/b/c/g?y/./x",
        "g?y/../x | http://a/b/c/g?y/../x",
        "g#s/./x  | http://a/b/c/g#s/./x",
        "g#s/../x | http://a/b/c/g#s/../x",
    })
    void shouldKeepDotSegmentsInQueryAndFragment(String reference, String expected) {
        assertEquals(expected, BASE.resolve(reference).toString());
    }

    @Test
    void shouldReadTheSameSchemeAsAbsoluteInStrictMode() {
        // §5.4.2: "http:g" -> "http:g" for strict parsers. An http URL with no authority is not
        // one slipway can fetch, so strict resolution ends in an error rather than in
        // "http://a/b/c/g" (the backward-compatible answer §5.2.2 allows but does not require).
        assertEquals("bad host in reference 'http:g': an http URL has '//' and a host after 'http:', as in"
                + " http://www.example.com/", resolveMessage("host", BASE.toString(), "http:g"));
    }
}
