package io.slipway.app.http;

import static io.slipway.app.http.HttpSyntax.CR;
import static io.slipway.app.http.HttpSyntax.LF;

import java.nio.charset.StandardCharsets;

/**
 * The part of reading a message head that requests and responses share: a byte-at-a-time
 * state machine (fed by whatever reads the connection, as lwIP's SLIP decoder is) that cuts the
 * head into lines, hands the start line to a {@link StartLineParser}, parses field lines into
 * {@link HttpHeaders}, and stops right after the empty line that ends the head (RFC 9112 §2.1):
 *
 * <pre>
 *   HTTP-message = start-line CRLF *( field-line CRLF ) CRLF [ message-body ]
 *   field-line   = field-name ":" OWS field-value OWS                    RFC 9112 §5
 * </pre>
 *
 * <p>Lenience and strictness, RFC 9112 §2.2: up to {@value #MAX_EMPTY_LINES_BEFORE_START}
 * empty lines before the start line are ignored; a bare LF ends a line as CRLF does; a bare CR
 * is an error. Whitespace between a field name and its colon is an error (§5.1). A field line
 * that starts with whitespace is obs-fold (§5.2): an error in a request, joined to the previous
 * field with SP in a response, as a user agent must; before the first field it is an error
 * either way (§2.2).
 *
 * <p>Memory: one line buffer that grows to at most max(request line, header section) limit and
 * the parsed fields, themselves bounded by the header section limit; every limit is checked on
 * the byte that passes it, not at the end of the line.
 */
final class HeadParser {
    enum State { NEED_MORE, DONE, FAILED }

    /** Parses the start line; null when it is accepted. */
    interface StartLineParser {
        HeadFailure parse(String line);
    }

    /** RFC 9112 §2.2 asks to ignore at least one; a few more cover old clients' extra CRLF after a body. */
    static final int MAX_EMPTY_LINES_BEFORE_START = 8;
    private static final int INITIAL_LINE_CAPACITY = 256;

    private final HttpLimits limits;
    private final String startLineName;
    private final boolean unfoldObsFold;
    private final StartLineParser startLineParser;
    private final int maxLineCapacity;

    private State state = State.NEED_MORE;
    /** Past the start line: bytes now count toward the header section limit. */
    private boolean inFields;
    /** The current line so far, without its line ending; never longer than the limit that applies. */
    private byte[] line;
    private int lineLength;
    /** The last byte was a CR: only LF may follow. */
    private boolean afterCr;
    private int emptyLinesBefore;
    /** Bytes of the header section so far, line endings included; at most maxHeaderSectionBytes. */
    private int sectionBytes;
    private int fieldLines;
    private HttpHeaders headers;
    private HeadFailure failure;

    /**
     * @param startLineName "request line" or "status line", for messages
     * @param unfoldObsFold true for responses (RFC 9112 §5.2 lets a user agent unfold), false for requests
     */
    HeadParser(HttpLimits limits, String startLineName, boolean unfoldObsFold, StartLineParser startLineParser) {
        this.limits = limits;
        this.startLineName = startLineName;
        this.unfoldObsFold = unfoldObsFold;
        this.startLineParser = startLineParser;
        this.maxLineCapacity = Math.max(limits.maxRequestLineBytes(), limits.maxHeaderSectionBytes());
        this.line = new byte[Math.min(INITIAL_LINE_CAPACITY, maxLineCapacity)];
    }

