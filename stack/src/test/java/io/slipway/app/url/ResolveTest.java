package io.slipway.app.url;

import static io.slipway.app.url.UrlErrors.resolveMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** RFC 3986 §5.2 beyond the §5.4 examples: what a browser meets in Location headers and links. */
class ResolveTest {
    private static final String PAGE = "http://www.cyber.co.kr:8080/dir/page.html?x=1#top";

    @Test
    void shouldResolveAnImageNextToThePage() {
        // <img src="logo.png"> on /dir/page.html (§5.2.3 merge).
        assertEquals("http://www.cyber.co.kr:8080/dir/logo.png", Url.parse(PAGE).resolve("logo.png").toString());
    }

    @Test
    void shouldResolveAnAbsoluteLocation() {
        // RFC 9110 §10.2.2: Location = URI-reference; an absolute one replaces the base.
        assertEquals("https://login.cyber.co.kr/", Url.parse(PAGE).resolve("https://login.cyber.co.kr").toString());
    }

    @Test
    void shouldRemoveDotSegmentsFromAnAbsoluteReference() {
        // §5.2.2: with R.scheme defined, T.path = remove_dot_segments(R.path).
        assertEquals("http://h/c", Url.parse(PAGE).resolve("http://h/a/../c").toString());
    }

    @Test
    void shouldKeepTheBaseUserinfoAndPort() {
        // §5.2.2: T.authority = Base.authority for a reference without authority.
        assertEquals("ftp://tone:pw@h:2121/pub/other", Url.parse("ftp://tone:pw@h:2121/pub/file").resolve("other")
                .toString());
    }

    @Test
    void shouldIgnoreTheFragmentOfTheBase() {
        // §5.1: the base URI's fragment plays no part; T.fragment = R.fragment.
        assertEquals("http://www.cyber.co.kr:8080/dir/page.html?x=1", Url.parse(PAGE).resolve("").toString());
    }

    @Test
    void shouldResolveAgainstAFileUrl() {
        assertEquals("file:///c:/docs/img/a.png",
                Url.parse("file:///c:/docs/index.html").resolve("img/a.png").toString());
    }

    @Test
    void shouldResolveAgainstAFileUrlWithoutAuthority() {
        assertEquals("file:///etc/hosts", Url.parse("file:/etc/passwd").resolve("hosts").toString());
    }

    @Test
    void shouldResolveAFragmentAgainstAMailtoUrl() {
        assertEquals("mailto:tone@cyber.co.kr#x", Url.parse("mailto:tone@cyber.co.kr").resolve("#x").toString());
    }

    @Test
    void shouldResolveAnAbsoluteMailtoReference() {
        assertEquals("mailto:tone@cyber.co.kr", Url.parse(PAGE).resolve("mailto:tone@cyber.co.kr").toString());
    }

    @Test
    void shouldLowerTheCaseOfAReferencedHost() {
        assertEquals("http://other.example/x", Url.parse(PAGE).resolve("//OTHER.example/x").toString());
    }

    @Test
    void shouldRejectASpaceInAReference() {
        // Positions count in the reference as written.
        assertEquals("bad path in reference 'my logo.png': space at position 3 is not allowed in a path"
                + " (a browser would write it as %20)", resolveMessage("path", PAGE, "my logo.png"));
    }

    @Test
    void shouldRejectABadPercentEncodingThatDotSegmentsWouldRemove() {
        // The reference is checked before remove_dot_segments could drop the bad segment.
        resolveMessage("percent-encoding", PAGE, "%zz/../a");
    }

    @Test
    void shouldRejectABadPercentEncodingInAnAbsoluteReferenceThatDotSegmentsWouldRemove() {
        resolveMessage("percent-encoding", PAGE, "http://h/%zz/../a");
    }

    @Test
    void shouldRejectABadQueryInAReference() {
        resolveMessage("query", PAGE, "?a b");
    }

    @Test
    void shouldRejectABadFragmentInAReference() {
        resolveMessage("fragment", PAGE, "#a#b");
    }

    @Test
    void shouldRejectAColonInTheFirstSegmentOfARelativePath() {
        // §4.2: "A path segment that contains a colon character (e.g., "this:that") cannot be used
        // as the first segment of a relative-path reference, as it would be mistaken for a scheme
        // name. Such a segment must be preceded by a dot-segment (e.g., "./this:that")".
        assertEquals("bad reference in reference '1a:b': '1a' before ':' is not a scheme name (a letter, then"
                + " letters, digits, '+', '-' or '.'), and a relative path cannot have ':' in its first segment:"
                + " write ./1a:b (RFC 3986 §4.2)", resolveMessage("reference", PAGE, "1a:b"));
    }

    @Test
    void shouldRejectAReferenceStartingWithAColon() {
        resolveMessage("reference", PAGE, ":x");
    }

    @Test
    void shouldResolveAColonAfterADotSegment() {
        // §4.2: "./this:that".
        assertEquals("http://www.cyber.co.kr:8080/dir/1a:b", Url.parse(PAGE).resolve("./1a:b").toString());
    }

    @Test
    void shouldRejectABadHostInANetworkPathReferenceQuotingTheResult() {
        assertEquals("bad host in 'http://my_host/' (resolved from reference '//my_host/'): '_' at position 10 is"
                + " not allowed in a host name (letters, digits, '-' and '.', RFC 1123 §2.1)",
                resolveMessage("host", PAGE, "//my_host/"));
    }

    @Test
    void shouldRejectANetworkPathReferenceWithoutHost() {
        resolveMessage("host", PAGE, "//");
    }

    @Test
    void shouldRejectAResultThatIsNotAMailtoAddress() {
        resolveMessage("mailbox", "mailto:tone@cyber.co.kr", "other");
    }

    @Test
    void shouldRejectNullWithNullPointerException() {
        assertThrows(NullPointerException.class, () -> Url.parse(PAGE).resolve(null));
    }
}
