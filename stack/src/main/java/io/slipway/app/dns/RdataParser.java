package io.slipway.app.dns;

import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.RData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The RDATA fields of one record in master-file form, per type: A (RFC 1035 §3.4.1), NS
 * (§3.3.11), CNAME (§3.3.1), PTR (§3.3.12), MX (§3.3.9), SOA (§3.3.13), TXT (§3.3.14), and any
 * other type in RFC 3597 §5's generic form {@code \# <length> <hex>}. Names in the data are
 * relative to the origin like owner names (RFC 1035 §5.1).
 */
final class RdataParser {
    /** The whole RDATA of a record is at most 65535 octets on the wire (RFC 1035 §3.2.1 RDLENGTH). */
    static final int MAX_RDATA_LENGTH = 0xFFFF;

    private RdataParser() {
    }

    /**
     * Reads the data of a record of {@code type} from {@code fields}, which must hold exactly it.
     *
     * @throws ZoneFileException for a missing, extra or malformed field
     * @throws IllegalArgumentException for a bad name (the caller adds file and line)
     */
    static RData parse(int type, ZoneFields fields, DnsName origin) throws ZoneFileException {
        ZoneToken first = fields.peek();
        if (first != null && !first.quoted() && first.text().equals("\\#")) {
            return generic(type, fields);
        }
        RData data = switch (type) {
            case DnsType.A -> new RData.A(ipv4(fields.word("A address"), fields));
            case DnsType.NS -> new RData.Ns(name(fields, "NS host", origin));
            case DnsType.CNAME -> new RData.Cname(name(fields, "CNAME target", origin));
            case DnsType.PTR -> new RData.Ptr(name(fields, "PTR target", origin));
            case DnsType.MX -> mx(fields, origin);
            case DnsType.SOA -> soa(fields, origin);
            case DnsType.TXT -> txt(fields);
            default -> throw fields.error(DnsType.name(type) + " records are not supported: write them in"
                    + " RFC 3597's generic form, " + DnsType.name(type) + " \\# <length> <hex>");
        };
        fields.end("the " + DnsType.name(type) + " data");
        return data;
    }

    /** The types read in their own text form; others need the generic form. */
    static boolean hasTextForm(int type) {
        return switch (type) {
            case DnsType.A, DnsType.NS, DnsType.CNAME, DnsType.PTR, DnsType.MX, DnsType.SOA, DnsType.TXT -> true;
            default -> false;
        };
    }

    private static DnsName name(ZoneFields fields, String what, DnsName origin) throws ZoneFileException {
        return NameText.resolve(fields.word(what), origin, what);
    }

    /** Dotted-quad decimal, as BIND's inet_pton reads it: no leading zeros (they read as octal elsewhere). */
    static int ipv4(String text, ZoneFields fields) throws ZoneFileException {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw badAddress(text, fields);
        }
        int address = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw badAddress(text, fields);
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw badAddress(text, fields);
            }
            address = (address << 8) | octet;
        }
        return address;
    }

    private static ZoneFileException badAddress(String text, ZoneFields fields) {
        return fields.error("bad IPv4 address: " + text + " (four decimal numbers 0..255)");
    }

    private static RData mx(ZoneFields fields, DnsName origin) throws ZoneFileException {
        String preference = fields.word("MX preference");
        int value = (int) unsigned(preference, 0xFFFF, "MX preference", fields);
        return new RData.Mx(value, name(fields, "MX exchange", origin));
    }

    /** RFC 1035 §3.3.13; the four timers take TTL units as BIND allows, the serial does not. */
    private static RData soa(ZoneFields fields, DnsName origin) throws ZoneFileException {
        DnsName mname = name(fields, "SOA MNAME", origin);
        DnsName rname = name(fields, "SOA RNAME", origin);
        long serial = unsigned(fields.word("SOA SERIAL"), TtlText.MAX_U32, "SOA SERIAL", fields);
        long refresh = TtlText.parse(fields.word("SOA REFRESH"), "SOA REFRESH", TtlText.MAX_U32);
        long retry = TtlText.parse(fields.word("SOA RETRY"), "SOA RETRY", TtlText.MAX_U32);
        long expire = TtlText.parse(fields.word("SOA EXPIRE"), "SOA EXPIRE", TtlText.MAX_U32);
        long minimum = TtlText.parse(fields.word("SOA MINIMUM"), "SOA MINIMUM", TtlText.MAX_U32);
        return new RData.Soa(mname, rname, serial, refresh, retry, expire, minimum);
    }

    /** One or more character strings, quoted or not (RFC 1035 §3.3.14, §5.1). */
    private static RData txt(ZoneFields fields) throws ZoneFileException {
        List<String> strings = new ArrayList<>();
        int wireLength = 0;
        do {
            ZoneToken token = fields.take("TXT string");
            String text = token.quoted() ? token.text() : CharacterStrings.unescape(token.text());
            if (text.length() > CharacterStrings.MAX_LENGTH) {
                throw fields.error("a TXT string is at most 255 octets (RFC 1035 §3.3), this one is " + text.length());
            }
            wireLength += 1 + text.length();
            if (wireLength > MAX_RDATA_LENGTH) {
                throw fields.error("TXT data longer than " + MAX_RDATA_LENGTH + " octets");
            }
            strings.add(text);
        } while (fields.hasNext());
        return new RData.Txt(strings);
    }

    /** RFC 3597 §5: {@code \# <length> <hex>...}, the hex in one or more words. */
    private static RData generic(int type, ZoneFields fields) throws ZoneFileException {
        fields.take("\\#");
        if (hasTextForm(type)) {
            throw fields.error("write " + DnsType.name(type) + " data in its own form; the generic \\# form"
                    + " is read only for other types");
        }
        int length = (int) unsigned(fields.word("generic RDATA length"), MAX_RDATA_LENGTH,
                "generic RDATA length", fields);
        StringBuilder hex = new StringBuilder();
        while (fields.hasNext()) {
            hex.append(fields.word("generic RDATA hex"));
            if (hex.length() > 2 * MAX_RDATA_LENGTH) {
                throw fields.error("generic RDATA longer than " + MAX_RDATA_LENGTH + " octets");
            }
        }
        byte[] bytes;
        try {
            if (hex.length() % 2 != 0) {
                throw new IllegalArgumentException("odd number of digits");
            }
            bytes = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw fields.error("generic RDATA is not hex: " + hex);
        }
        if (bytes.length != length) {
            throw fields.error("generic RDATA length " + length + " does not match its " + bytes.length + " octets");
        }
        return new RData.Unknown(type, bytes);
    }

    /** A plain decimal number 0..max. */
    private static long unsigned(String text, long max, String what, ZoneFields fields) throws ZoneFileException {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fields.error(what + " must be a number 0.." + max + ": " + text);
        }
        long value = Long.parseLong(text);
        if (value > max) {
            throw fields.error(what + " must be 0.." + max + ": " + text);
        }
        return value;
    }
}
