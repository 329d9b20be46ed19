package io.slipway.socket.dns;

import java.util.Locale;

/**
 * Resource record types (RFC 1035 §3.2.2, §3.2.3; IANA "Resource Record (RR) TYPEs"). Types are
 * plain {@code int}s on the wire and in records, so that an unknown type travels as what it is
 * (RFC 3597); this class names the ones slipway knows.
 */
public final class DnsType {
    public static final int A = 1;
    public static final int NS = 2;
    public static final int CNAME = 5;
    public static final int SOA = 6;
    public static final int PTR = 12;
    public static final int MX = 15;
    public static final int TXT = 16;
    public static final int AAAA = 28;
    /** The EDNS(0) pseudo-record (RFC 6891), seen in the additional section of dig's queries. */
    public static final int OPT = 41;
    /** QTYPEs only (RFC 1035 §3.2.3). */
    public static final int AXFR = 252;
    public static final int ANY = 255;

    private DnsType() {
    }

    /** The mnemonic, or {@code TYPE<n>} for a type without one (RFC 3597 §5). */
    public static String name(int type) {
        return switch (type) {
            case A -> "A";
            case NS -> "NS";
            case CNAME -> "CNAME";
            case SOA -> "SOA";
            case PTR -> "PTR";
            case MX -> "MX";
            case TXT -> "TXT";
            case AAAA -> "AAAA";
            case OPT -> "OPT";
            case AXFR -> "AXFR";
            case ANY -> "ANY";
            default -> "TYPE" + type;
        };
    }

    /**
     * A type from its mnemonic (any case) or {@code TYPE<n>}.
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static int parse(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        switch (t) {
            case "A": return A;
            case "NS": return NS;
            case "CNAME": return CNAME;
            case "SOA": return SOA;
            case "PTR": return PTR;
            case "MX": return MX;
            case "TXT": return TXT;
            case "AAAA": return AAAA;
            case "OPT": return OPT;
            case "AXFR": return AXFR;
            case "ANY": return ANY;
            default:
                break;
        }
        if (t.startsWith("TYPE") && t.length() > 4 && t.length() <= 9 && t.substring(4).chars().allMatch(Character::isDigit)) {
            int v = Integer.parseInt(t.substring(4));
            if (v <= 0xFFFF) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a record type: " + text);
    }

    /** True for the types whose mnemonic {@link #parse} knows (TYPEn aside). */
    public static boolean isKnown(int type) {
        return !name(type).startsWith("TYPE");
    }
}
