package io.slipway.hal.framing;

/** Fixed wire bytes written as hex in tests, e.g. {@code bytes("c0 45 db dc c0")}. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        String digits = hex.replace(" ", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex);
        }
        byte[] b = new byte[digits.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    static String of(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }
}
