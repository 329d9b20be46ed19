package io.slipway.app.http.server;

import io.slipway.app.http.HttpStatus;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What a request target names in the root: a file to send (200), a redirect to the directory's
 * own URL (301), or an error status. {@code lastModified} is cut to whole seconds, as HTTP dates
 * carry them (RFC 9110 §5.6.7), so a client's If-Modified-Since compares equal.
 */
record Resolution(int status, Path file, long size, Instant lastModified, String contentType, String location) {
    static Resolution file(Path file, long size, Instant lastModified, String contentType) {
        return new Resolution(HttpStatus.OK, file, size, lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                contentType, null);
    }

    static Resolution redirect(String location) {
        return new Resolution(HttpStatus.MOVED_PERMANENTLY, null, 0, null, null, location);
    }

    static Resolution error(int status) {
        return new Resolution(status, null, 0, null, null, null);
    }

    boolean isFile() {
        return file != null;
    }
}
