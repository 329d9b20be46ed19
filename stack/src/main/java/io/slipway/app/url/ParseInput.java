package io.slipway.app.url;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text being read, kept whole so that every error quotes it and points into it. A URL given
 * to {@link Url#parse} is quoted as it is; a reference given to {@link Url#resolve} is quoted as
 * {@code reference '...'}, and the URL it resolves to with the reference after it, so that the
 * user knows which text is wrong. Positions always count in the text quoted first.
 */
final class ParseInput {
    private final String text;
    /** How messages name the text: {@code 'http://...'} or {@code reference '...'}. */
    private final String quoted;

    private ParseInput(String text, String quoted) {
        this.text = text;
        this.quoted = quoted;
    }

    static ParseInput url(String text) {
        return new ParseInput(text, Quoting.quote(text));
    }

    static ParseInput reference(String text) {
        return new ParseInput(text, "reference " + Quoting.quote(text));
    }

    /** The URL that {@code reference} resolved to, which is read again to check it. */
    static ParseInput resolved(String text, String reference) {
        return new ParseInput(text, Quoting.quote(text) + " (resolved from reference " + Quoting.quote(reference)
                + ")");
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    char charAt(int index) {
        return text.charAt(index);
    }

    String substring(int start, int end) {
        return text.substring(start, end);
    }

    /** The first index in [from, end) of any of {@code chars}, else {@code end}. */
    int indexOfAny(String chars, int from, int end) {
        for (int i = from; i < end; i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return end;
    }

    /** {@code bad <part> in '<text>': <detail>}: every message has this one shape. */
    UrlException fail(String part, String detail) {
        return new UrlException(part, "bad " + part + " in " + quoted + ": " + detail);
    }

    /**
     * The character at {@code index} is not allowed where it is.
     *
     * @param where ends the sentence "... is not allowed ", e.g. {@code in a path}
     * @param suggestEncoding whether to say how a browser would percent-encode it (not for hosts
     *     and schemes, where encoding does not help)
     */
    UrlException badCharacter(String part, int index, String where, boolean suggestEncoding) {
        String detail = describe(index) + " at position " + position(index) + " is not allowed " + where;
        if (suggestEncoding) {
            String encoded = percentEncoded(index);
            if (encoded != null) {
                detail += " (a browser would write it as " + encoded + ")";
            }
        }
        return fail(part, detail);
    }

    /** Position counted from 1 in characters (code points), as a user counts them. */
    int position(int index) {
        return text.codePointCount(0, index) + 1;
    }

    /** {@code space}, {@code control character U+000A}, {@code 'é' (U+00E9)} or {@code '<'}. */
    String describe(int index) {
        int c = text.codePointAt(index);
        if (c == ' ') {
            return "space";
        }
        if (Quoting.isControl(c)) {
            return "control character " + Quoting.codePoint(c);
        }
        if (isLoneSurrogate(c)) {
            return "lone surrogate " + Quoting.codePoint(c);
        }
        if (c > 0x7E) {
            return "'" + Quoting.oneLine(new String(Character.toChars(c))) + "' (" + Quoting.codePoint(c) + ")";
        }
        return "'" + (char) c + "'";
    }

    /**
     * The character at {@code index} as RFC 3986 §2.1 would carry it: its UTF-8 octets as
     * {@code %XX} (§2.5); null for a lone surrogate, which has no UTF-8 form.
     */
    private String percentEncoded(int index) {
        int c = text.codePointAt(index);
        if (isLoneSurrogate(c)) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
            s.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
        }
        return s.toString();
    }

    /** What {@link String#codePointAt} returns for half of a pair with no other half. */
    private static boolean isLoneSurrogate(int c) {
        return c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
    }
}
