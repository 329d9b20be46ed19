package io.slipway.app.url;

import static io.slipway.app.url.UrlErrors.parseMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Hosts (RFC 3986 §3.2.2) as slipway reaches them: registered names of letter-digit-hyphen labels
 * (RFC 1123 §2.1, RFC 1035 §2.3.1, §2.3.4) and IPv4 dotted quads; no IPv6.
 */
class HostNameTest {
    private static final String LABEL_63 = "a".repeat(63);

    @Test
    void shouldReadASingleLabelHost() {
        assertEquals("localhost", Url.parse("http://localhost/").host());
    }

    @Test
    void shouldReadLabelsStartingWithDigits() {
        // RFC 1123 §2.1: "the restriction on the first character is relaxed to allow either a
        // letter or a digit".
        assertEquals("3com.example", Url.parse("http://3com.example/").host());
    }

    @Test
    void shouldReadHyphensInsideLabels() {
        assertEquals("my-host.cyber.co.kr", Url.parse("http://my-host.cyber.co.kr/").host());
    }

    @Test
    void shouldReadALabelOf63Characters() {
        // RFC 1035 §2.3.4: labels are 63 octets or less.
        assertEquals(LABEL_63 + ".kr", Url.parse("http://" + LABEL_63 + ".kr/").host());
    }

    @Test
    void shouldReadAHostNameOf253Characters() {
        // RFC 1035 §2.3.4: 255 octets on the wire; 253 characters as text.
        String host = String.join(".", LABEL_63, LABEL_63, LABEL_63, "a".repeat(61));
        assertEquals(253, host.length());
        assertEquals(host, Url.parse("http://" + host + "/").host());
    }

    @Test
    void shouldKeepOneTrailingDot() {
        // RFC 1034 §3.1: a trailing dot marks an absolute name; it does not count in the length.
        assertEquals("www.cyber.co.kr.", Url.parse("http://www.cyber.co.kr./").host());
    }

    @Test
    void shouldReadTheLowestAndHighestIpv4Addresses() {
        // RFC 3986 §3.2.2: dec-octet is 0..255.
        assertEquals("0.0.0.0", Url.parse("http://0.0.0.0/").host());
        assertEquals("255.255.255.255", Url.parse("http://255.255.255.255/").host());
    }

    @Test
    void shouldRejectAnIpv6Literal() {
        assertEquals("bad host in 'http://[::1]:8080/': '[::1]' is an IPv6 address; IPv6 is not supported"
                + " (slipway is IPv4-only: use a host name or an IPv4 address such as 192.168.0.1)",
                parseMessage("host", "http://[::1]:8080/"));
    }

    @Test
    void shouldRejectAnUnclosedIpv6Literal() {
        assertEquals("bad host in 'http://[fe80::1/': '[fe80::1' is an IPv6 address; IPv6 is not supported"
                + " (slipway is IPv4-only: use a host name or an IPv4 address such as 192.168.0.1)",
                parseMessage("host", "http://[fe80::1/"));
    }

    @Test
    void shouldRejectAnUnderscore() {
        // RFC 1123 §2.1 (and RFC 952): letters, digits and hyphens only.
        assertEquals("bad host in 'http://my_host/': '_' at position 10 is not allowed in a host name"
                + " (letters, digits, '-' and '.', RFC 1123 §2.1)", parseMessage("host", "http://my_host/"));
    }

    @Test
    void shouldRejectASpaceInTheHost() {
        assertEquals("bad host in 'http://my host/': space at position 10 is not allowed in a host name"
                + " (letters, digits, '-' and '.', RFC 1123 §2.1)", parseMessage("host", "http://my host/"));
    }

    @Test
    void shouldRejectANonAsciiHost() {
        // Internationalized names would be sent as A-labels (RFC 5890); the parser takes those only.
        assertEquals("bad host in 'http://b\u00fccher.example/': '\u00fc' (U+00FC) at position 9 is not allowed"
                + " in a host name (letters, digits, '-' and '.', RFC 1123 §2.1)",
                parseMessage("host", "http://b\u00fccher.example/"));
    }

    @Test
    void shouldRejectAPercentEncodedHost() {
        // RFC 3986 §3.2.2 allows pct-encoded reg-names; DNS names are letters, digits, hyphens.
        assertEquals("bad host in 'http://a%2Eb/': percent-encoding at position 9 is not supported in a host"
                + " name (letters, digits, '-' and '.', RFC 1123 §2.1)", parseMessage("host", "http://a%2Eb/"));
    }

