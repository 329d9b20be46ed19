package io.slipway.app.http;

/**
 * How much of a message head and body a parser accepts, so that what it holds is bounded by
 * configuration, never by what a peer sends (RFC 9112 §2.3: a recipient ought to limit the
 * lengths it reads; RFC 9110 §15.5.14, §15.5.15 and RFC 6585 §5 give the status codes).
 *
 * <p>Each limit is met exactly by a message that uses all of it: a request line of exactly
 * {@code maxRequestLineBytes} bytes is accepted, one byte more is not.
 *
 * @param maxRequestLineBytes the request line (a server) or status line (a client), not counting
 *     its line ending; more gives 414 (URI Too Long)
 * @param maxHeaderSectionBytes every byte after the start line's line ending up to and including
 *     the empty line that ends the head: the field lines with their line endings and the final
 *     CRLF; also the limit of a chunked body's trailer section; more gives 431
 * @param maxHeaderFields the number of field lines (an obs-fold continuation is not a new one);
 *     also the limit of trailer fields; more gives 431
 * @param maxBodyBytes the content: a larger Content-Length gives 413 (Content Too Large); a chunked
 *     or close-delimited body is cut off with an error when it passes it
 * @param maxChunkLineBytes one chunk-size line with its extensions, not counting its CRLF
 *     (RFC 9112 §7.1.1)
 */
public record HttpLimits(int maxRequestLineBytes, int maxHeaderSectionBytes, int maxHeaderFields,
                         long maxBodyBytes, int maxChunkLineBytes) {
    /** 8 KiB request/status line, 16 KiB header section, 100 fields, 64 MiB body, 1 KiB chunk line. */
    public static final HttpLimits DEFAULT = new HttpLimits(8 * 1024, 16 * 1024, 100, 64L * 1024 * 1024, 1024);

    /** @throws IllegalArgumentException when a limit is not positive (the body limit may be 0) */
    public HttpLimits {
        if (maxRequestLineBytes < 1 || maxHeaderSectionBytes < 1 || maxHeaderFields < 1 || maxBodyBytes < 0
                || maxChunkLineBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxRequestLineBytes + ", "
                    + maxHeaderSectionBytes + ", " + maxHeaderFields + ", " + maxBodyBytes + ", " + maxChunkLineBytes);
        }
    }
}
