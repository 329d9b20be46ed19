package io.slipway.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code <img src>} scanner a page's images are found with: the tag in any case, the value
 * double-quoted, single-quoted or bare (HTML's attribute value forms), each source once and in
 * page order, comments passed over, character references in the value decoded.
 */
class ImageLinksTest {
    @Test
    void shouldFindDoubleQuotedSingleQuotedAndBareSources() {
        assertEquals(List.of("a.png", "b.gif", "c.jpg"),
                ImageLinks.find("<p><img src=\"a.png\"> <img src='b.gif'> <img src=c.jpg></p>"));
    }

    @Test
    void shouldFindTheTagAndTheAttributeInAnyCase() {
        assertEquals(List.of("LOGO.PNG", "x.png"), ImageLinks.find("<IMG SRC=\"LOGO.PNG\"><Img Src='x.png'>"));
    }

    @Test
    void shouldFindSrcAmongOtherAttributesAndSpaces() {
        assertEquals(List.of("/pics/photo.jpg"), ImageLinks.find(
                "<img\n  alt=\"a > b\"  width=10 data-src=\"wrong.png\"\tsrc = \"/pics/photo.jpg\" class=wide />"));
    }

    @Test
    void shouldEndABareValueAtTheTagsEnd() {
        assertEquals(List.of("bare.png"), ImageLinks.find("<img src=bare.png>text"));
    }

    @Test
    void shouldKeepEachSourceOnceInPageOrder() {
        assertEquals(List.of("b.png", "a.png"), ImageLinks.find("<img src=b.png><img src=a.png><img src=\"b.png\">"));
    }

    @Test
    void shouldPassOverComments() {
        assertEquals(List.of("shown.png"),
                ImageLinks.find("<!-- <img src=\"hidden.png\"> --><img src=\"shown.png\">"));
    }

    @Test
    void shouldNotTakeOtherTagsOrAttributes() {
        assertEquals(List.of(), ImageLinks.find("<imgur src=x.png><image src=y.png><a href=z.png>"
                + "<img srcset=\"w.png 2x\"><script src=s.js></script>"));
    }

    @Test
    void shouldSkipEmptySources() {
        assertEquals(List.of(), ImageLinks.find("<img src=\"\"><img src='  '><img src>"));
    }

    @Test
    void shouldDecodeCharacterReferencesInTheValue() {
        assertEquals(List.of("pic.cgi?a=1&b=2"), ImageLinks.find("<img src=\"pic.cgi?a=1&amp;b=2\">"));
    }

    @Test
    void shouldStripSpacesAroundAQuotedValue() {
        assertEquals(List.of("spaced.png"), ImageLinks.find("<img src=\"  spaced.png \">"));
    }

    @Test
    void shouldSurviveATagThatNeverEnds() {
        assertEquals(List.of("first.png"), ImageLinks.find("<img src=first.png><img src=\"unterminated"));
    }
}
