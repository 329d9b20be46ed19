package io.slipway.app.url;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 3986 §5.2.4 remove_dot_segments, on its own. */
class DotSegmentsTest {
    @Test
    void shouldRemoveTheFirstWorkedExample() {
        // §5.2.4: "/a/b/c/./../../g" -> "/a/g", step by step in the RFC.
        assertEquals("/a/g", DotSegments.remove("/a/b/c/./../../g"));
    }

    @Test
    void shouldRemoveTheSecondWorkedExample() {
        // §5.2.4: "mid/content=5/../6" -> "mid/6".
        assertEquals("mid/6", DotSegments.remove("mid/content=5/../6"));
    }

    @Test
    void shouldDropLeadingDotDotOfARelativePath() {
        // §5.2.4 A: a leading "../" or "./" is removed.
        assertEquals("a", DotSegments.remove("../../a"));
        assertEquals("a", DotSegments.remove("./a"));
    }

    @Test
    void shouldTurnAFinalSlashDotIntoSlash() {
        // §5.2.4 B: "/." at the end becomes "/".
        assertEquals("/a/", DotSegments.remove("/a/."));
    }

    @Test
    void shouldTurnAFinalSlashDotDotIntoSlashAndDropASegment() {
        // §5.2.4 C.
        assertEquals("/a/", DotSegments.remove("/a/b/.."));
    }

    @Test
    void shouldRemoveALoneDotOrDotDot() {
        // §5.2.4 D.
        assertEquals("", DotSegments.remove("."));
        assertEquals("", DotSegments.remove(".."));
    }

    @Test
    void shouldKeepEmptySegments() {
        // Only "." and ".." are dot segments; "//" is an empty segment and stays.
        assertEquals("/a//b/", DotSegments.remove("/a//b/./"));
        assertEquals("/a/", DotSegments.remove("/a//.."));
    }

    @Test
    void shouldKeepAPathWithoutDotSegments() {
        assertEquals("/a/b.c/d..e/", DotSegments.remove("/a/b.c/d..e/"));
        assertEquals("", DotSegments.remove(""));
    }

    @Test
    void shouldStayLinearOnManyDotSegments() {
        // The input is walked with an index, never copied per step.
        assertEquals("/", DotSegments.remove("/.".repeat(200_000)));
        assertEquals("/", DotSegments.remove("/a/..".repeat(100_000)));
    }
}
