package io.slipway.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code file:} URLs (RFC 8089) name a file on this machine: the browser reads it without a
 * socket (so it needs neither a stack nor a resolver), answers 200 with a type from the file's
 * name, and fails clearly for a file that is missing, a directory, or another host's.
 */
class FileUrlFetchTest {
    @TempDir
    Path dir;

    private final Browser browser = new Browser(null, null, BrowserConfig.DEFAULT, null);
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    private static Url url(Path file) {
        return Url.parse(file.toUri().toString());
    }

    @Test
    void shouldReadALocalFile() throws Exception {
        Path page = Files.writeString(dir.resolve("index.html"), "<h1>local</h1>");

        Fetch f = browser.get(url(page), sink);

        assertEquals(200, f.status());
        assertEquals("<h1>local</h1>", sink.toString(StandardCharsets.US_ASCII));
        assertEquals(14, f.bodyBytes());
        assertTrue(f.isHtml(), f.contentType());
        assertEquals("14", f.headers().get("Content-Length"));
    }

    @Test
    void shouldReadAFileOfLocalhostAndAPercentEncodedName() throws Exception {
        Files.writeString(dir.resolve("a b.txt"), "spaced");

        Fetch f = browser.get(Url.parse("file://localhost" + dir.toUri().getRawPath() + "a%20b.txt"), sink);

        assertEquals("spaced", sink.toString(StandardCharsets.US_ASCII));
        assertTrue(f.contentType().startsWith("text/plain"), f.contentType());
    }

    @Test
    void shouldReadAnEmptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.bin"));

        Fetch f = browser.get(url(empty), sink);

        assertEquals(200, f.status());
        assertEquals(0, f.bodyBytes());
    }

    @Test
    void shouldGiveNoBodyForHead() throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), "<p>body</p>");

        Fetch f = browser.fetch(Request.head(url(page)), sink);

        assertEquals(200, f.status());
        assertEquals("11", f.headers().get("Content-Length"));
        assertEquals(0, f.bodyBytes());
        assertEquals(0, sink.size());
    }

    @Test
    void shouldSayAMissingFileIsMissing() {
        Path missing = dir.resolve("no-such-page.html");

        BrowserException e = assertThrows(BrowserException.class, () -> browser.get(url(missing), sink));

        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void shouldSayADirectoryIsNotAFile() {
        BrowserException e = assertThrows(BrowserException.class, () -> browser.get(url(dir), sink));

        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void shouldRefuseAnotherHostsFile() {
        BrowserException e = assertThrows(BrowserException.class,
                () -> browser.get(Url.parse("file://fileserver.example.test/etc/hostname"), sink));

        assertTrue(e.getMessage().contains("fileserver.example.test"), e.getMessage());
        assertTrue(e.getMessage().contains("other hosts"), e.getMessage());
    }
}
