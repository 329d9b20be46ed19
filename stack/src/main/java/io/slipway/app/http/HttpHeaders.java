package io.slipway.app.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Ordered header fields; names compared case-insensitively (RFC 9110 §5.1). Field lines are
 * kept as they were added, one entry per line, so that a message can be written back in its
 * order and a field that occurs more than once (RFC 9110 §5.3) can be told apart from one line.
 *
 * <p>Names must be tokens and values field-values (RFC 9110 §5.5: no CR, LF, NUL or other
 * control octet, no leading or trailing whitespace; octets 0x80-0xFF, obs-text, are kept as the
 * chars U+0080-U+00FF and written back as those octets). Not thread-safe.
 */
public final class HttpHeaders {
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /** No fields. */
    public HttpHeaders() {
    }

    /**
     * Appends a field line.
     *
     * @return this, for chaining
     * @throws IllegalArgumentException when the name is not a token or the value not a field-value
     */
    public HttpHeaders add(String name, String value) {
        check(name, value);
        names.add(name);
        values.add(value);
        return this;
    }

    /**
     * Replaces every field of that name by one, where the first of them was (or at the end when
     * there was none).
     *
     * @return this, for chaining
     * @throws IllegalArgumentException when the name is not a token or the value not a field-value
     */
    public HttpHeaders set(String name, String value) {
        check(name, value);
        int first = indexOf(name, 0);
        if (first < 0) {
            return add(name, value);
        }
        names.set(first, name);
        values.set(first, value);
        for (int i = names.size() - 1; i > first; i--) {
            if (HttpSyntax.equalsIgnoreCase(names.get(i), name)) {
                names.remove(i);
                values.remove(i);
            }
        }
        return this;
    }

    /** Removes every field of that name; true when there was one. */
    public boolean remove(String name) {
        Objects.requireNonNull(name, "name");
        boolean removed = false;
        for (int i = names.size() - 1; i >= 0; i--) {
            if (HttpSyntax.equalsIgnoreCase(names.get(i), name)) {
                names.remove(i);
                values.remove(i);
                removed = true;
            }
        }
        return removed;
    }

    /** Whether a field of that name is present. */
    public boolean contains(String name) {
        return indexOf(Objects.requireNonNull(name, "name"), 0) >= 0;
    }

    /** The value of the first field of that name, or null. */
    public String get(String name) {
        int i = indexOf(Objects.requireNonNull(name, "name"), 0);
        return i < 0 ? null : values.get(i);
    }

    /** The values of every field of that name, in order; empty when there is none. */
    public List<String> getAll(String name) {
        Objects.requireNonNull(name, "name");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (HttpSyntax.equalsIgnoreCase(names.get(i), name)) {
                all.add(values.get(i));
            }
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * Whether the comma-separated lists of every field of that name (RFC 9110 §5.6.1) hold the
     * token, compared case-insensitively: {@code Connection: close} (RFC 9110 §7.6.1),
     * {@code Transfer-Encoding: chunked}. An element's parameters ({@code ;...}) are ignored.
     */
    public boolean hasToken(String name, String token) {
        Objects.requireNonNull(token, "token");
        for (String value : getAll(name)) {
            for (String element : listElements(value)) {
                if (HttpSyntax.equalsIgnoreCase(element, token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The name of each field line, in order, as added (a name occurs once per line it has). */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** The name of the field line at {@code index}, from 0 to {@link #size()} - 1. */
    public String name(int index) {
        return names.get(index);
    }

    /** The value of the field line at {@code index}, from 0 to {@link #size()} - 1. */
    public String value(int index) {
        return values.get(index);
    }

    /** The number of field lines. */
    public int size() {
        return names.size();
    }

    /** The field lines as they are sent: {@code name: value CRLF} each. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        appendTo(b);
        return b.toString();
    }

    void appendTo(StringBuilder b) {
        for (int i = 0; i < names.size(); i++) {
            b.append(names.get(i)).append(": ").append(values.get(i)).append("\r\n");
        }
    }

    /**
     * Joins an obs-fold continuation to the last field (RFC 9112 §5.2: a user agent replaces the
     * fold with SP). {@code continuation} is a field-value without its leading whitespace.
     */
    void appendToLast(String continuation) {
        int last = values.size() - 1;
        String joined = values.get(last).isEmpty() ? continuation
                : continuation.isEmpty() ? values.get(last) : values.get(last) + " " + continuation;
        values.set(last, joined);
    }

    /** Elements of a comma-separated list with OWS and parameters stripped, empty ones left out (RFC 9110 §5.6.1). */
    static List<String> listElements(String value) {
        List<String> elements = new ArrayList<>();
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            String element = value.substring(start, end);
            int semicolon = element.indexOf(';');
            if (semicolon >= 0) {
                element = element.substring(0, semicolon);
            }
            element = HttpSyntax.trimWhitespace(element);
            if (!element.isEmpty()) {
                elements.add(element);
            }
            start = end + 1;
        }
        return elements;
    }

    private int indexOf(String name, int from) {
        for (int i = from; i < names.size(); i++) {
            if (HttpSyntax.equalsIgnoreCase(names.get(i), name)) {
                return i;
            }
        }
        return -1;
    }

    private static void check(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!HttpSyntax.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token (RFC 9110 §5.1): " + LogText.quote(name));
        }
        if (!HttpSyntax.isFieldValue(value)) {
            throw new IllegalArgumentException("invalid value for header " + name + " (RFC 9110 §5.5): "
                    + LogText.quote(value));
        }
    }
}
