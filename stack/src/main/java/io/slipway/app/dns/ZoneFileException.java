package io.slipway.app.dns;

/**
 * A zone file that cannot be loaded: bad syntax, a limit passed, or data that does not make a
 * zone. The message is always one line, {@code <file>:<line>: <what is wrong>}, the way compilers
 * and BIND's named-checkzone report, so that it can be shown to the user as it is.
 */
public final class ZoneFileException extends Exception {
    /** Longest description kept, so that a hostile file cannot make the message huge. */
    static final int MAX_DETAIL_LENGTH = 300;

    private final String sourceName;
    private final int line;
    private final String detail;

    /**
     * @param sourceName the file as the user named it
     * @param line the line where the offending record (or directive) starts, from 1
     * @param detail what is wrong; control characters are escaped so the message stays one line
     */
    public ZoneFileException(String sourceName, int line, String detail) {
        super(oneLine(sourceName) + ":" + line + ": " + oneLine(detail));
        this.sourceName = sourceName;
        this.line = line;
        this.detail = oneLine(detail);
    }

    public String sourceName() {
        return sourceName;
    }

    public int line() {
        return line;
    }

    /** The message without the {@code <file>:<line>: } prefix. */
    public String detail() {
        return detail;
    }

    /** Control and line-break characters escaped ({@code \DDD}; U+2028 and U+2029 Java-style), long text cut. */
    static String oneLine(String text) {
        String t = text == null ? "null" : text;
        StringBuilder s = new StringBuilder(Math.min(t.length(), MAX_DETAIL_LENGTH) + 8);
        int i = 0;
        for (; i < t.length() && s.length() < MAX_DETAIL_LENGTH; i++) {
            char c = t.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                s.append(String.format(java.util.Locale.ROOT, "\\%03d", (int) c));
            } else if (c == 0x2028 || c == 0x2029) {
                s.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                s.append(c);
            }
        }
        if (i < t.length()) {
            s.append("...");
        }
        return s.toString();
    }
}
