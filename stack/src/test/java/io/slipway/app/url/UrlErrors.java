package io.slipway.app.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The error a text gets, for tests that check the part and the exact message. */
final class UrlErrors {
    private UrlErrors() {
    }

    /** The exception {@link Url#parse} throws for {@code text}, after checking its part. */
    static UrlException parseError(String part, String text) {
        UrlException e = assertThrows(UrlException.class, () -> Url.parse(text), text);
        assertEquals(part, e.part(), e.getMessage());
        return e;
    }

    /** The message {@link Url#parse} gives for {@code text}, after checking the part. */
    static String parseMessage(String part, String text) {
        return parseError(part, text).getMessage();
    }

    /** The message {@link Url#resolve} gives for {@code reference} against {@code base}, after checking the part. */
    static String resolveMessage(String part, String base, String reference) {
        Url b = Url.parse(base);
        UrlException e = assertThrows(UrlException.class, () -> b.resolve(reference), reference);
        assertEquals(part, e.part(), e.getMessage());
        return e.getMessage();
    }
}
