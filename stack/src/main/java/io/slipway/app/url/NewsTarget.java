package io.slipway.app.url;

/**
 * What a news URL names (RFC 5538 §2.2): {@code news:comp.protocols.tcp-ip}, a newsgroup, or
 * {@code news:1234@example.com}, an article by its message-id; the {@code '@'} tells them apart.
 * The message-id is written without its angle brackets (§2.2, RFC 5536 §3.1.3
 * {@code msg-id-core}). The form naming a server, {@code news://server/group}, is not supported:
 * the browser reads news from the one server configured for it.
 */
final class NewsTarget {
    private static final String EXAMPLE = "as in news:comp.protocols.tcp-ip or news:1234@example.com";

    private NewsTarget() {
    }

    /**
     * The newsgroup or message-id in the path [start, end) of {@code in}, decoded.
     *
     * @throws UrlException part {@code newsgroup} or {@code percent-encoding}
     */
    static String read(ParseInput in, int start, int end) {
        if (start == end) {
            throw in.fail("newsgroup", "no newsgroup or message-id after 'news:', " + EXAMPLE + " (RFC 5538 §2.2)");
        }
        int bracket = in.indexOfAny("<>", start, end);
        if (bracket < end) {
            throw in.fail("newsgroup", in.describe(bracket) + " at position " + in.position(bracket)
                    + ": a message-id is written without angle brackets, " + EXAMPLE + " (RFC 5538 §2.2)");
        }
        CharacterCheck.check(in, start, end, CharRule.NEWS);
        String target = PercentDecoder.decode(in, start, end);
        int at = target.indexOf('@');
        if (at >= 0) {
            if (at == 0 || at == target.length() - 1) {
                throw in.fail("newsgroup", Quoting.quote(target)
                        + " is not a message-id left@right (RFC 5536 §3.1.3)");
            }
            return target;
        }
        checkNewsgroup(in, start, end);
        return target;
    }

    /**
     * RFC 5536 §3.1.4: {@code newsgroup-name = component *( "." component )}, {@code component =
     * 1*( ALPHA / DIGIT / "+" / "-" / "_" )}; and {@code '*'}, the wildmat that RFC 5538 §2.2
     * allows for a set of groups ({@code news:comp.*}, {@code news:*}).
     */
    private static void checkNewsgroup(ParseInput in, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = in.charAt(i);
            boolean ok = CharRule.isAlpha(c) || CharRule.isDigit(c) || "+-_*".indexOf(c) >= 0;
            if (c == '.') {
                if (i == start || i == end - 1 || in.charAt(i - 1) == '.') {
                    throw in.fail("newsgroup", "empty name component at position " + in.position(i)
                            + " (a newsgroup name is names separated by single dots, RFC 5536 §3.1.4)");
                }
            } else if (!ok) {
                throw in.badCharacter("newsgroup", i, "in a newsgroup name (letters, digits, '+', '-', '_'"
                        + " and '.', RFC 5536 §3.1.4; a message-id has an '@')", false);
            }
        }
    }
}
