package io.slipway.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slipway.socket.dns.DnsName;
import org.junit.jupiter.api.Test;

/** One test per thing a zone file can get wrong: the exact one-line message, file and line. */
class ZoneFileParserErrorsTest {
    private static String error(String... lines) {
        return assertThrows(ZoneFileException.class, () -> ZoneFileParser.parse("t.zone",
                String.join("\n", lines) + "\n", DnsName.parse("example.test."))).getMessage();
    }

    @Test
    void shouldNameFileAndLineOfABadTtl() {
        assertEquals("t.zone:2: bad TTL: 1x (seconds, or numbers with units w d h m s as in 1h30m)",
                error("$TTL 1h", "www 1x A 10.0.0.1"));
    }

    @Test
    void shouldRejectABadTtlInDollarTtl() {
        assertEquals("t.zone:1: bad TTL: forever (seconds, or numbers with units w d h m s as in 1h30m)",
                error("$TTL forever"));
    }

    @Test
    void shouldRejectAnAddressOctetAbove255() {
        assertEquals("t.zone:1: bad IPv4 address: 10.0.0.256 (four decimal numbers 0..255)",
                error("www 1 A 10.0.0.256"));
    }

    @Test
    void shouldRejectAnAddressWithLeadingZeros() {
        assertEquals("t.zone:1: bad IPv4 address: 10.0.0.01 (four decimal numbers 0..255)",
                error("www 1 A 10.0.0.01"));
    }

    @Test
    void shouldRejectAnUnknownType() {
        assertEquals("t.zone:1: unknown record type: FOO (write other types as TYPE<n> \\# <length> <hex>,"
                + " RFC 3597 §5)", error("www 1 FOO bar"));
    }

    @Test
    void shouldRejectAKnownTypeWithoutTextForm() {
        assertEquals("t.zone:1: AAAA records are not supported: write them in RFC 3597's generic form,"
                + " AAAA \\# <length> <hex>", error("www 1 AAAA 2001:db8::1"));
    }

    @Test
    void shouldRejectAMetaType() {
        assertEquals("t.zone:1: ANY is not a data type and cannot be in a zone (RFC 6895 §3.1)",
                error("www 1 TYPE255 \\# 0"));
    }

    @Test
    void shouldRejectTheGenericFormForATypeWithATextForm() {
        assertEquals("t.zone:1: write A data in its own form; the generic \\# form is read only for other types",
                error("www 1 A \\# 4 0a000001"));
    }

    @Test
    void shouldRejectGenericDataOfTheWrongLength() {
        assertEquals("t.zone:1: generic RDATA length 4 does not match its 3 octets",
                error("x 1 TYPE65000 \\# 4 abcdef"));
    }

    @Test
    void shouldRejectGenericDataThatIsNotHex() {
        assertEquals("t.zone:1: generic RDATA is not hex: abc", error("x 1 TYPE65000 \\# 2 abc"));
    }

    @Test
    void shouldRejectDollarInclude() {
        assertEquals("t.zone:2: $INCLUDE is not supported: put the included records in this file",
                error("$TTL 1", "$INCLUDE other.zone"));
    }

    @Test
    void shouldRejectDollarGenerate() {
        assertEquals("t.zone:1: $GENERATE is not supported: write the records out",
                error("$GENERATE 1-10 host$ A 10.0.0.$"));
    }

    @Test
    void shouldRejectAnUnknownDirective() {
        assertEquals("t.zone:1: unknown directive: $FOO", error("$FOO bar"));
    }

    @Test
    void shouldRejectAParenthesisLeftOpenAtTheEndOfTheFile() {
        assertEquals("t.zone:2: unbalanced parenthesis: '(' is not closed by the end of the file",
                error("$TTL 1", "@ SOA ns hm ( 1 2 3 4 5", "www A 10.0.0.1"));
    }

    @Test
    void shouldRejectAClosingParenthesisWithoutOpening() {
        assertEquals("t.zone:1: unbalanced parenthesis: ')' without '('", error("www 1 A 10.0.0.1 )"));
    }

    @Test
    void shouldRejectNestedParentheses() {
        assertEquals("t.zone:1: nested '(': parentheses do not nest in a zone file", error("@ 1 SOA ( ns (", "))"));
    }

    @Test
    void shouldRejectAnUnterminatedQuote() {
        assertEquals("t.zone:1: unterminated quoted string: no closing '\"' on the line",
                error("t 1 TXT \"abc", "u 1 TXT \"def\""));
    }

    @Test
    void shouldNameTheFirstLineOfAnEntryForAnErrorOnALaterLine() {
        assertEquals("t.zone:1: SOA SERIAL must be a number 0..4294967295: one",
                error("@ 1 SOA ns hm (", " one 2 3", " 4 5 )"));
    }

