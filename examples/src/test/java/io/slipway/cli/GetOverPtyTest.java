package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.SocatPtyPair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway serve --http-root --dns-zone} at one end of a socat pseudo-terminal pair and
 * {@code slipway get} at the other, as a user's two terminals run them: a page by name with its
 * images to files, a body to standard output, a directory's redirect, HEAD, a missing page (exit
 * 1). Needs socat: skipped without it, failed under {@code CI=true}.
 */
@Timeout(90)
class GetOverPtyTest {
    private record Run(int status, byte[] body, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\nstdout:\n" + out + "stderr:\n" + err;
        }
    }

    @TempDir
    Path temp;

    @Test
    void shouldBrowseAPageWithItsImagesFromServeByName() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site/docs"));
        Path root = site.getParent();
        String page = "<html><body><h1>hello</h1><img src=\"a.png\"><IMG SRC='/docs/b.bin'></body></html>";
        Files.writeString(root.resolve("index.html"), page);
        byte[] a = random(3000, 1);
        byte[] b = random(200_000, 2); // over 64 KiB: the progress bar's size, though --no-progress keeps it off
        Files.write(root.resolve("a.png"), a);
        Files.write(site.resolve("b.bin"), b);
        Files.writeString(site.resolve("index.html"), "docs");
        Path zone = temp.resolve("example.test.zone");
        Files.writeString(zone, LookupOverPtyTest.ZONE);
        Path got = Files.createDirectory(temp.resolve("got"));

        SocatPtyPair pair = SocatPtyPair.startOrSkip();
        ServeInThread serve = ServeInThread.start("serve", "--serial", pair.a().toString(), "--ip", "10.0.0.2/24",
                "--dns-zone", zone.toString(), "--http-root", root.toString());
        try {
            assertTrue(serve.firstLine().contains(", HTTP on port 80 from "), serve.output());
            String port = pair.b().toString();

            Run browse = get(port, "--images", "-o", got.resolve("page.html").toString(), "http://www.example.test/");
            assertEquals(Slipway.EXIT_OK, browse.status(), browse.toString());
            assertEquals(page, Files.readString(got.resolve("page.html")));
            assertArrayEquals(a, Files.readAllBytes(got.resolve("a.png")));
            assertArrayEquals(b, Files.readAllBytes(got.resolve("b.bin")));
            assertTrue(browse.err().startsWith("http://www.example.test/: 200 OK, "), browse.toString());
            assertTrue(browse.err().contains("  image http://www.example.test/a.png: 200 OK, "), browse.toString());
            assertTrue(browse.err().contains("  image http://www.example.test/docs/b.bin: 200 OK, "), browse.toString());

            // A directory named without its slash: the server's 301 to /docs/ is followed, to its index.html.
            Run docs = get(port, "http://10.0.0.2/docs");
            assertEquals(Slipway.EXIT_OK, docs.status(), docs.toString());
            assertEquals("docs", new String(docs.body(), StandardCharsets.UTF_8));
            assertTrue(docs.err().startsWith("http://10.0.0.2/docs/: 200 OK, 4 B in ")
                    && docs.err().contains("(after 1 redirect)"), docs.toString());

            Run head = get(port, "-I", "http://10.0.0.2/docs/b.bin");
            assertEquals(Slipway.EXIT_OK, head.status(), head.toString());
            assertTrue(head.out().startsWith("HTTP/1.1 200 OK\n"), head.toString());
            assertTrue(head.out().contains("\nContent-Length: 200000\n"), head.toString());
            assertEquals(0, head.body().length, "HEAD: no body");

            Run missing = get(port, "http://www.example.test/nope.html");
            assertEquals(Slipway.EXIT_FAILED, missing.status(), missing.toString());
            assertTrue(missing.err().startsWith("slipway: get: http://www.example.test/nope.html: 404 Not Found"),
                    missing.toString());

            Run noDns = get(port, "--dns", "10.0.0.2", "http://nowhere.example.test/");
            assertEquals(Slipway.EXIT_FAILED, noDns.status(), noDns.toString());
            assertTrue(noDns.err().contains("nowhere.example.test"), noDns.toString());
        } finally {
            pair.close(); // ends socat, which hangs up serve's pty
        }
        assertEquals(Slipway.EXIT_FAILED, serve.awaitExit());
        // The server's access log, one line per request, on serve's standard error.
        assertTrue(serve.errors().contains("http GET /docs/b.bin 200 200000\n"), serve.errors());
    }

    @Test
    void shouldReadFileUrlsAndRefuseOtherSchemesWithoutALink() throws Exception {
        Path file = temp.resolve("local.txt");
        Files.writeString(file, "on this machine\n");

        Run local = run(List.of("get", "--no-progress", file.toUri().toString()));
        assertEquals(Slipway.EXIT_OK, local.status(), local.toString());
        assertEquals("on this machine\n", new String(local.body(), StandardCharsets.UTF_8));

        Run https = run(List.of("get", "https://www.example.test/"));
        assertEquals(Slipway.EXIT_FAILED, https.status(), https.toString());
        assertTrue(https.err().contains("https is not supported yet"), https.toString());

        Run ftp = run(List.of("get", "ftp://ftp.example.test/pub/file"));
        assertEquals(Slipway.EXIT_FAILED, ftp.status(), ftp.toString());
        assertTrue(ftp.err().contains("ftp is not supported yet"), ftp.toString());

        Run http = run(List.of("get", "http://www.example.test/"));
        assertEquals(Slipway.EXIT_USAGE, http.status(), http.toString());
        assertTrue(http.err().contains("need a link: --serial PATH --ip"), http.toString());

        Run bad = run(List.of("get", "http://www.exa mple.test/"));
        assertEquals(Slipway.EXIT_USAGE, bad.status(), bad.toString());
        assertTrue(bad.err().startsWith("slipway: bad host in 'http://www.exa mple.test/'"), bad.toString());
    }

    private static Run get(String port, String... rest) {
        List<String> args = new ArrayList<>(List.of("get", "--serial", port, "--no-lock", "--ip", "10.0.0.1/24",
                "--dns", "10.0.0.2", "--no-progress"));
        args.addAll(List.of(rest));
        return run(args);
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Slipway.run(args.toArray(new String[0]), new ByteArrayInputStream(new byte[0]), body,
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, body.toByteArray(), out.toString(), err.toString());
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }
}
