package io.slipway.app.url;

/**
 * Checks one part of a URL, as written, against its {@link CharRule}: every character is allowed
 * there or is part of a well-formed percent-encoding. A browser would quietly encode a space or a
 * non-ASCII letter; we are strict and say which character, at which position, and how to write it.
 */
final class CharacterCheck {
    private CharacterCheck() {
    }

    /**
     * @throws UrlException part {@code percent-encoding} for a {@code '%'} not followed by two
     *     hex digits (RFC 3986 §2.1), else the rule's part for a character not allowed
     */
    static void check(ParseInput in, int start, int end, CharRule rule) {
        for (int i = start; i < end; i++) {
            char c = in.charAt(i);
            if (c == '%') {
                checkPercentEncoding(in, i, end);
                i += 2;
            } else if (!rule.allows(c)) {
                throw in.badCharacter(rule.part, i, rule.where, true);
            }
        }
    }

    /** RFC 3986 §2.1: {@code pct-encoded = "%" HEXDIG HEXDIG}, the two digits inside the same part. */
    static void checkPercentEncoding(ParseInput in, int at, int end) {
        if (at + 2 < end && CharRule.isHexDigit(in.charAt(at + 1)) && CharRule.isHexDigit(in.charAt(at + 2))) {
            return;
        }
        int shown = Math.min(at + 3, end);
        throw in.fail("percent-encoding", Quoting.quote(in.substring(at, shown)) + " at position "
                + in.position(at) + ": '%' must be followed by two hex digits (RFC 3986 §2.1);"
                + " a '%' itself is written %25");
    }
}
