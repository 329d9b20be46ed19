package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decoded name the file system cannot encode is a file that is not there. Under a POSIX
 * locale (LANG=C, as services and containers often run) the JVM encodes file names as ASCII, so
 * a request for {@code /caf%C3%A9.txt} decodes to a name that {@link Path#resolve} refuses with
 * an unchecked InvalidPathException; thrown on the stack thread it would stop the whole server
 * for every client. This JVM's encoding cannot be switched in a test, so an unpaired surrogate —
 * which no encoding accepts — stands in for that name here.
 */
class StaticFilesUnencodableNameTest {
    @TempDir
    Path root;

    @Test
    void shouldSayNotFoundForANameTheFileSystemCannotEncode() throws Exception {
        file(root, "index.html", "home\n");
        StaticFiles files = new StaticFiles(root);

        Resolution r = files.resolve(new Target(List.of("caf\uD800.txt"), false, "/caf.txt", null, 0));

        assertEquals(404, r.status());
    }
}
