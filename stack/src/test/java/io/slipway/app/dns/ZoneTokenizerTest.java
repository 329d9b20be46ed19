package io.slipway.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 1035 §5.1's lexical rules: blanks, comments, parentheses, quotes, escapes. */
class ZoneTokenizerTest {
    private static List<ZoneEntry> entries(String text) throws ZoneFileException {
        ZoneTokenizer tokenizer = new ZoneTokenizer("t.zone", text);
        List<ZoneEntry> out = new ArrayList<>();
        for (ZoneEntry e = tokenizer.next(); e != null; e = tokenizer.next()) {
            out.add(e);
        }
        return out;
    }

    private static List<String> texts(ZoneEntry entry) {
        return entry.tokens().stream().map(ZoneToken::toString).toList();
    }

    @Test
    void shouldSplitFieldsOnSpacesAndTabs() throws ZoneFileException {
        List<ZoneEntry> e = entries("www\t300  IN A\t10.0.0.1\n");
        assertEquals(1, e.size());
        assertEquals(List.of("www", "300", "IN", "A", "10.0.0.1"), texts(e.get(0)));
        assertEquals(1, e.get(0).line());
        assertFalse(e.get(0).blankOwner());
    }

    @Test
    void shouldDropCommentsAndLinesWithNothingElse() throws ZoneFileException {
        List<ZoneEntry> e = entries("; header\n\n   ; indented comment\nwww A 10.0.0.1 ; the web\n");
        assertEquals(1, e.size());
        assertEquals(List.of("www", "A", "10.0.0.1"), texts(e.get(0)));
        assertEquals(4, e.get(0).line());
    }

    @Test
    void shouldMarkALineThatStartsWithABlank() throws ZoneFileException {
        List<ZoneEntry> e = entries("www A 10.0.0.1\n\tA 10.0.0.2\n  A 10.0.0.3");
        assertFalse(e.get(0).blankOwner());
        assertTrue(e.get(1).blankOwner());
        assertTrue(e.get(2).blankOwner());
        assertEquals(3, e.get(2).line());
    }

    @Test
    void shouldJoinLinesInParenthesesIntoOneEntryNumberedByItsFirstLine() throws ZoneFileException {
        List<ZoneEntry> e = entries("x\n@ SOA ns host ( 1 ; serial\n  2 3\n\n  4 5 )\ny A 10.0.0.1\n");
        assertEquals(3, e.size());
        assertEquals(List.of("@", "SOA", "ns", "host", "1", "2", "3", "4", "5"), texts(e.get(1)));
        assertEquals(2, e.get(1).line());
        assertFalse(e.get(1).blankOwner(), "the continuation lines' blanks do not count");
        assertEquals(6, e.get(2).line());
    }

    @Test
    void shouldKeepBlanksSemicolonsAndParenthesesInsideQuotes() throws ZoneFileException {
        List<ZoneEntry> e = entries("t TXT \"a b; (c)\" plain\n");
        assertEquals(List.of("t", "TXT", "\"a b; (c)\"", "plain"), texts(e.get(0)));
        assertTrue(e.get(0).tokens().get(2).quoted());
        assertFalse(e.get(0).tokens().get(3).quoted());
    }

    @Test
    void shouldResolveEscapesInQuotedStrings() throws ZoneFileException {
        ZoneToken t = entries("t TXT \"say \\\"hi\\\" \\\\ \\065\\255\"").get(0).tokens().get(2);
        assertEquals("say \"hi\" \\ A\u00FF", t.text());
    }

    @Test
    void shouldKeepEscapesInWordsForTheNameParser() throws ZoneFileException {
        List<ZoneEntry> e = entries("a\\.b\\;c A 10.0.0.1 \\(x");
        assertEquals(List.of("a\\.b\\;c", "A", "10.0.0.1", "\\(x"), texts(e.get(0)));
    }

    @Test
    void shouldReadAnEmptyQuotedString() throws ZoneFileException {
        ZoneToken t = entries("t TXT \"\"").get(0).tokens().get(2);
        assertTrue(t.quoted());
        assertEquals("", t.text());
    }

    @Test
    void shouldAcceptCrLfLineEnds() throws ZoneFileException {
        List<ZoneEntry> e = entries("a A 10.0.0.1\r\nb A 10.0.0.2\r\n");
        assertEquals(List.of("a", "A", "10.0.0.1"), texts(e.get(0)));
        assertEquals(2, e.get(1).line());
    }

    @Test
    void shouldEndAtTheEndOfTheText() throws ZoneFileException {
        ZoneTokenizer tokenizer = new ZoneTokenizer("t.zone", "");
        assertNull(tokenizer.next());
    }
}
