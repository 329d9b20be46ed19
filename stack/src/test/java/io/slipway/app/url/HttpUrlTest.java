package io.slipway.app.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** http and https URLs: RFC 3986 §3 {@code scheme "://" authority path-abempty [ "?" query ] [ "#" fragment ]}. */
class HttpUrlTest {
    @Test
    void shouldReadEveryPartOfAFullHttpUrl() {
        // The example of the study notes, with a query and a fragment added (RFC 3986 §3).
        Url url = Url.parse("http://user:password@www.cyber.co.kr:80/dir/file.html?q=1&r=2#top");

        assertEquals("http", url.scheme());
        assertEquals("user", url.user());
        assertEquals("password", url.password());
        assertEquals("www.cyber.co.kr", url.host());
        assertEquals(80, url.port());
        assertTrue(url.hasExplicitPort());
        assertEquals("/dir/file.html", url.path());
        assertEquals("/dir/file.html", url.rawPath());
        assertEquals("q=1&r=2", url.query());
        assertEquals("top", url.fragment());
        assertFalse(url.isDirectory());
        assertNull(url.mailbox());
        assertNull(url.newsgroup());
    }

    @Test
    void shouldReadAPlainHttpUrl() {
        Url url = Url.parse("http://www.cyber.co.kr/dir/file.html");

        assertNull(url.user());
        assertNull(url.password());
        assertEquals("www.cyber.co.kr", url.host());
        assertEquals("/dir/file.html", url.path());
        assertNull(url.query());
        assertNull(url.fragment());
    }

    @Test
    void shouldDefaultTheHttpPortTo80() {
        // RFC 9110 §4.2.1: "If the port subcomponent is empty or not given, TCP port 80 is assumed".
        Url url = Url.parse("http://www.cyber.co.kr/");

        assertEquals(80, url.port());
        assertFalse(url.hasExplicitPort());
    }

    @Test
    void shouldDefaultTheHttpsPortTo443() {
        // RFC 9110 §4.2.2.
        Url url = Url.parse("https://www.cyber.co.kr/");

        assertEquals("https", url.scheme());
        assertEquals(443, url.port());
        assertFalse(url.hasExplicitPort());
    }

    @Test
    void shouldReadAnExplicitPort() {
        Url url = Url.parse("https://www.cyber.co.kr:8443/a");

        assertEquals(8443, url.port());
        assertTrue(url.hasExplicitPort());
    }

    @Test
    void shouldTakeAnEmptyPortAsTheDefault() {
        // RFC 3986 §3.2.3: "URI producers and normalizers should omit the ":" delimiter that
        // separates host from port if the port component is empty."
        Url url = Url.parse("http://www.cyber.co.kr:/a");

        assertEquals(80, url.port());
        assertFalse(url.hasExplicitPort());
        assertEquals("http://www.cyber.co.kr/a", url.toString());
    }

    @Test
    void shouldReadTheLowestAndHighestPorts() {
        // RFC 3986 §3.2.3 port = *DIGIT; TCP ports are 1..65535 (RFC 9293 §3.1).
        assertEquals(1, Url.parse("http://h:1/").port());
        assertEquals(65535, Url.parse("http://h:65535/").port());
    }

    @Test
    void shouldReadAPortWithLeadingZeros() {
        // RFC 3986 §3.2.3: port is *DIGIT, a decimal number; leading zeros do not change it.
        assertEquals(8080, Url.parse("http://h:08080/").port());
        assertEquals("http://h:8080/", Url.parse("http://h:08080/").toString());
    }

    @Test
    void shouldReadAUserWithoutPassword() {
        // RFC 3986 §3.2.1: userinfo = *( unreserved / pct-encoded / sub-delims / ":" ).
        Url url = Url.parse("http://user@h/");

        assertEquals("user", url.user());
        assertNull(url.password());
    }

    @Test
    void shouldReadAnEmptyPasswordAsEmpty() {
        Url url = Url.parse("http://user:@h/");

        assertEquals("user", url.user());
        assertEquals("", url.password());
    }

    @Test
    void shouldSplitTheUserinfoAtItsFirstColon() {
        // RFC 3986 §3.2.1: "user:password"; a colon after the first belongs to the password.
        Url url = Url.parse("http://user:pass:word@h/");

        assertEquals("user", url.user());
        assertEquals("pass:word", url.password());
    }

    @Test
    void shouldDecodeAPercentEncodedAtSignInThePassword() {
        // RFC 3986 §3.2.1: '@' ends the userinfo, so one in a password is written %40.
        Url url = Url.parse("ftp://tone:p%40ss@ftp.cyber.co.kr/");

        assertEquals("p@ss", url.password());
    }

    @Test
    void shouldReadAnIpv4Host() {
        // RFC 3986 §3.2.2 IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet.
        Url url = Url.parse("http://192.168.0.1:8080/");

        assertEquals("192.168.0.1", url.host());
        assertEquals(8080, url.port());
    }

    @Test
    void shouldReadAQueryWithoutPath() {
        // RFC 3986 §3.3: the path is empty when the authority is followed by '?' or '#'.
        Url url = Url.parse("http://h?x=1");

        assertEquals("/", url.path());
        assertEquals("x=1", url.query());
        assertEquals("/?x=1", url.requestTarget());
    }

    @Test
    void shouldReadAFragmentWithoutPathOrQuery() {
        Url url = Url.parse("http://h#part");

        assertEquals("/", url.path());
        assertNull(url.query());
        assertEquals("part", url.fragment());
    }

    @Test
    void shouldKeepAnEmptyQueryApartFromNoQuery() {
        // RFC 3986 §6.2.3: "http://example.com/?" is not equivalent to "http://example.com/".
        Url url = Url.parse("http://h/?");

        assertEquals("", url.query());
        assertEquals("/?", url.requestTarget());
        assertEquals("http://h/?", url.toString());
    }

    @Test
    void shouldKeepAnEmptyFragment() {
        Url url = Url.parse("http://h/#");

        assertEquals("", url.fragment());
        assertEquals("http://h/#", url.toString());
    }

    @Test
    void shouldAllowQuestionMarksAndSlashesInQueryAndFragment() {
        // RFC 3986 §3.4, §3.5: query and fragment = *( pchar / "/" / "?" ).
        Url url = Url.parse("http://h/p?a=/b?c#/d?e");

        assertEquals("a=/b?c", url.query());
        assertEquals("/d?e", url.fragment());
    }

    @Test
    void shouldAllowEverySubDelimAndColonAndAtInAPath() {
        // RFC 3986 §3.3 pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
        Url url = Url.parse("http://h/a-._~!$&'()*+,;=:@b");

        assertEquals("/a-._~!$&'()*+,;=:@b", url.path());
    }

    @Test
    void shouldKeepDotSegmentsOfAParsedPath() {
        // RFC 3986 §5.2.4 applies to references being resolved; a parsed URL keeps its path.
        assertEquals("/a/../b/./c", Url.parse("http://h/a/../b/./c").rawPath());
    }
}
