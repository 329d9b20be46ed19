package io.slipway.hal.mock;

/** Hex dumps for assertion messages, so a failed frame comparison shows the bytes. */
final class Hex {
    private static final int LIMIT = 128;

    private Hex() {
    }

    /** {@code 45 00 00 54 ...} (length n), cut after 128 bytes. */
    static String of(byte[] b) {
        StringBuilder sb = new StringBuilder(3 * Math.min(b.length, LIMIT) + 24);
        for (int i = 0; i < Math.min(b.length, LIMIT); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        if (b.length > LIMIT) {
            sb.append(" ...");
        }
        return sb.append(" (length ").append(b.length).append(')').toString();
    }
}
