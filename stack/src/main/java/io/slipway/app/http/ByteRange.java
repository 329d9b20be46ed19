package io.slipway.app.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The Range request header (RFC 9110 §14.2) as a server that serves one range of bytes, or the
 * whole representation, reads it.
 *
 * <pre>
 *   Range       = ranges-specifier = range-unit "=" range-set          RFC 9110 §14.1.1
 *   range-set   = 1#range-spec
 *   range-spec  = int-range / suffix-range / other-range
 *   int-range   = first-pos "-" [ last-pos ]           bytes=0-499, bytes=9500-
 *   suffix-range = "-" suffix-length                   bytes=-500 (the last 500)
 * </pre>
 *
 * <ul>
 * <li>{@link Kind#NONE}, serve 200 with the whole representation: no header; a unit other than
 *     bytes, which a server MUST ignore (§14.2; units are case-insensitive, §14.1); a syntax
 *     that is not a range-set, which a server MAY ignore (§14.2); several ranges, since a server
 *     MAY ignore Range and this one does not send multipart/byteranges; a suffix range of a
 *     zero-length representation (satisfiable by §14.1.3, but a 206 cannot carry an empty
 *     range, so the empty whole is the answer).</li>
 * <li>{@link Kind#UNSATISFIABLE}, serve 416 with {@code Content-Range: bytes *}{@code /length}
 *     (§15.5.17): a first-pos at or past the end (§14.1.3), a suffix-length of 0, or an
 *     int-range whose last-pos is below its first-pos (invalid, §14.1.2, which §14.2 lets a
 *     server reject).</li>
 * <li>{@link Kind#SATISFIABLE}, serve 206: last-pos clamped to the end, a suffix longer than
 *     the representation is all of it (§14.1.2).</li>
 * </ul>
 * Positions too large for a long are read as {@link Long#MAX_VALUE}: beyond any end.
 */
public final class ByteRange {
    /** What to serve. */
    public enum Kind {
        /** Ignore Range: serve the whole representation, 200. */
        NONE,
        /** Serve [first, last], 206. */
        SATISFIABLE,
        /** Refuse, 416. */
        UNSATISFIABLE
    }

    private static final ByteRange NONE = new ByteRange(Kind.NONE, -1, -1);
    private static final ByteRange UNSATISFIABLE = new ByteRange(Kind.UNSATISFIABLE, -1, -1);

    private final Kind kind;
    private final long first;
    private final long last;

    private ByteRange(Kind kind, long first, long last) {
        this.kind = kind;
        this.first = first;
        this.last = last;
    }

    /**
     * @param headerValue the Range field value, or null when there is none
     * @param representationLength the length of the selected representation, at least 0
     * @throws IllegalArgumentException when {@code representationLength} is negative
     */
    public static ByteRange parse(String headerValue, long representationLength) {
        if (representationLength < 0) {
            throw new IllegalArgumentException("negative representation length " + representationLength);
        }
        if (headerValue == null) {
            return NONE;
        }
        String value = HttpSyntax.trimWhitespace(headerValue);
        int equals = value.indexOf('=');
        if (equals <= 0 || !HttpSyntax.equalsIgnoreCase(value.substring(0, equals), "bytes")) {
            return NONE;
        }
        List<String> specs = rangeSpecs(value.substring(equals + 1));
        if (specs.size() != 1) {
            return NONE;
        }
        String spec = specs.get(0);
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return NONE;
        }
        return dash == 0 ? suffix(spec.substring(1), representationLength)
                : intRange(spec.substring(0, dash), spec.substring(dash + 1), representationLength);
    }

    /** {@code bytes=-500}: the last 500 bytes, or all of them when there are fewer. */
    private static ByteRange suffix(String lengthText, long length) {
        long suffixLength = HttpSyntax.parseDigitsSaturating(lengthText);
        if (suffixLength < 0) {
            return NONE;
        }
        if (suffixLength == 0) {
            return UNSATISFIABLE;
        }
        if (length == 0) {
            return NONE;
        }
        return new ByteRange(Kind.SATISFIABLE, Math.max(0, length - suffixLength), length - 1);
    }

    /** {@code bytes=500-999} or {@code bytes=9500-}. */
    private static ByteRange intRange(String firstText, String lastText, long length) {
        long firstPos = HttpSyntax.parseDigitsSaturating(firstText);
        long lastPos = lastText.isEmpty() ? Long.MAX_VALUE : HttpSyntax.parseDigitsSaturating(lastText);
        if (firstPos < 0 || lastPos < 0) {
            return NONE;
        }
        if (lastPos < firstPos || firstPos >= length) {
            return UNSATISFIABLE;
        }
        return new ByteRange(Kind.SATISFIABLE, firstPos, Math.min(lastPos, length - 1));
    }

    /** RFC 9110 §5.6.1: list elements, OWS trimmed, empty ones ignored. */
    private static List<String> rangeSpecs(String rangeSet) {
        List<String> specs = new ArrayList<>();
        for (String element : rangeSet.split(",", -1)) {
            String spec = HttpSyntax.trimWhitespace(element);
            if (!spec.isEmpty()) {
                specs.add(spec);
            }
        }
        return specs;
    }

    public Kind kind() {
        return kind;
    }

    /** The first byte to serve, from 0, when {@link Kind#SATISFIABLE}; else -1. */
    public long first() {
        return first;
    }

    /** The last byte to serve, inclusive and below the length, when {@link Kind#SATISFIABLE}; else -1. */
    public long last() {
        return last;
    }

    /** The number of bytes to serve, when {@link Kind#SATISFIABLE}; else 0. */
    public long length() {
        return kind == Kind.SATISFIABLE ? last - first + 1 : 0;
    }

    /**
     * The Content-Range field value (RFC 9110 §14.4): {@code bytes 0-499/1234} for a 206,
     * {@code bytes *}{@code /1234} for a 416.
     *
     * @param length the complete length of the representation
     * @throws IllegalStateException when {@link Kind#NONE}: a 200 has no Content-Range
     */
    public String contentRange(long length) {
        return switch (kind) {
            case SATISFIABLE -> "bytes " + first + "-" + last + "/" + length;
            case UNSATISFIABLE -> "bytes */" + length;
            default -> throw new IllegalStateException("no range to describe: the Range header is ignored");
        };
    }

    @Override
    public String toString() {
        return kind == Kind.SATISFIABLE ? "bytes " + first + "-" + last : kind.toString();
    }
}
