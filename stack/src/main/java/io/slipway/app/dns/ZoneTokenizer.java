package io.slipway.app.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts master-file text into entries (RFC 1035 §5.1): fields are separated by blanks (space,
 * tab); {@code ;} starts a comment that runs to the end of the line; parentheses let an entry
 * go on over several lines (the SOA's usual form); {@code "..."} is a quoted string, in which
 * blanks, {@code ;} and parentheses are plain text; a backslash makes the next character plain
 * text. A line that starts with a blank leaves the owner out.
 *
 * <p>Knows nothing of records or directives: that is {@link ZoneFileParser}'s part. Enforces the
 * text limits ({@link ZoneFileParser#MAX_TEXT_LENGTH}, {@link ZoneFileParser#MAX_LINE_LENGTH},
 * {@link ZoneFileParser#MAX_ENTRY_FIELDS}), so what it holds is bounded whatever the input.
 */
final class ZoneTokenizer {
    private final String sourceName;
    private final String text;
    /** Start of the next line not yet read. */
    private int position;
    /** Number of the last line read, from 1. */
    private int lineNumber;
    /** Where the entry being read starts: the line every error names. */
    private int entryLine;
    /** The entry being read starts with a blank: its owner is the previous record's. */
    private boolean entryBlankOwner;
    private boolean insideParentheses;
    private List<ZoneToken> tokens;
    private final StringBuilder word = new StringBuilder();

    ZoneTokenizer(String sourceName, String text) {
        this.sourceName = sourceName;
        this.text = text;
    }

    /**
     * The next entry with at least one field, or null at the end of the text.
     *
     * @throws ZoneFileException for a limit passed, an unbalanced parenthesis or quote, a bad escape
     */
    ZoneEntry next() throws ZoneFileException {
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            if (end < 0) {
                end = text.length();
            }
            int start = position;
            position = end + 1;
            lineNumber++;
            if (!insideParentheses) {
                entryLine = lineNumber;
                entryBlankOwner = start < end && isBlank(text.charAt(start));
                tokens = new ArrayList<>();
            }
            checkLimits(start, end);
            scanLine(start, end);
            if (!insideParentheses && !tokens.isEmpty()) {
                return new ZoneEntry(entryLine, entryBlankOwner, tokens);
            }
        }
        if (insideParentheses) {
            throw error("unbalanced parenthesis: '(' is not closed by the end of the file");
        }
        return null;
    }

    private void checkLimits(int start, int end) throws ZoneFileException {
        if (end > ZoneFileParser.MAX_TEXT_LENGTH) {
            entryLine = lineNumber;
            throw error("the file is longer than " + ZoneFileParser.MAX_TEXT_LENGTH + " characters");
        }
        if (end - start > ZoneFileParser.MAX_LINE_LENGTH) {
            entryLine = lineNumber;
            throw error("a line is longer than " + ZoneFileParser.MAX_LINE_LENGTH + " characters");
        }
    }

    private void scanLine(int start, int end) throws ZoneFileException {
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            checkOctet(c);
            switch (c) {
                case ' ', '\t', '\r' -> {
                    endWord();
                    i++;
                }
                case ';' -> {
                    endWord();
                    i = end;
                }
                case '(' -> {
                    endWord();
                    if (insideParentheses) {
                        throw error("nested '(': parentheses do not nest in a zone file");
                    }
                    insideParentheses = true;
                    i++;
                }
                case ')' -> {
                    endWord();
                    if (!insideParentheses) {
                        throw error("unbalanced parenthesis: ')' without '('");
                    }
                    insideParentheses = false;
                    i++;
                }
                case '"' -> {
                    endWord();
                    i = readQuoted(i + 1, end);
                }
                case '\\' -> {
                    if (i + 1 >= end) {
                        throw error("a backslash at the end of a line escapes nothing");
                    }
                    checkOctet(text.charAt(i + 1));
                    word.append(c).append(text.charAt(i + 1));
                    i += 2;
                }
                default -> {
                    word.append(c);
                    i++;
                }
            }
        }
        endWord();
    }

    /** Reads a quoted string whose text starts at {@code i}; returns the index after its closing quote. */
    private int readQuoted(int i, int end) throws ZoneFileException {
        StringBuilder raw = new StringBuilder();
        int j = i;
        while (j < end) {
            char c = text.charAt(j);
            checkOctet(c);
            if (c == '"') {
                try {
                    add(new ZoneToken(CharacterStrings.unescape(raw.toString()), true));
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
                return j + 1;
            }
            if (c == '\\' && j + 1 < end) {
                checkOctet(text.charAt(j + 1));
                raw.append(c).append(text.charAt(j + 1));
                j += 2;
            } else {
                raw.append(c);
                j++;
            }
        }
        throw error("unterminated quoted string: no closing '\"' on the line");
    }

    private void endWord() throws ZoneFileException {
        if (word.length() > 0) {
            add(new ZoneToken(word.toString(), false));
            word.setLength(0);
        }
    }

    private void add(ZoneToken token) throws ZoneFileException {
        if (tokens.size() >= ZoneFileParser.MAX_ENTRY_FIELDS) {
            throw error("an entry has more than " + ZoneFileParser.MAX_ENTRY_FIELDS + " fields");
        }
        tokens.add(token);
    }

    /** Names are octet strings and so is TXT data: a character past U+00FF cannot be one. */
    private void checkOctet(char c) throws ZoneFileException {
        if (c > 0xFF) {
            throw error(String.format(Locale.ROOT, "character U+%04X is not an octet: write non-ASCII data"
                    + " as \\DDD escapes (a zone file is read one octet per character)", (int) c));
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private ZoneFileException error(String detail) {
        return new ZoneFileException(sourceName, entryLine, detail);
    }
}