    /**
     * Consumes bytes until the head ends or fails or the bytes run out.
     *
     * @return the number consumed: all of them, or fewer when the head ended (the rest is body or
     *     the next message) or failed (at the byte that made it fail, included)
     */
    int feed(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && state == State.NEED_MORE) {
            step(b[i++] & 0xFF);
        }
        return i - off;
    }

    State state() {
        return state;
    }

    /** The fields, when DONE. */
    HttpHeaders headers() {
        return headers;
    }

    /** Why, when FAILED. */
    HeadFailure failure() {
        return failure;
    }

    /** Bytes the line buffer holds now, for tests of the memory bound. */
    int bufferCapacity() {
        return line.length;
    }

    /** Ready for the next head; keeps the line buffer, whose size is bounded anyway. */
    void reset() {
        state = State.NEED_MORE;
        inFields = false;
        lineLength = 0;
        afterCr = false;
        emptyLinesBefore = 0;
        sectionBytes = 0;
        fieldLines = 0;
        headers = null;
        failure = null;
    }

    private void step(int c) {
        if (inFields && ++sectionBytes > limits.maxHeaderSectionBytes()) {
            fail(new HeadFailure(HttpStatus.HEADER_FIELDS_TOO_LARGE,
                    "header section longer than " + limits.maxHeaderSectionBytes() + " bytes"));
            return;
        }
        if (afterCr) {
            afterCr = false;
            if (c == LF) {
                endLine();
            } else {
                // RFC 9112 §2.2: a bare CR makes the element invalid.
                fail(HeadFailure.badRequest("CR not followed by LF in the " + where()));
            }
            return;
        }
        if (c == CR) {
            afterCr = true;
        } else if (c == LF) {
            endLine(); // RFC 9112 §2.2: a recipient MAY take a bare LF as a line ending.
        } else {
            append(c);
        }
    }

    private void append(int c) {
        if (!inFields && lineLength == limits.maxRequestLineBytes()) {
            fail(new HeadFailure(HttpStatus.URI_TOO_LONG,
                    startLineName + " longer than " + limits.maxRequestLineBytes() + " bytes"));
            return;
        }
        if (lineLength == line.length) {
            // Within bounds: a start line stops at its limit, a field line at the section limit.
            byte[] bigger = new byte[Math.min(line.length * 2, maxLineCapacity)];
            System.arraycopy(line, 0, bigger, 0, lineLength);
            line = bigger;
        }
        line[lineLength++] = (byte) c;
    }

    private void endLine() {
        if (!inFields) {
            endStartLine();
        } else if (lineLength == 0) {
            state = State.DONE;
        } else {
            fieldLine();
            lineLength = 0;
        }
    }

    private void endStartLine() {
        if (lineLength == 0) {
            // RFC 9112 §2.2: ignore empty lines before the start line, a bounded number of them.
            if (++emptyLinesBefore > MAX_EMPTY_LINES_BEFORE_START) {
                fail(HeadFailure.badRequest("more than " + MAX_EMPTY_LINES_BEFORE_START
                        + " empty lines before the " + startLineName));
            }
            return;
        }
        HeadFailure f = startLineParser.parse(text(0, lineLength));
        lineLength = 0;
        if (f != null) {
            fail(f);
            return;
        }
        inFields = true;
        headers = new HttpHeaders();
    }

    private void fieldLine() {
        if (HttpSyntax.isWhitespace(line[0])) {
            continuationLine();
            return;
        }
        if (++fieldLines > limits.maxHeaderFields()) {
            fail(new HeadFailure(HttpStatus.HEADER_FIELDS_TOO_LARGE,
                    "more than " + limits.maxHeaderFields() + " header fields"));
            return;
        }
        int colon = 0;
        while (colon < lineLength && line[colon] != ':') {
            int c = line[colon] & 0xFF;
            if (HttpSyntax.isWhitespace(c)) {
                // RFC 9112 §5.1: a server MUST reject this (it is how requests are smuggled).
                fail(HeadFailure.badRequest("whitespace in a header field name or before its colon: "
                        + LogText.quote(text(0, lineLength))));
                return;
            }
            if (!HttpSyntax.isTchar(c)) {
                fail(HeadFailure.badRequest("octet " + LogText.octet(c) + " in a header field name (RFC 9110 §5.1)"));
                return;
            }
            colon++;
        }
        if (colon == lineLength) {
            fail(HeadFailure.badRequest("header field line without a colon: " + LogText.quote(text(0, lineLength))));
            return;
        }
        if (colon == 0) {
            fail(HeadFailure.badRequest("header field line with an empty name"));
            return;
        }
        String name = text(0, colon);
        String value = fieldValue(colon + 1, name);
        if (value != null) {
            headers.add(name, value);
        }
    }

    /** RFC 9112 §5.2 obs-fold, or whitespace before the first field (§2.2). */
    private void continuationLine() {
        if (headers.size() == 0) {
            fail(HeadFailure.badRequest("whitespace before the first header field (RFC 9112 §2.2)"));
            return;
        }
        if (!unfoldObsFold) {
            fail(HeadFailure.badRequest("obs-fold: a header field line that starts with whitespace (RFC 9112 §5.2)"));
            return;
        }
        String value = fieldValue(0, headers.name(headers.size() - 1));
        if (value != null) {
            headers.appendToLast(value);
        }
    }

    /** The value from {@code from} to the end of the line, OWS trimmed; null (and FAILED) when invalid. */
    private String fieldValue(int from, String name) {
        int to = lineLength;
        while (from < to && HttpSyntax.isWhitespace(line[from])) {
            from++;
        }
        while (to > from && HttpSyntax.isWhitespace(line[to - 1])) {
            to--;
        }
        for (int i = from; i < to; i++) {
            int c = line[i] & 0xFF;
            if (!HttpSyntax.isFieldValueOctet(c)) {
                // RFC 9110 §5.5: NUL and other control octets are invalid in a field value.
                fail(HeadFailure.badRequest("octet " + LogText.octet(c) + " in the value of header "
                        + LogText.quote(name)));
                return null;
            }
        }
        return text(from, to);
    }

    private String where() {
        return inFields ? "header section" : startLineName;
    }

    private String text(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private void fail(HeadFailure f) {
        failure = f;
        state = State.FAILED;
    }
}
