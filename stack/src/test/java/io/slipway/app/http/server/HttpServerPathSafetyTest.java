package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No request target names anything outside the root: not {@code ..} in any spelling (plain,
 * percent-encoded, mixed case, behind an encoded slash or a backslash, in the absolute-form),
 * not a NUL, not a symbolic link inside the root that points out of it. Each gets a 4xx and
 * never the secret next to the root; and a redirect never sends the client to another host.
 */
class HttpServerPathSafetyTest {
    private static final String SECRET = "TOP SECRET: the password is swordfish\n";
    private static final Set<Integer> REFUSALS = Set.of(400, 403, 404);

    @TempDir
    Path dir;
    private Path root;
    private HttpServerSimulation site;

    @BeforeEach
    void site() throws Exception {
        root = dir.resolve("site");
        file(root, "index.html", "<p>home</p>\n");
        file(root, "sub/page.html", "<p>sub</p>\n");
        file(dir, "secret.txt", SECRET);
        file(dir, "outside/index.html", SECRET);
        file(dir, "outside/secret.txt", SECRET);
        site = new HttpServerSimulation(root);
    }

    private void assertRefused(String target) throws Exception {
        RawResponse r = RawResponse.parse(site.exchange("GET " + target
                + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"), false);
        assertTrue(REFUSALS.contains(r.status()), target + " gave " + r);
        assertFalse(r.bodyText().contains("swordfish"), target + " leaked the secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../secret.txt",
        "/sub/../../secret.txt",
        "/sub/../sub/../../secret.txt",
        "/..",
        "/../",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/sub%2f..%2f..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..\\secret.txt",
        "/sub\\..\\..\\secret.txt",
        "/..%5csecret.txt",
        "/..%5Csecret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/%252e%252e/secret.txt",
        "/secret.txt%00.html",
        "/%00/../secret.txt",
        "/index.html%00",
        "http://test/../secret.txt",
        "http://test/%2e%2e/secret.txt",
        "/./../secret.txt",
        "/.../secret.txt",
    })
    void shouldNeverServeWhatLiesOutsideTheRoot(String target) throws Exception {
        assertRefused(target);
    }

    @Test
    void shouldRefuseARawNulInTheTarget() throws Exception {
        RawResponse r = RawResponse.parse(site.exchange("GET /index.html\0/../../secret.txt HTTP/1.1\r\n"
                + "Host: test\r\n\r\n"), false);

        assertEquals(400, r.status(), r.toString());
    }

    @Test
    void shouldRefuseASymbolicLinkToAFileOutsideTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("link.txt"), dir.resolve("secret.txt"));

        assertRefused("/link.txt");
    }

    @Test
    void shouldRefuseASymbolicLinkToADirectoryOutsideTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("out"), dir.resolve("outside"));

        assertRefused("/out/secret.txt");
        assertRefused("/out/");
        assertRefused("/out/index.html");
    }

    @Test
    void shouldRefuseARelativeSymbolicLinkThatClimbsOut() throws Exception {
        Files.createSymbolicLink(root.resolve("sub/up.txt"), Path.of("../../secret.txt"));

        assertRefused("/sub/up.txt");
    }

    @Test
    void shouldRefuseAnIndexThatIsALinkOutOfTheRoot() throws Exception {
        Files.createDirectories(root.resolve("trap"));
        Files.createSymbolicLink(root.resolve("trap/index.html"), dir.resolve("secret.txt"));

        assertRefused("/trap/");
    }

    @Test
    void shouldServeASymbolicLinkThatStaysInsideTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("alias.html"), root.resolve("sub/page.html"));

        RawResponse r = site.get("/alias.html");

        assertEquals(200, r.status(), r.toString());
        assertEquals("<p>sub</p>\n", r.bodyText());
    }

    @Test
    void shouldServeNamesWithDotsThatDoNotClimb() throws Exception {
        file(root, "a..b.txt", "dots\n");
        file(root, "..hidden", "leading dots\n");

        assertEquals("dots\n", site.get("/a..b.txt").bodyText());
        assertEquals("leading dots\n", site.get("/..hidden").bodyText());
        assertEquals("<p>sub</p>\n", site.get("/./sub/./page.html").bodyText());
    }

    @Test
    void shouldNeverRedirectToAnotherHost() throws Exception {
        // "//sub" as a Location is a network-path reference (RFC 3986 §4.2): the browser would go
        // to the host "sub". A redirect to the directory must stay on this server.
        RawResponse r = site.get("//sub");

        if (r.status() == 301) {
            String location = r.header("Location");
            assertFalse(location.startsWith("//"), "Location " + location + " names another host");
            assertTrue(location.startsWith("/"), location);
        } else {
            assertTrue(REFUSALS.contains(r.status()), r.toString());
        }
    }

    @Test
    void shouldNeverRedirectToAnotherHostWhateverTheSlashesAndDots() throws Exception {
        for (String target : new String[] {"///sub", "/.//sub", "//./sub", "/%2fsub"}) {
            RawResponse r = site.get(target);
            String location = r.header("Location");
            if (location != null) {
                assertFalse(location.startsWith("//") || location.startsWith("/\\") || location.contains("://"),
                        target + " redirected to " + location);
            }
        }
    }
}
