package io.slipway.hal.mock;

import java.util.HexFormat;

/**
 * Hex for tests, the one helper every module's tests share: {@link #bytes} turns fixed wire bytes
 * written as hex ({@code "c0 45 db dc c0"}) into an array, {@link #dump} shows every byte of an
 * array, and {@link #of} shows the start of one in an assertion message, so a failed frame
 * comparison shows the bytes.
 */
public final class Hex {
    private static final int LIMIT = 128;
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");

    private Hex() {
    }

    /**
     * The bytes written as pairs of hex digits, in either case; whitespace anywhere is ignored,
     * so {@code "a1b2c3d4 0002"} and {@code "a1 b2 c3 d4 00 02"} are the same six bytes.
     *
     * @throws IllegalArgumentException on an odd number of digits or a character that is neither
     *     a hex digit nor whitespace
     */
    public static byte[] bytes(String hex) {
        String digits = hex.replaceAll("\\s", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex);
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex: " + hex, e);
        }
    }

    /** Every byte, lower case, one space between: {@code 45 00 00 54}. Empty for no bytes. */
    public static String dump(byte[] b) {
        return SPACED.formatHex(b);
    }

    /** {@code 45 00 00 54 ...} (length n), cut after 128 bytes: for assertion messages. */
    public static String of(byte[] b) {
        String start = SPACED.formatHex(b, 0, Math.min(b.length, LIMIT));
        return start + (b.length > LIMIT ? " ..." : "") + " (length " + b.length + ")";
    }
}
