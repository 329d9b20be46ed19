package io.slipway.driver;

/**
 * 48-bit IEEE 802 MAC addresses held in the low bits of a {@code long}, so that they are compared,
 * stored in tables and passed around without allocating.
 */
public final class MacAddress {
    /** The broadcast address ff:ff:ff:ff:ff:ff. */
    public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;
    /** No address (a point-to-point link has none). */
    public static final long NONE = 0;

    private MacAddress() {
    }

    /** Reads six bytes in transmission order. */
    public static long read(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    public static void write(byte[] b, int off, long mac) {
        for (int i = 5; i >= 0; i--) {
            b[off + i] = (byte) mac;
            mac >>>= 8;
        }
    }

    /** The group bit (least significant bit of the first byte): multicast or broadcast. */
    public static boolean isGroup(long mac) {
        return (mac & 0x0100_0000_0000L) != 0;
    }

    /** Parses {@code 02:00:5e:10:00:01} (colons or dashes); throws with a clear message. */
    public static long parse(String text) {
        String[] parts = text.trim().split("[:-]", -1);
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address (six hex bytes like 02:00:00:00:00:01): " + text);
        }
        long v = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 2) {
                throw new IllegalArgumentException("not a MAC address: " + text);
            }
            int octet = 0;
            for (int i = 0; i < part.length(); i++) {
                // ASCII hex digits only: Integer.parseInt also took "+f" and non-ASCII digits.
                int digit = hexDigit(part.charAt(i));
                if (digit < 0) {
                    throw new IllegalArgumentException("not a MAC address: " + text);
                }
                octet = (octet << 4) | digit;
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    public static String format(long mac) {
        StringBuilder s = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            int octet = (int) (mac >>> (8 * i)) & 0xFF;
            s.append(Character.forDigit(octet >> 4, 16)).append(Character.forDigit(octet & 0xF, 16));
            if (i > 0) {
                s.append(':');
            }
        }
        return s.toString();
    }
}
