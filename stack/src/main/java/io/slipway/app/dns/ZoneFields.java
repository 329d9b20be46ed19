package io.slipway.app.dns;

import java.util.List;

/**
 * A cursor over the fields of one entry, for the record parser: takes them in order, says
 * clearly which one is missing or left over, and makes errors that name the entry's file and
 * line.
 */
final class ZoneFields {
    private final String sourceName;
    private final ZoneEntry entry;
    private final List<ZoneToken> tokens;
    private int next;

    ZoneFields(String sourceName, ZoneEntry entry) {
        this.sourceName = sourceName;
        this.entry = entry;
        this.tokens = entry.tokens();
    }

    boolean hasNext() {
        return next < tokens.size();
    }

    /** The next field without taking it; null at the end. */
    ZoneToken peek() {
        return hasNext() ? tokens.get(next) : null;
    }

    /** The next field, quoted or not. */
    ZoneToken take(String what) throws ZoneFileException {
        if (!hasNext()) {
            throw error("missing " + what);
        }
        return tokens.get(next++);
    }

    /** The next field, which must not be a quoted string (names, numbers, addresses, types). */
    String word(String what) throws ZoneFileException {
        ZoneToken t = take(what);
        if (t.quoted()) {
            throw error(what + " cannot be a quoted string: " + t);
        }
        return t.text();
    }

    /** Fails if any field is left after {@code what}. */
    void end(String what) throws ZoneFileException {
        if (hasNext()) {
            throw error("unexpected field after " + what + ": " + tokens.get(next));
        }
    }

    int line() {
        return entry.line();
    }

    ZoneFileException error(String detail) {
        return new ZoneFileException(sourceName, entry.line(), detail);
    }
}
