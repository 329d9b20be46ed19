package io.slipway.app.url;

import static io.slipway.app.url.UrlErrors.parseMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** file URLs: RFC 8089 §2 {@code "file:" ( "//" [ file-auth ] path-absolute / path-absolute )}. */
class FileUrlTest {
    @Test
    void shouldReadAFileUrlWithAnEmptyHost() {
        // RFC 8089 §2: file:///path, the "traditional" form with an empty authority.
        Url url = Url.parse("file:///etc/hosts");

        assertEquals("file", url.scheme());
        assertEquals("", url.host());
        assertEquals("/etc/hosts", url.path());
        assertEquals(-1, url.port());
        assertFalse(url.hasExplicitPort());
        assertNull(url.user());
    }

    @Test
    void shouldReadAFileUrlWithLocalhost() {
        // RFC 8089 §2: file-auth = "localhost" / host.
        Url url = Url.parse("file://localhost/etc/hosts");

        assertEquals("localhost", url.host());
        assertEquals("/etc/hosts", url.path());
    }

    @Test
    void shouldReadAFileUrlWithoutAuthority() {
        // RFC 8089 §2: file:/path, the minimal form; the same file as file:///path.
        Url url = Url.parse("file:/etc/hosts");

        assertEquals("", url.host());
        assertEquals("/etc/hosts", url.path());
        assertEquals(Url.parse("file:///etc/hosts"), url);
        assertEquals("file:///etc/hosts", url.toString());
    }

    @Test
    void shouldKeepAWindowsDriveInThePath() {
        // The study notes' example; RFC 8089 Appendix E.2: the drive letter is the first segment.
        Url url = Url.parse("file://localhost/c:/path/file1.zip");

        assertEquals("localhost", url.host());
        assertEquals("/c:/path/file1.zip", url.path());
    }

    @Test
    void shouldKeepAWindowsDriveWithAnEmptyHost() {
        assertEquals("/C:/Program Files/x.txt", Url.parse("file:///C:/Program%20Files/x.txt").path());
    }

    @Test
    void shouldReadAFileUrlNamingAnotherHost() {
        // RFC 8089 §2: a file on another machine, as a UNC path \\server\share would be.
        Url url = Url.parse("file://Server.Example/share/doc.txt");

        assertEquals("server.example", url.host());
        assertEquals("file://server.example/share/doc.txt", url.toString());
    }

    @Test
    void shouldSeeADirectoryInAFileUrl() {
        assertEquals(true, Url.parse("file:///home/tone/").isDirectory());
    }

    @Test
    void shouldRejectAFileUrlWithoutPath() {
        assertEquals("bad path in 'file://localhost': a file URL has an absolute path, starting with '/', as in"
                + " file:///c:/path/file or file://localhost/etc/hosts (RFC 8089 §2)",
                parseMessage("path", "file://localhost"));
    }

    @Test
    void shouldRejectARelativeFilePath() {
        // RFC 8089 §2: path-absolute; "file:c:/x" is a non-standard form (Appendix E.2).
        assertEquals("bad path in 'file:c:/x': a file URL has an absolute path, starting with '/', as in"
                + " file:///c:/path/file or file://localhost/etc/hosts (RFC 8089 §2)",
                parseMessage("path", "file:c:/x"));
    }

    @Test
    void shouldRejectUserinfoInAFileUrl() {
        // RFC 8089 §2: file-auth = "localhost" / host, no userinfo.
        assertEquals("bad userinfo in 'file://tone@localhost/x': a file URL has no user name or password"
                + " (RFC 8089 §2)", parseMessage("userinfo", "file://tone@localhost/x"));
    }

    @Test
    void shouldRejectAPortInAFileUrl() {
        // RFC 8089 §2: no port.
        assertEquals("bad port in 'file://localhost:80/x': a file URL has no port (RFC 8089 §2)",
                parseMessage("port", "file://localhost:80/x"));
    }
}
