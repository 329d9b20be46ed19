package io.slipway.app.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ftp URLs: RFC 1738 §3.2 {@code ftp://<user>:<password>@<host>:<port>/<cwd1>/.../<name>;type=<typecode>}. */
class FtpUrlTest {
    @Test
    void shouldReadEveryPartOfAFullFtpUrl() {
        // The study notes' example.
        Url url = Url.parse("ftp://user:password@ftp.cyber.co.kr:21/dir/file1.html");

        assertEquals("ftp", url.scheme());
        assertEquals("user", url.user());
        assertEquals("password", url.password());
        assertEquals("ftp.cyber.co.kr", url.host());
        assertEquals(21, url.port());
        assertTrue(url.hasExplicitPort());
        assertEquals("/dir/file1.html", url.path());
    }

    @Test
    void shouldDefaultTheFtpPortTo21() {
        // RFC 1738 §3.2: "The default port is 21."
        Url url = Url.parse("ftp://ftp.cyber.co.kr/pub/");

        assertEquals(21, url.port());
        assertFalse(url.hasExplicitPort());
        assertTrue(url.isDirectory());
        assertNull(url.user());
    }

    @Test
    void shouldDropTheDefaultFtpPortFromTheNormalizedForm() {
        assertEquals("ftp://user:password@ftp.cyber.co.kr/dir/file1.html",
                Url.parse("ftp://user:password@ftp.cyber.co.kr:21/dir/file1.html").toString());
    }

    @Test
    void shouldKeepATypecodeInThePath() {
        // RFC 1738 §3.2.2: ";type=" typecode is part of the last path segment.
        Url url = Url.parse("ftp://ftp.cyber.co.kr/pub/file.tar;type=i");

        assertEquals("/pub/file.tar;type=i", url.path());
    }

    @Test
    void shouldMakeAnEmptyFtpPathTheRoot() {
        assertEquals("/", Url.parse("ftp://ftp.cyber.co.kr").path());
    }

    @Test
    void shouldKeepANonDefaultFtpPort() {
        Url url = Url.parse("ftp://ftp.cyber.co.kr:2121/");

        assertEquals(2121, url.port());
        assertEquals("ftp://ftp.cyber.co.kr:2121/", url.toString());
    }

    @Test
    void shouldReadAnFtpUrlWithQueryAndFragment() {
        Url url = Url.parse("ftp://h/f?x#y");

        assertEquals("x", url.query());
        assertEquals("y", url.fragment());
    }
}
