package io.slipway.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpHeadersTest {
    @Test
    void shouldFindAFieldWhateverTheCaseOfItsName() {
        // RFC 9110 §5.1: field names are case-insensitive.
        HttpHeaders h = new HttpHeaders().add("Content-Length", "42");
        assertEquals("42", h.get("content-length"));
        assertEquals("42", h.get("CONTENT-LENGTH"));
    }

    @Test
    void shouldAnswerNullForAMissingField() {
        assertNull(new HttpHeaders().add("Host", "a").get("Accept"));
    }

    @Test
    void shouldNotMatchNamesByNonAsciiCaseFolding() {
        // The Kelvin sign folds to "k" in Java's equalsIgnoreCase; header names are ASCII.
        HttpHeaders h = new HttpHeaders().add("Keep-Alive", "timeout=5");
        assertNull(h.get("\u212Aeep-Alive"));
    }

    @Test
    void shouldKeepFieldsInTheOrderAdded() {
        HttpHeaders h = new HttpHeaders().add("Host", "a").add("Accept", "*/*").add("accept", "text/html");
        assertEquals(List.of("Host", "Accept", "accept"), h.names());
        assertEquals(3, h.size());
        assertEquals("text/html", h.value(2));
        assertEquals("accept", h.name(2));
    }

    @Test
    void shouldGiveTheFirstValueAndAllValues() {
        // RFC 9110 §5.3: a field may occur on several lines; the order is significant.
        HttpHeaders h = new HttpHeaders().add("Accept", "text/html").add("Host", "a").add("ACCEPT", "*/*");
        assertEquals("text/html", h.get("accept"));
        assertEquals(List.of("text/html", "*/*"), h.getAll("Accept"));
        assertEquals(List.of(), h.getAll("Range"));
    }

    @Test
    void shouldReplaceEveryFieldOfANameWhereTheFirstWas() {
        HttpHeaders h = new HttpHeaders().add("A", "1").add("B", "2").add("a", "3").set("A", "4");
        assertEquals(List.of("A", "B"), h.names());
        assertEquals(List.of("4"), h.getAll("a"));
    }

    @Test
    void shouldAppendOnSetOfANewName() {
        HttpHeaders h = new HttpHeaders().add("A", "1").set("B", "2");
        assertEquals(List.of("A", "B"), h.names());
    }

    @Test
    void shouldRemoveEveryFieldOfAName() {
        HttpHeaders h = new HttpHeaders().add("A", "1").add("B", "2").add("a", "3");
        assertTrue(h.remove("A"));
        assertFalse(h.remove("A"));
        assertEquals(List.of("B"), h.names());
        assertFalse(h.contains("a"));
        assertTrue(h.contains("b"));
    }

    @Test
    void shouldFindATokenInACommaSeparatedList() {
        // RFC 9110 §7.6.1: Connection is a list of tokens, compared case-insensitively.
        HttpHeaders h = new HttpHeaders().add("Connection", "keep-alive, Upgrade").add("Connection", "CLOSE");
        assertTrue(h.hasToken("connection", "close"));
        assertTrue(h.hasToken("Connection", "upgrade"));
        assertFalse(h.hasToken("Connection", "keep"));
        assertFalse(h.hasToken("Upgrade", "close"));
    }

    @Test
    void shouldIgnoreEmptyListElementsAndWhitespace() {
        // RFC 9110 §5.6.1: a recipient ignores empty list elements and OWS around them.
        HttpHeaders h = new HttpHeaders().add("Transfer-Encoding", ", ,\tchunked ,");
        assertTrue(h.hasToken("Transfer-Encoding", "chunked"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Host ", "Ho st", "Host:", "Hö", "(x)", "a\tb"})
    void shouldRejectANameThatIsNotAToken(String name) {
        // RFC 9110 §5.1: field-name = token.
        assertThrows(IllegalArgumentException.class, () -> new HttpHeaders().add(name, "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nInjected: 1", "a\nb", "a\rb", "a\u0000b", " leading", "trailing\t", "\u0100",
        "del\u007F"})
    void shouldRejectAValueThatIsNotAFieldValue(String value) {
        // RFC 9110 §5.5: no CR, LF, NUL or other control; no leading or trailing whitespace.
        assertThrows(IllegalArgumentException.class, () -> new HttpHeaders().add("X", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b\tc", "caf\u00e9", "\"quoted, with comma\""})
    void shouldAcceptFieldValues(String value) {
        // RFC 9110 §5.5: SP and HTAB inside, obs-text (0x80-0xFF) allowed, empty allowed.
        assertEquals(value, new HttpHeaders().add("X", value).get("X"));
    }

    @Test
    void shouldRejectInvalidValuesOnSetToo() {
        assertThrows(IllegalArgumentException.class, () -> new HttpHeaders().set("X", "a\r\n"));
    }

    @Test
    void shouldPrintFieldLinesAsSent() {
        assertEquals("Host: a\r\nAccept: */*\r\n", new HttpHeaders().add("Host", "a").add("Accept", "*/*").toString());
    }
}