    @Test
    void shouldRejectAnEmptyLabel() {
        assertEquals("bad host in 'http://www..kr/': empty label in 'www..kr' (two dots in a row, or a dot at"
                + " the start, RFC 1035 §2.3.1)", parseMessage("host", "http://www..kr/"));
    }

    @Test
    void shouldRejectALeadingDot() {
        assertEquals("bad host in 'http://.kr/': empty label in '.kr' (two dots in a row, or a dot at the start,"
                + " RFC 1035 §2.3.1)", parseMessage("host", "http://.kr/"));
    }

    @Test
    void shouldRejectALabelOf64Characters() {
        String label = "a".repeat(64);
        assertEquals("bad host in 'http://" + label + ".kr/': label '" + label + "' is 64 characters long; at most"
                + " 63 are allowed (RFC 1035 §2.3.4)", parseMessage("host", "http://" + label + ".kr/"));
    }

    @Test
    void shouldRejectAHostNameOf254Characters() {
        String host = String.join(".", LABEL_63, LABEL_63, LABEL_63, "a".repeat(62));
        assertEquals(254, host.length());
        assertEquals("the host name is 254 characters long; at most 253 are allowed (RFC 1035 §2.3.4)",
                detail(parseMessage("host", "http://" + host + "/")));
    }

    @Test
    void shouldRejectALabelStartingWithAHyphen() {
        assertEquals("bad host in 'http://-a.kr/': label '-a' starts or ends with '-'; a label starts and ends"
                + " with a letter or digit (RFC 1123 §2.1)", parseMessage("host", "http://-a.kr/"));
    }

    @Test
    void shouldRejectALabelEndingWithAHyphen() {
        parseMessage("host", "http://a-.kr/");
    }

    @Test
    void shouldRejectAnAllDigitTopLabel() {
        // RFC 1123 §2.1: "the highest-level component label will be alphabetic".
        assertEquals("bad host in 'http://www.123/': 'www.123' is neither a host name (its last label '123'"
                + " is all digits, RFC 1123 §2.1) nor an IPv4 address (four numbers 0..255)",
                parseMessage("host", "http://www.123/"));
    }

    @Test
    void shouldRejectAnIpv4AddressWithThreeNumbers() {
        // RFC 3986 §7.4: the shortened forms some resolvers take (127.1) are ambiguous.
        assertEquals("bad host in 'http://127.0.1/': '127.0.1' is not an IPv4 address: it has 3 numbers"
                + " (four numbers 0..255 separated by dots, as in 192.168.0.1)",
                parseMessage("host", "http://127.0.1/"));
    }

    @Test
    void shouldRejectAnIpv4AddressAsOneNumber() {
        assertEquals("bad host in 'http://2130706433/': '2130706433' is not an IPv4 address: it has 1 number"
                + " (four numbers 0..255 separated by dots, as in 192.168.0.1)",
                parseMessage("host", "http://2130706433/"));
    }

    @Test
    void shouldRejectAnIpv4NumberAbove255() {
        assertEquals("bad host in 'http://10.0.0.256/': 256 is not in 0..255 in the IPv4 address '10.0.0.256'",
                parseMessage("host", "http://10.0.0.256/"));
    }

    @Test
    void shouldRejectAnIpv4NumberWithALeadingZero() {
        // RFC 3986 §7.4: "010" is octal 8 to some resolvers and decimal 10 to others.
        assertEquals("bad host in 'http://010.0.0.1/': '010.0.0.1' is not an IPv4 address: '010' has a leading"
                + " zero, which some resolvers read as octal (RFC 3986 §7.4)",
                parseMessage("host", "http://010.0.0.1/"));
    }

    @Test
    void shouldRejectAnIpv4AddressWithAnEmptyNumber() {
        assertEquals("bad host in 'http://10..0.1/': '10..0.1' is not an IPv4 address: a number is missing"
                + " between two dots (four numbers 0..255 separated by dots, as in 192.168.0.1)",
                parseMessage("host", "http://10..0.1/"));
    }

    @Test
    void shouldRejectAnIpv4AddressWithATrailingDot() {
        assertEquals("bad host in 'http://10.0.0.1./': '10.0.0.1.' is not an IPv4 address: it ends with '.'"
                + " (four numbers 0..255 separated by dots, as in 192.168.0.1)",
                parseMessage("host", "http://10.0.0.1./"));
    }

    private static String detail(String message) {
        return message.substring(message.indexOf("': ") + 3);
    }
}
