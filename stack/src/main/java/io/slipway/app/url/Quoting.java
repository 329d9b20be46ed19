package io.slipway.app.url;

import java.util.Locale;

/**
 * Text as error messages show it: on one line, whatever the text holds, and not too long to read.
 * A URL can hold anything a user pasted, line breaks included; the message must stay one line.
 */
final class Quoting {
    /** Longest text quoted whole; a longer one is cut, so a huge input cannot make a huge message. */
    static final int MAX_QUOTED = 200;

    private Quoting() {
    }

    /** {@code text} between single quotes, as {@link #shorten} writes it. */
    static String quote(String text) {
        return "'" + shorten(text) + "'";
    }

    /** {@code text} escaped as {@link #oneLine} does and cut after {@link #MAX_QUOTED}, without quotes. */
    static String shorten(String text) {
        return text.length() > MAX_QUOTED ? oneLine(text.substring(0, MAX_QUOTED)) + "..." : oneLine(text);
    }

    /** Control characters, and the Unicode line and paragraph separators, written as {@code \}{@code uXXXX}. */
    static String oneLine(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) || c == '\u2028' || c == '\u2029') {
                s.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** C0 and C1 controls and DEL: characters that move the cursor or mean nothing on screen. */
    static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** {@code U+00E9}: how a character is named when showing it could mislead or break the line. */
    static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }
}
