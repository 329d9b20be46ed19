package io.slipway.app.dns;

/**
 * The escapes of RFC 1035 §5.1 in character strings: {@code \X} is the character X taken
 * literally (so {@code \"} is a quote inside a quoted string), {@code \DDD} is the octet with
 * decimal value DDD. Text is held one character per octet (ISO-8859-1), as {@code RData.Txt}
 * holds it.
 */
final class CharacterStrings {
    /** A character string on the wire is a length octet and at most 255 octets (RFC 1035 §3.3). */
    static final int MAX_LENGTH = 255;

    private CharacterStrings() {
    }

    /**
     * The octets {@code raw} stands for.
     *
     * @throws IllegalArgumentException for a {@code \DDD} without three digits or above 255, or a
     *     trailing lone backslash
     */
    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= raw.length()) {
                throw new IllegalArgumentException("a lone backslash at the end of a string");
            }
            char d = raw.charAt(i + 1);
            if (!isDigit(d)) {
                out.append(d);
                i += 2;
                continue;
            }
            if (i + 3 >= raw.length() || !isDigit(raw.charAt(i + 2)) || !isDigit(raw.charAt(i + 3))) {
                throw new IllegalArgumentException("a \\DDD escape needs three decimal digits: "
                        + raw.substring(i, Math.min(raw.length(), i + 4)));
            }
            int value = (d - '0') * 100 + (raw.charAt(i + 2) - '0') * 10 + (raw.charAt(i + 3) - '0');
            if (value > 255) {
                throw new IllegalArgumentException("a \\DDD escape must be 000..255: \\" + raw.substring(i + 1, i + 4));
            }
            out.append((char) value);
            i += 4;
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
