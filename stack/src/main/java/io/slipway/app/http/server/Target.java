package io.slipway.app.http.server;

import io.slipway.app.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request target taken apart for a file server: the path's segments, percent-decoded (RFC 3986
 * §2.1, as UTF-8), and the raw query. Origin-form ({@code /dir/file?q}) and absolute-form
 * ({@code http://host/dir/file}, which RFC 9112 §3.2.2 says a server must accept) are understood.
 *
 * <p>Strict on purpose, because the segments become a file name: a segment that decodes to
 * {@code ..} is refused (403) wherever it stands, rather than resolved, so no spelling of it —
 * {@code ..}, {@code %2e%2e}, {@code .%2E} — can climb out of the root; a NUL, a backslash (a
 * separator on other systems) or bad percent-encoding is a bad request (400), and an encoded
 * slash ({@code %2F}) inside a segment is refused too (403), as Apache does by default.
 */
record Target(List<String> segments, boolean directory, String rawPath, String rawQuery, int refusal) {
    static Target parse(String target) {
        String t = target;
        if (!t.startsWith("/")) {
            int scheme = t.indexOf("://");
            if (scheme <= 0) {
                return refused(HttpStatus.BAD_REQUEST); // asterisk-form or authority-form: not for files
            }
            int path = t.indexOf('/', scheme + 3);
            t = path < 0 ? "/" : t.substring(path);
        }
        int hash = t.indexOf('#');
        if (hash >= 0) {
            return refused(HttpStatus.BAD_REQUEST); // a fragment is never sent (RFC 9110 §7.1)
        }
        int question = t.indexOf('?');
        String rawPath = question < 0 ? t : t.substring(0, question);
        String rawQuery = question < 0 ? null : t.substring(question + 1);
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(1).split("/", -1)) {
            String segment = decode(raw);
            if (segment == null || segment.indexOf('\0') >= 0 || segment.indexOf('\\') >= 0) {
                return refused(HttpStatus.BAD_REQUEST);
            }
            if (segment.equals("..") || segment.indexOf('/') >= 0) {
                return refused(HttpStatus.FORBIDDEN); // climbing out, or an encoded slash that would hide a climb
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return new Target(List.copyOf(segments), rawPath.endsWith("/"), rawPath, rawQuery, 0);
    }

    private static Target refused(int status) {
        return new Target(List.of(), false, "/", null, status);
    }

    boolean isRefused() {
        return refusal != 0;
    }

    /** Percent-decoding as UTF-8; null for a bad escape or bytes that are not UTF-8. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                continue;
            }
            if (i + 2 >= raw.length()) {
                return null;
            }
            int hi = Character.digit(raw.charAt(i + 1), 16);
            int lo = Character.digit(raw.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
