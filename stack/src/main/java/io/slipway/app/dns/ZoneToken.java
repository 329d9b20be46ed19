package io.slipway.app.dns;

/**
 * One field of a master-file entry (RFC 1035 §5.1).
 *
 * @param text for a word, the characters as written, backslash escapes kept (a name's escapes are
 *     {@code DnsName.parse}'s business); for a quoted string, its octets with escapes resolved
 * @param quoted written between double quotes: only character strings (TXT) may be
 */
record ZoneToken(String text, boolean quoted) {
    @Override
    public String toString() {
        return quoted ? '"' + text + '"' : text;
    }
}