    @Test
    void shouldRejectABadEscapeInAQuotedString() {
        assertEquals("t.zone:1: a \\DDD escape must be 000..255: \\999", error("t 1 TXT \"\\999\""));
    }

    @Test
    void shouldRejectALabelOver63Octets() {
        assertEquals("t.zone:1: owner name: label of 64 bytes, more than 63 (RFC 1035 §2.3.4): "
                + "a".repeat(20) + "...",
                error("a".repeat(64) + " 1 A 10.0.0.1"));
    }

    @Test
    void shouldRejectANameOver255Octets() {
        String label = "a".repeat(63);
        assertEquals("t.zone:1: CNAME target: name of 257 bytes on the wire, more than 255 (RFC 1035 §2.3.4)",
                error("x 1 CNAME " + label + "." + label + "." + label + "." + label + "."));
    }

    @Test
    void shouldRejectARelativeNameThatGrowsOver255OctetsWithTheOrigin() {
        String label = "a".repeat(63);
        // 244 octets as written; with ".example.test." appended, 257.
        assertEquals("t.zone:1: owner name: name of 257 bytes on the wire, more than 255 (RFC 1035 §2.3.4)",
                error(label + "." + label + "." + label + "." + "b".repeat(50) + " 1 A 10.0.0.1"));
    }

    @Test
    void shouldRejectARelativeNameWithNoOrigin() {
        String message = assertThrows(ZoneFileException.class,
                () -> ZoneFileParser.parse("t.zone", "www 1 A 10.0.0.1\n", null)).getMessage();
        assertEquals("t.zone:1: owner name www is relative and no origin is set: end it with '.' or set $ORIGIN",
                message);
    }

    @Test
    void shouldRejectAnMxPreferenceOutOfRange() {
        String message = assertThrows(ZoneFileException.class, () -> ZoneFileParser.parse("example.zone",
                "$TTL 1h\n\n\n\n\n\n@ MX 70000 mail\n", DnsName.parse("example.test."))).getMessage();
        assertEquals("example.zone:7: MX preference must be 0..65535: 70000", message);
    }

    @Test
    void shouldRejectARecordWithoutTtlWhenNothingGivesOne() {
        assertEquals("t.zone:1: no TTL for this record and no $TTL before it: give it a TTL or add $TTL"
                + " (RFC 2308 §4)", error("ns A 10.0.0.1", "@ SOA ns hm 1 2 3 4 5"));
    }

    @Test
    void shouldRejectAClassOtherThanIn() {
        assertEquals("t.zone:1: class CH is not supported: only IN", error("www 1 CH A 10.0.0.1"));
    }

    @Test
    void shouldRejectTwoTtls() {
        assertEquals("t.zone:1: two TTLs in one record: 2", error("www 1 IN 2 A 10.0.0.1"));
    }

    @Test
    void shouldRejectABlankOwnerBeforeAnyRecord() {
        assertEquals("t.zone:2: no owner name: the line starts with a blank, which repeats the previous record's"
                + " owner, but there is no previous record", error("$TTL 1", "  A 10.0.0.1"));
    }

    @Test
    void shouldRejectAQuotedOwner() {
        assertEquals("t.zone:1: owner name cannot be a quoted string: \"www\"", error("\"www\" 1 A 10.0.0.1"));
    }

    @Test
    void shouldRejectMissingData() {
        assertEquals("t.zone:1: missing MX exchange", error("@ 1 MX 10"));
    }

    @Test
    void shouldRejectAMissingType() {
        assertEquals("t.zone:1: missing record type", error("www 1 IN"));
    }

    @Test
    void shouldRejectAFieldLeftOver() {
        assertEquals("t.zone:1: unexpected field after the A data: 10.0.0.2", error("www 1 A 10.0.0.1 10.0.0.2"));
    }

    @Test
    void shouldRejectATxtStringOver255Octets() {
        assertEquals("t.zone:1: a TXT string is at most 255 octets (RFC 1035 §3.3), this one is 256",
                error("t 1 TXT \"" + "x".repeat(256) + "\""));
    }

    @Test
    void shouldRejectACharacterThatIsNotAnOctet() {
        assertEquals("t.zone:1: character U+20AC is not an octet: write non-ASCII data as \\DDD escapes (a zone"
                + " file is read one octet per character)", error("t 1 TXT \"\u20ac\""));
    }

    @Test
    void shouldEscapeControlCharactersSoTheMessageIsOneLine() {
        assertEquals("t.zone:1: unknown record type: F\\001\\011O (write other types as TYPE<n> \\# <length> <hex>,"
                + " RFC 3597 §5)", error("www 1 F\u0001\u000BO x"));
    }
}
