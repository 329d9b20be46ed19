package io.slipway.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MimeTypesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "index.html|text/html; charset=utf-8", "old.htm|text/html; charset=utf-8",
        "notes.txt|text/plain; charset=utf-8", "site.css|text/css; charset=utf-8",
        "app.js|text/javascript; charset=utf-8", "data.json|application/json", "logo.png|image/png",
        "photo.jpg|image/jpeg", "photo.jpeg|image/jpeg", "anim.gif|image/gif", "icon.svg|image/svg+xml",
        "favicon.ico|image/x-icon", "pic.webp|image/webp", "paper.pdf|application/pdf",
        "archive.zip|application/zip", "dump.gz|application/gzip", "feed.xml|application/xml",
        "module.wasm|application/wasm", "clip.mp4|video/mp4", "font.woff2|font/woff2"})
    void shouldGiveTheTypeOfAKnownExtension(String name, String type) {
        assertEquals(type, MimeTypes.forFileName(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"INDEX.HTML|text/html; charset=utf-8", "Photo.JpG|image/jpeg"})
    void shouldReadTheExtensionCaseInsensitively(String name, String type) {
        assertEquals(type, MimeTypes.forFileName(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"docs/index.html|text/html; charset=utf-8",
        "/var/www/a.b/readme.txt|text/plain; charset=utf-8", "archive.tar.gz|application/gzip"})
    void shouldUseTheLastExtensionOfTheLastSegment(String name, String type) {
        assertEquals(type, MimeTypes.forFileName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"README", "file.unknownext", "trailing.", "", "a.b/noext", "x.exe", "html"})
    void shouldGiveOctetStreamOtherwise(String name) {
        assertEquals("application/octet-stream", MimeTypes.forFileName(name));
    }
}
