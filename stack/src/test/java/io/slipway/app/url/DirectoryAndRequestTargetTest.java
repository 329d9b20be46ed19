package io.slipway.app.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What the browser takes from a URL to write its request: the request-target (RFC 9112 §3.2.1),
 * the Host header (RFC 9110 §7.2), and whether the file name is left out so that the server
 * answers with its default file.
 */
class DirectoryAndRequestTargetTest {
    @Test
    void shouldSeeADirectoryWhenThePathEndsInSlash() {
        // The study notes: "http://www.lab.cyber.co.kr/dir/" leaves the file name out; the
        // server picks its default file (index.html).
        Url url = Url.parse("http://www.lab.cyber.co.kr/dir/");

        assertTrue(url.isDirectory());
        assertEquals("/dir/", url.requestTarget());
    }

    @Test
    void shouldNotSeeADirectoryWhenThePathEndsInAName() {
        // "http://www.lab.cyber.co.kr/dir/fileordir": whether it is a file or a directory is the
        // server's to decide; the URL names a file.
        assertFalse(Url.parse("http://www.lab.cyber.co.kr/dir/fileordir").isDirectory());
    }

    @Test
    void shouldMakeAnEmptyPathTheRootDirectory() {
        // RFC 9110 §4.2.3 and RFC 3986 §6.2.3: an empty path is normalized to "/".
        Url url = Url.parse("http://www.lab.cyber.co.kr");

        assertEquals("/", url.path());
        assertEquals("/", url.rawPath());
        assertTrue(url.isDirectory());
        assertEquals("/", url.requestTarget());
    }

    @Test
    void shouldNotSeeADirectoryInAnEncodedSlash() {
        // RFC 3986 §2.2: %2F is data, not a separator.
        Url url = Url.parse("http://h/dir%2F");

        assertEquals("/dir/", url.path());
        assertFalse(url.isDirectory());
    }

    @Test
    void shouldSeeADirectoryBeforeAQuery() {
        assertTrue(Url.parse("http://h/dir/?sort=name").isDirectory());
    }

    @Test
    void shouldPutTheQueryInTheRequestTarget() {
        // RFC 9112 §3.2.1: origin-form = absolute-path [ "?" query ].
        assertEquals("/search?q=tcp%2Fip&n=10", Url.parse("http://h/search?q=tcp%2Fip&n=10#r").requestTarget());
    }

    @Test
    void shouldKeepTheRequestTargetPercentEncoded() {
        assertEquals("/a%20b/%ED%95%9C", Url.parse("http://h/a%20b/%ED%95%9C").requestTarget());
    }

    @Test
    void shouldLeaveTheFragmentOutOfTheRequestTarget() {
        // RFC 3986 §3.5: the fragment is dereferenced by the user agent, never sent.
        assertEquals("/dir/file.html", Url.parse("http://h/dir/file.html#section2").requestTarget());
    }

    @Test
    void shouldWriteTheHostHeaderWithoutTheDefaultPort() {
        // RFC 9110 §7.2: Host = uri-host [ ":" port ]; the default port may be left out.
        assertEquals("www.cyber.co.kr", Url.parse("http://www.cyber.co.kr/").hostHeader());
        assertEquals("www.cyber.co.kr", Url.parse("http://www.cyber.co.kr:80/").hostHeader());
        assertEquals("www.cyber.co.kr", Url.parse("https://www.cyber.co.kr:443/").hostHeader());
    }

    @Test
    void shouldWriteTheHostHeaderWithANonDefaultPort() {
        assertEquals("www.cyber.co.kr:8080", Url.parse("http://www.cyber.co.kr:8080/").hostHeader());
        assertEquals("www.cyber.co.kr:80", Url.parse("https://www.cyber.co.kr:80/").hostHeader());
        assertEquals("10.0.0.2:8000", Url.parse("http://10.0.0.2:8000/").hostHeader());
    }

    @Test
    void shouldWriteTheHostHeaderInLowerCaseWithoutUserinfo() {
        // RFC 9110 §7.2: the Host header has no userinfo.
        assertEquals("www.cyber.co.kr", Url.parse("http://Tone:secret@WWW.Cyber.CO.KR/").hostHeader());
    }

    @Test
    void shouldHaveNoHostHeaderForSchemesWithoutHost() {
        assertNull(Url.parse("mailto:tone@cyber.co.kr").hostHeader());
        assertNull(Url.parse("news:comp.protocols.tcp-ip").hostHeader());
    }
}
