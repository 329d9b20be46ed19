package io.slipway.app.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The two framing fields, as requests and responses read them alike (RFC 9112 §6.1, §6.3;
 * RFC 9110 §8.6). What a missing or refused field then means differs between a server and a
 * client, and is decided by {@link RequestParser} and {@link ResponseFraming}.
 */
final class BodyFraming {
    /** {@link #contentLength}: the field values are not one decimal length. */
    static final long INVALID_LENGTH = -1;

    /** What the Transfer-Encoding fields ask for. */
    enum Coding {
        /** Exactly {@code chunked}, once: the only transfer coding this stack decodes. */
        CHUNKED,
        /** A coding other than chunked: RFC 9112 §6.1 lets a server answer 501. */
        UNSUPPORTED,
        /** No coding, one that is not a token, or chunked more than once (RFC 9112 §6.1: a MUST NOT). */
        INVALID
    }

    private BodyFraming() {
    }

    /**
     * RFC 9110 §8.6: {@code Content-Length = 1*DIGIT}. Several field lines or a list of the same
     * value ({@code 42, 42}) are taken as that value, as §8.6 allows; differing values, an empty
     * element or anything but digits are {@link #INVALID_LENGTH} (RFC 9112 §6.3 item 5).
     *
     * @return the length, {@link Long#MAX_VALUE} when too large to represent, or INVALID_LENGTH
     */
    static long contentLength(List<String> fieldValues) {
        long length = INVALID_LENGTH;
        for (String value : fieldValues) {
            for (String element : value.split(",", -1)) {
                long v = HttpSyntax.parseDigitsSaturating(HttpSyntax.trimWhitespace(element));
                if (v < 0 || (length >= 0 && v != length)) {
                    return INVALID_LENGTH;
                }
                length = v;
            }
        }
        return length;
    }

    /** The transfer codings listed by the Transfer-Encoding fields, in order, empty elements left out. */
    static List<String> transferCodings(List<String> fieldValues) {
        List<String> codings = new ArrayList<>();
        for (String value : fieldValues) {
            for (String element : value.split(",", -1)) {
                String coding = HttpSyntax.trimWhitespace(element);
                if (!coding.isEmpty()) {
                    codings.add(coding);
                }
            }
        }
        return codings;
    }

    /**
     * RFC 9112 §6.1, §7: transfer-coding names are case-insensitive; chunked is applied at most
     * once and last. Parameters are not stripped: {@code chunked;x=1} is not chunked, since the
     * chunked coding has none and a reader that ignored them would frame differently.
     */
    static Coding coding(List<String> codings) {
        if (codings.isEmpty()) {
            return Coding.INVALID;
        }
        int chunked = 0;
        for (String c : codings) {
            if (HttpSyntax.equalsIgnoreCase(c, "chunked")) {
                chunked++;
                continue;
            }
            int semicolon = c.indexOf(';');
            String name = HttpSyntax.trimWhitespace(semicolon < 0 ? c : c.substring(0, semicolon));
            return HttpSyntax.isToken(name) ? Coding.UNSUPPORTED : Coding.INVALID;
        }
        return chunked == 1 ? Coding.CHUNKED : Coding.INVALID;
    }

    /** The first listed coding that is not chunked, for messages. */
    static String firstUnsupported(List<String> codings) {
        for (String c : codings) {
            if (!HttpSyntax.equalsIgnoreCase(c, "chunked")) {
                return c;
            }
        }
        return "";
    }
}
