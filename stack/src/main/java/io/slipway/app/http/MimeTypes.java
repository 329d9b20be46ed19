package io.slipway.app.http;

import java.util.Map;

/**
 * The Content-Type (RFC 9110 §8.3) a static file server sends for a file, by its extension.
 * Text types carry {@code charset=utf-8}, since a browser would otherwise guess (RFC 9110
 * §8.3.2 leaves the default to the media type, and for text/* it was ISO-8859-1 or US-ASCII);
 * JSON has no charset parameter (RFC 8259 §11); JavaScript is text/javascript (RFC 9239).
 * An unknown extension gets {@code application/octet-stream}, which a browser downloads
 * rather than renders.
 */
public final class MimeTypes {
    /** For a name with no extension, or one not listed. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final String UTF_8 = "; charset=utf-8";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html" + UTF_8),
            Map.entry("htm", "text/html" + UTF_8),
            Map.entry("txt", "text/plain" + UTF_8),
            Map.entry("text", "text/plain" + UTF_8),
            Map.entry("md", "text/markdown" + UTF_8),
            Map.entry("csv", "text/csv" + UTF_8),
            Map.entry("css", "text/css" + UTF_8),
            Map.entry("js", "text/javascript" + UTF_8),
            Map.entry("mjs", "text/javascript" + UTF_8),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("tar", "application/x-tar"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"));

    private MimeTypes() {
    }

    /**
     * The media type for a file name or path ({@code docs/index.HTML}): by the extension after
     * the last dot of the last path segment, case-insensitively.
     */
    public static String forFileName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String file = name.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        if (dot < 0 || dot == file.length() - 1) {
            return OCTET_STREAM;
        }
        StringBuilder extension = new StringBuilder(file.length() - dot - 1);
        for (int i = dot + 1; i < file.length(); i++) {
            extension.append(HttpSyntax.lower(file.charAt(i)));
        }
        return BY_EXTENSION.getOrDefault(extension.toString(), OCTET_STREAM);
    }
}
