package io.slipway.socket.dns;

import java.util.Locale;

/** Record classes (RFC 1035 §3.2.4, §3.2.5): IN is the Internet; the others are rarely met. */
public final class DnsClass {
    public static final int IN = 1;
    public static final int CH = 3;
    public static final int HS = 4;
    /** A QCLASS only. */
    public static final int ANY = 255;

    private DnsClass() {
    }

    public static String name(int dnsClass) {
        return switch (dnsClass) {
            case IN -> "IN";
            case CH -> "CH";
            case HS -> "HS";
            case ANY -> "ANY";
            default -> "CLASS" + dnsClass;
        };
    }

    /** A class from its mnemonic, or null when the text is not one (a zone file then reads it as a TTL or type). */
    public static Integer parseOrNull(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        return switch (t) {
            case "IN" -> IN;
            case "CH" -> CH;
            case "HS" -> HS;
            case "ANY" -> ANY;
            default -> null;
        };
    }
}
