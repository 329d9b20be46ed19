package io.slipway.app.dns;

import java.util.List;

/**
 * One entry of a master file: a directive or a record, the fields of one line or of several
 * joined by parentheses (RFC 1035 §5.1), comments removed.
 *
 * @param line where the entry starts, from 1: every error about it names this line
 * @param blankOwner the entry's first line starts with a blank, so the owner is the previous
 *     record's (RFC 1035 §5.1)
 * @param tokens at least one
 */
record ZoneEntry(int line, boolean blankOwner, List<ZoneToken> tokens) {
    ZoneEntry {
        tokens = List.copyOf(tokens);
    }
}
