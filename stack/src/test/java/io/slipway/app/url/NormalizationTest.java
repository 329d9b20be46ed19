package io.slipway.app.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The normalized form (RFC 3986 §6.2.2.1 case, §6.2.3 scheme-based) that toString, equals and hashCode use. */
class NormalizationTest {
    @Test
    void shouldLowerTheCaseOfTheScheme() {
        // RFC 3986 §3.1: "schemes are case-insensitive"; the canonical form is lowercase.
        Url url = Url.parse("HTTP://h/");

        assertEquals("http", url.scheme());
        assertEquals("http://h/", url.toString());
    }

    @Test
    void shouldLowerTheCaseOfTheHost() {
        // RFC 3986 §3.2.2: "The host subcomponent is case-insensitive."
        Url url = Url.parse("http://WWW.Cyber.CO.KR/");

        assertEquals("www.cyber.co.kr", url.host());
        assertEquals("http://www.cyber.co.kr/", url.toString());
    }

    @Test
    void shouldKeepTheCaseOfThePathQueryAndFragment() {
        // RFC 3986 §6.2.2.1: other generic components are case-sensitive.
        assertEquals("http://h/Dir/File.HTML?Q=A#F", Url.parse("http://h/Dir/File.HTML?Q=A#F").toString());
    }

    @Test
    void shouldKeepTheCaseOfTheUserinfo() {
        assertEquals("ftp://Tone:PassWord@h/", Url.parse("FTP://Tone:PassWord@H/").toString());
    }

    @Test
    void shouldDropTheDefaultPort() {
        // RFC 3986 §6.2.3: "http://example.com:80/" is equivalent to "http://example.com/".
        assertEquals("http://h/", Url.parse("http://h:80/").toString());
        assertEquals("https://h/", Url.parse("https://h:443/").toString());
    }

    @Test
    void shouldKeepAPortThatIsNotTheDefault() {
        assertEquals("https://h:80/", Url.parse("https://h:80/").toString());
    }

    @Test
    void shouldWriteAnEmptyPathAsSlash() {
        // RFC 3986 §6.2.3: "http://example.com" is normalized to "http://example.com/".
        assertEquals("http://h/?q", Url.parse("http://h?q").toString());
    }

    @Test
    void shouldKeepPercentEncodingsAsWritten() {
        // rawPath and requestTarget give the path as written; the normalized form does too.
        assertEquals("http://h/a%2fb%41", Url.parse("http://h/a%2fb%41").toString());
    }

    @Test
    void shouldEqualAUrlDifferingOnlyInCaseAndDefaultPort() {
        // RFC 3986 §6.2.2.1, §6.2.3: these are equivalent.
        Url a = Url.parse("HTTP://WWW.Example.COM:80");
        Url b = Url.parse("http://www.example.com/");

        assertEquals(b, a);
        assertEquals(b.hashCode(), a.hashCode());
    }

    @Test
    void shouldNotEqualAUrlWithAnotherPathCase() {
        assertNotEquals(Url.parse("http://h/A"), Url.parse("http://h/a"));
    }

    @Test
    void shouldNotEqualAUrlWithAnotherPort() {
        assertNotEquals(Url.parse("http://h:8080/"), Url.parse("http://h/"));
    }

    @Test
    void shouldNotEqualAUrlWithAnotherFragment() {
        assertNotEquals(Url.parse("http://h/#a"), Url.parse("http://h/"));
    }

    @Test
    void shouldReadItsOwnNormalizedFormBackEqual() {
        for (String text : new String[] {"HTTP://U:P@H.Example:80", "https://h:8443/a?b#c", "ftp://h/x;type=a",
            "file:/etc/hosts", "FILE://LocalHost/c:/x", "mailto:a@b?subject=x", "NEWS:comp.*", "http://h:/"}) {
            Url url = Url.parse(text);
            assertEquals(url, Url.parse(url.toString()), text);
            assertEquals(url.toString(), Url.parse(url.toString()).toString(), text);
        }
    }
}
