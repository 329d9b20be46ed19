package io.slipway.app.url;

import static io.slipway.app.url.UrlErrors.parseMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 3986 §2.1 percent-encoding, decoded as UTF-8 (§2.5) in the path and the userinfo. */
class PercentDecodingTest {
    @Test
    void shouldDecodeASpace() {
        Url url = Url.parse("http://h/my%20file.html");

        assertEquals("/my file.html", url.path());
        assertEquals("/my%20file.html", url.rawPath());
    }

    @Test
    void shouldDecodeHexDigitsInEitherCase() {
        // RFC 3986 §2.1: "The uppercase hexadecimal digits 'A' through 'F' are equivalent to the
        // lowercase digits 'a' through 'f', respectively."
        assertEquals("/~/~", Url.parse("http://h/%7e/%7E").path());
    }

    @Test
    void shouldDecodeTwoByteUtf8() {
        // RFC 3986 §2.5: "é" (U+00E9) is C3 A9 in UTF-8.
        assertEquals("/caf\u00e9", Url.parse("http://h/caf%C3%A9").path());
    }

    @Test
    void shouldDecodeThreeByteUtf8() {
        // "한글" is ED 95 9C EA B8 80 in UTF-8.
        assertEquals("/\ud55c\uae00/", Url.parse("http://h/%ED%95%9C%EA%B8%80/").path());
    }

    @Test
    void shouldDecodeFourByteUtf8() {
        // U+1F600 is F0 9F 98 80 in UTF-8, a surrogate pair in Java.
        assertEquals("/\ud83d\ude00", Url.parse("http://h/%F0%9F%98%80").path());
    }

    @Test
    void shouldDecodeTheUserAndPassword() {
        Url url = Url.parse("ftp://%ED%95%9C:p%20w@h/");

        assertEquals("\ud55c", url.user());
        assertEquals("p w", url.password());
    }

    @Test
    void shouldDecodeAnEncodedPercentOnce() {
        // RFC 3986 §2.4: decoding once; %2541 is "%41", not "A".
        assertEquals("/%41", Url.parse("http://h/%2541").path());
    }

    @Test
    void shouldNotDecodeQueryOrFragment() {
        // The query and fragment are handed on as written; their meaning is the application's.
        Url url = Url.parse("http://h/?q=a%20b#c%20d");

        assertEquals("q=a%20b", url.query());
        assertEquals("c%20d", url.fragment());
    }

    @Test
    void shouldRejectAPercentAtTheEnd() {
        assertEquals("bad percent-encoding in 'http://h/a%': '%' at position 11: '%' must be followed by two"
                + " hex digits (RFC 3986 §2.1); a '%' itself is written %25",
                parseMessage("percent-encoding", "http://h/a%"));
    }

    @Test
    void shouldRejectAPercentWithOneHexDigit() {
        assertEquals("bad percent-encoding in 'http://h/a%2': '%2' at position 11: '%' must be followed by two"
                + " hex digits (RFC 3986 §2.1); a '%' itself is written %25",
                parseMessage("percent-encoding", "http://h/a%2"));
    }

    @Test
    void shouldRejectAPercentWithNonHexDigits() {
        assertEquals("bad percent-encoding in 'http://h/100%zz': '%zz' at position 13: '%' must be followed by"
                + " two hex digits (RFC 3986 §2.1); a '%' itself is written %25",
                parseMessage("percent-encoding", "http://h/100%zz"));
    }

    @Test
    void shouldRejectAPercentEncodingCutByTheQuery() {
        // The two digits belong to the same part (RFC 3986 §2.1, §3.3): '?' ends the path.
        assertEquals("bad percent-encoding in 'http://h/a%4?1': '%4' at position 11: '%' must be followed by two"
                + " hex digits (RFC 3986 §2.1); a '%' itself is written %25",
                parseMessage("percent-encoding", "http://h/a%4?1"));
    }

    @Test
    void shouldRejectABadPercentEncodingInTheQuery() {
        assertEquals("bad percent-encoding in 'http://h/?q=%g0': '%g0' at position 13: '%' must be followed by"
                + " two hex digits (RFC 3986 §2.1); a '%' itself is written %25",
                parseMessage("percent-encoding", "http://h/?q=%g0"));
    }

    @Test
    void shouldRejectABadPercentEncodingInTheFragment() {
        parseMessage("percent-encoding", "http://h/#%");
    }

    @Test
    void shouldRejectABadPercentEncodingInTheUserinfo() {
        parseMessage("percent-encoding", "http://a%2@h/");
    }

    @Test
    void shouldRejectALoneContinuationByte() {
        // RFC 3629 §3: 80..BF cannot start a character.
        assertEquals("bad percent-encoding in 'http://h/%80': %80 at position 10 is not valid UTF-8"
                + " (percent-encoded octets are read as UTF-8, RFC 3986 §2.5)",
                parseMessage("percent-encoding", "http://h/%80"));
    }

    @Test
    void shouldRejectAnOctetThatIsNeverUtf8() {
        // RFC 3629 §1: C0, C1, F5..FF never appear in UTF-8.
        assertEquals("bad percent-encoding in 'http://h/a%FF': %FF at position 11 is not valid UTF-8"
                + " (percent-encoded octets are read as UTF-8, RFC 3986 §2.5)",
                parseMessage("percent-encoding", "http://h/a%FF"));
    }

    @Test
    void shouldRejectASequenceCutShort() {
        // C3 starts a two-byte sequence; '(' is not a continuation byte.
        assertEquals("bad percent-encoding in 'http://h/%C3(': %C3 at position 10 is not valid UTF-8"
                + " (percent-encoded octets are read as UTF-8, RFC 3986 §2.5)",
                parseMessage("percent-encoding", "http://h/%C3("));
    }

    @Test
    void shouldRejectASequenceCutByTheEnd() {
        parseMessage("percent-encoding", "http://h/%E3%81");
    }

    @Test
    void shouldRejectAnOverlongForm() {
        // RFC 3629 §10: C0 AF is an overlong '/', a classic path traversal trick.
        parseMessage("percent-encoding", "http://h/%C0%AF..");
    }

    @Test
    void shouldRejectAnEncodedSurrogate() {
        // RFC 3629 §3: U+D800..U+DFFF are not encoded in UTF-8 (ED A0 80 is CESU-8).
        parseMessage("percent-encoding", "http://h/%ED%A0%80");
    }

    @Test
    void shouldRejectInvalidUtf8InThePassword() {
        parseMessage("percent-encoding", "ftp://u:%FE@h/");
    }

    @Test
    void shouldPointAtTheBadOctetAfterGoodCharacters() {
        // Positions count characters of the text, from 1: 'é' as written is 6 characters.
        assertEquals("bad percent-encoding in 'http://h/%C3%A9%A9': %A9 at position 16 is not valid UTF-8"
                + " (percent-encoded octets are read as UTF-8, RFC 3986 §2.5)",
                parseMessage("percent-encoding", "http://h/%C3%A9%A9"));
    }
}
