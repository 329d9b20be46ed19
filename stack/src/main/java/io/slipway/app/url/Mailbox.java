package io.slipway.app.url;

/**
 * The addresses of a mailto URL (RFC 6068 §2): {@code mailtoURI = "mailto:" [ to ] [ hfields ]},
 * {@code to = addr-spec *("," addr-spec )}. Only the addresses are read here; header fields such as
 * {@code ?subject=...} stay in the query, as written. An address is checked for what makes it one,
 * a local part, an {@code '@'} and a domain; what the mail system accepts beyond that is its own.
 */
final class Mailbox {
    private static final String EXAMPLE = "as in mailto:tone@cyber.co.kr (RFC 6068 §2)";

    private Mailbox() {
    }

    /**
     * The addresses in the path [start, end) of {@code in}, decoded; {@code ""} when there are none
     * and header fields follow ({@code mailto:?to=...}, which RFC 6068 §2 allows).
     *
     * @throws UrlException part {@code mailbox} or {@code percent-encoding}
     */
    static String read(ParseInput in, int start, int end, boolean hasHeaderFields) {
        CharacterCheck.check(in, start, end, CharRule.MAILBOX);
        if (start == end) {
            if (hasHeaderFields) {
                return "";
            }
            throw in.fail("mailbox", "no address after 'mailto:', " + EXAMPLE);
        }
        int from = start;
        while (from <= end) {
            int comma = in.indexOfAny(",", from, end);
            checkAddress(in, from, comma);
            from = comma + 1;
        }
        return PercentDecoder.decode(in, start, end);
    }

    /** RFC 6068 §2: {@code addr-spec = local-part "@" domain}; a quoted local part may hold an '@'. */
    private static void checkAddress(ParseInput in, int start, int end) {
        if (start == end) {
            throw in.fail("mailbox", "empty address at position " + in.position(start)
                    + " (addresses are separated by single commas, RFC 6068 §2)");
        }
        String address = PercentDecoder.decode(in, start, end);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw in.fail("mailbox", Quoting.quote(address) + " is not an address local-part@domain, " + EXAMPLE);
        }
    }
}
