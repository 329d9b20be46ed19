package io.slipway.app.http.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response cut out of the bytes a client received, by a parser of the test's own (not the
 * project's, so that the two are not wrong the same way), strict about what a server must send
 * (RFC 9112 §4, §5): {@code HTTP/1.1 SP 3DIGIT SP reason CRLF}, field lines ending in CRLF, an
 * empty line, then the body as its framing says (none for HEAD, 1xx, 204, 304; else the
 * Content-Length, or up to the end of the stream).
 *
 * @param statusLine the status line without its CRLF
 * @param head the head as sent, status line to the empty line
 * @param fields the field lines as sent, in order, each {@code name: value}
 * @param body the body bytes
 * @param length bytes of the stream the response took
 */
record RawResponse(String statusLine, int status, String head, List<String[]> fields, byte[] body, int length) {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 ([1-5][0-9][0-9]) ([\\x20-\\x7e]*)");

    /** Parses a whole response from the start of {@code bytes}, which must be complete. */
    static RawResponse parse(byte[] bytes, boolean toHead) {
        RawResponse r = tryParse(bytes, 0, toHead, true);
        if (r == null) {
            throw new AssertionError("not a complete response: " + HttpServerSimulation.text(bytes));
        }
        return r;
    }

    /**
     * The response at {@code from}, or null while it is incomplete.
     *
     * @param toHead the request was HEAD: no body follows whatever Content-Length says
     * @param ended the stream ended after these bytes (a body without a length is complete)
     * @throws AssertionError when the bytes are not a well-formed response
     */
    static RawResponse tryParse(byte[] bytes, int from, boolean toHead, boolean ended) {
        int end = indexOf(bytes, from, "\r\n\r\n");
        if (end < 0) {
            return null;
        }
        String head = new String(bytes, from, end + 4 - from, StandardCharsets.ISO_8859_1);
        String[] lines = head.substring(0, head.length() - 4).split("\r\n", -1);
        for (String line : lines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new AssertionError("a line of the head does not end in CRLF: " + head);
            }
        }
        Matcher m = STATUS_LINE.matcher(lines[0]);
        if (!m.matches()) {
            throw new AssertionError("not an HTTP/1.1 status line: " + lines[0]);
        }
        int status = Integer.parseInt(m.group(1));
        List<String[]> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0 || !lines[i].substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new AssertionError("not a field line: " + lines[i]);
            }
            fields.add(new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()});
        }
        int bodyStart = end + 4;
        long bodyLength;
        List<String> lengths = values(fields, "Content-Length");
        if (toHead || status / 100 == 1 || status == 204 || status == 304) {
            bodyLength = 0;
        } else if (!lengths.isEmpty()) {
            if (lengths.size() != 1 || !lengths.get(0).matches("[0-9]+")) {
                throw new AssertionError("Content-Length is not one number: " + lengths);
            }
            bodyLength = Long.parseLong(lengths.get(0));
        } else if (ended) {
            bodyLength = bytes.length - bodyStart;
        } else {
            return null;
        }
        if (bytes.length - bodyStart < bodyLength) {
            return null;
        }
        byte[] body = Arrays.copyOfRange(bytes, bodyStart, bodyStart + (int) bodyLength);
        return new RawResponse(lines[0], status, head, fields, body, bodyStart + (int) bodyLength - from);
    }

    /** The value of the one field named {@code name}; null when there is none; fails when there are several. */
    String header(String name) {
        List<String> v = values(fields, name);
        if (v.size() > 1) {
            throw new AssertionError(name + " sent " + v.size() + " times: " + head);
        }
        return v.isEmpty() ? null : v.get(0);
    }

    /** The fields as {@code name: value} lines, without those named in {@code except}. */
    List<String> fieldLines(String... except) {
        List<String> out = new ArrayList<>();
        outer:
        for (String[] f : fields) {
            for (String e : except) {
                if (f[0].equalsIgnoreCase(e)) {
                    continue outer;
                }
            }
            out.add(f[0].toLowerCase(Locale.ROOT) + ": " + f[1]);
        }
        return out;
    }

    /** Whether the Connection field lists {@code close}. */
    boolean saysClose() {
        String c = header("Connection");
        if (c == null) {
            return false;
        }
        for (String token : c.split(",")) {
            if (token.trim().equalsIgnoreCase("close")) {
                return true;
            }
        }
        return false;
    }

    String bodyText() {
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return head + "[" + body.length + " body bytes]";
    }

    private static List<String> values(List<String[]> fields, String name) {
        List<String> v = new ArrayList<>();
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                v.add(f[1]);
            }
        }
        return v;
    }

    private static int indexOf(byte[] b, int from, String what) {
        byte[] w = what.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i <= b.length - w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                if (b[i + j] != w[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
