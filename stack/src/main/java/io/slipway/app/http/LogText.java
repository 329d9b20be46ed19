package io.slipway.app.http;

import java.util.Locale;

/**
 * Peer-supplied text made safe for a one-line log message: quoted, control and non-ASCII octets
 * escaped as {@code \xHH}, and cut short, so that a hostile header can neither split a log line
 * nor make the message large.
 */
final class LogText {
    /** Longest quoted text, escapes included, before it is cut with "...". */
    static final int MAX_QUOTED = 60;

    private LogText() {
    }

    static String quote(CharSequence s) {
        StringBuilder b = new StringBuilder(MAX_QUOTED + 8).append('"');
        int i = 0;
        for (; i < s.length() && b.length() <= MAX_QUOTED; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F) {
                b.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
        if (i < s.length()) {
            b.append("...");
        }
        return b.toString();
    }

    /** An octet for a message: {@code 0x0D}. */
    static String octet(int c) {
        return String.format(Locale.ROOT, "0x%02X", c & 0xFF);
    }
}
