package io.slipway.app.dns;

import io.slipway.socket.dns.ResourceRecord;

/**
 * Time values as master files write them: seconds ({@code 3600}), or numbers with units as BIND
 * reads them ({@code 1h}, {@code 30m}, {@code 2d}, {@code 1w}, {@code 1h30m}; units in either
 * case, any order, each number followed by its unit once units are used). RFC 1035 §5.1 has only
 * plain seconds; the units are BIND's, which every zone file in the wild assumes (RFC 2308 §4
 * shows {@code $TTL 1h}).
 */
final class TtlText {
    /** Unsigned 32-bit, the width of every time field on the wire (RFC 1035 §3.2.1, §3.3.13). */
    static final long MAX_U32 = 0xFFFF_FFFFL;

    private TtlText() {
    }

    /**
     * The seconds {@code text} stands for.
     *
     * @param what the field's name for the error, e.g. {@code TTL}
     * @param max the largest value allowed
     * @throws IllegalArgumentException naming the field and the text when it is not a time or above max
     */
    static long parse(String text, String what, long max) {
        long total = 0;
        long number = -1;
        boolean unitSeen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                number = (number < 0 ? 0 : number) * 10 + (c - '0');
                if (number > MAX_U32) {
                    throw tooLarge(text, what, max);
                }
                continue;
            }
            long unit = unitSeconds(c);
            if (unit == 0 || number < 0) {
                throw bad(text, what);
            }
            total += number * unit;
            if (total > MAX_U32) {
                throw tooLarge(text, what, max);
            }
            number = -1;
            unitSeen = true;
        }
        if (number >= 0) {
            if (unitSeen) {
                // BIND rejects "1h30": after a unit, a bare number is ambiguous.
                throw bad(text, what);
            }
            total = number;
        } else if (!unitSeen) {
            throw bad(text, what);
        }
        if (total > max) {
            throw tooLarge(text, what, max);
        }
        return total;
    }

    private static long unitSeconds(char c) {
        return switch (Character.toLowerCase(c)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86_400;
            case 'w' -> 604_800;
            default -> 0;
        };
    }

    private static IllegalArgumentException bad(String text, String what) {
        return new IllegalArgumentException("bad " + what + ": " + text
                + " (seconds, or numbers with units w d h m s as in 1h30m)");
    }

    private static IllegalArgumentException tooLarge(String text, String what, long max) {
        String why = max == ResourceRecord.MAX_TTL ? " (RFC 2181 §8)" : "";
        return new IllegalArgumentException(what + " must be at most " + max + why + ": " + text);
    }
}
