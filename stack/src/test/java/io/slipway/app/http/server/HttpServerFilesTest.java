package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.FILE_TIME;
import static io.slipway.app.http.server.HttpServerSimulation.file;
import static io.slipway.app.http.server.HttpServerSimulation.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.http.HttpDate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a client sees when it asks for files (RFC 9110 §9.3.1, §9.3.2; RFC 9112 §6): the bytes
 * of the file as the body, with Content-Length, Content-Type by the extension, Date and
 * Last-Modified; {@code index.html} for a directory; a 301 to {@code /dir/} for {@code /dir}.
 */
class HttpServerFilesTest {
    private static final String INDEX = "<!doctype html><title>home</title>\n";

    @TempDir
    Path root;
    private HttpServerSimulation site;

    @BeforeEach
    void site() throws Exception {
        file(root, "index.html", INDEX);
        file(root, "hello.txt", "hello, world\n");
        file(root, "docs/index.html", "<p>docs</p>\n");
        file(root, "docs/guide.txt", "the guide\n");
        Files.createDirectories(root.resolve("empty"));
        site = new HttpServerSimulation(root);
    }

    @Test
    void shouldSendAFileWithExactlyTheHeadersAClientNeeds() throws Exception {
        TestConnection c = site.connect();
        c.send("GET /hello.txt HTTP/1.1\r\nHost: test\r\n\r\n");
        RawResponse r = c.readResponse();

        assertEquals("HTTP/1.1 200 OK", r.statusLine());
        assertEquals("hello, world\n", r.bodyText());
        assertEquals("13", r.header("Content-Length"));
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertEquals(HttpDate.format(FILE_TIME), r.header("Last-Modified"));
        assertEquals(HttpDate.format(site.now()), r.header("Date"));
        assertEquals(null, r.header("Transfer-Encoding"));
        assertEquals(0, c.unconsumed().length, "nothing after the body");
    }

    @Test
    void shouldSendTheIndexOfTheRoot() throws Exception {
        RawResponse r = site.get("/");

        assertEquals(200, r.status(), r.toString());
        assertEquals(INDEX, r.bodyText());
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        assertEquals(Integer.toString(INDEX.length()), r.header("Content-Length"));
    }

    @Test
    void shouldSendTheIndexOfADirectoryAskedForWithItsSlash() throws Exception {
        RawResponse r = site.get("/docs/");

        assertEquals(200, r.status(), r.toString());
        assertEquals("<p>docs</p>\n", r.bodyText());
    }

    @Test
    void shouldRedirectADirectoryAskedForWithoutItsSlash() throws Exception {
        RawResponse r = site.get("/docs");

        assertEquals("HTTP/1.1 301 Moved Permanently", r.statusLine());
        assertEquals("/docs/", r.header("Location"));
        assertEquals(Integer.toString(r.body().length), r.header("Content-Length"));
    }

    @Test
    void shouldKeepTheQueryInTheRedirect() throws Exception {
        RawResponse r = site.get("/docs?lang=en");

        assertEquals(301, r.status(), r.toString());
        assertEquals("/docs/?lang=en", r.header("Location"));
    }

    @Test
    void shouldServeAFileInASubdirectory() throws Exception {
        RawResponse r = site.get("/docs/guide.txt");

        assertEquals(200, r.status(), r.toString());
        assertEquals("the guide\n", r.bodyText());
    }

    @Test
    void shouldIgnoreTheQueryOfAFile() throws Exception {
        RawResponse r = site.get("/hello.txt?v=2");

        assertEquals(200, r.status(), r.toString());
        assertEquals("hello, world\n", r.bodyText());
    }

    @Test
    void shouldDecodePercentEncodedNames() throws Exception {
        file(root, "two words.txt", "spaced\n");
        file(root, "caf\u00e9.txt", "utf-8 name\n");

        assertEquals("spaced\n", site.get("/two%20words.txt").bodyText());
        assertEquals("utf-8 name\n", site.get("/caf%C3%A9.txt").bodyText());
    }

    @Test
    void shouldAcceptTheAbsoluteFormOfTheTarget() throws Exception {
        // RFC 9112 §3.2.2: a server MUST accept the absolute-form in requests.
        RawResponse r = RawResponse.parse(site.exchange(
                "GET http://test/hello.txt HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"), false);

        assertEquals(200, r.status(), r.toString());
        assertEquals("hello, world\n", r.bodyText());
    }

    @Test
    void shouldSayNotFoundForANameThatIsNotThere() throws Exception {
        RawResponse r = site.get("/nothing.html");

        assertEquals("HTTP/1.1 404 Not Found", r.statusLine());
        assertEquals(Integer.toString(r.body().length), r.header("Content-Length"));
        assertEquals(HttpDate.format(site.now()), r.header("Date"));
    }

    @Test
    void shouldSayNotFoundForAFileAskedForAsADirectory() throws Exception {
        assertEquals(404, site.get("/hello.txt/").status());
        assertEquals(404, site.get("/hello.txt/more").status());
    }

    @Test
    void shouldNotListADirectoryWithoutAnIndex() throws Exception {
        RawResponse r = site.get("/empty/");

        assertEquals(403, r.status(), r.toString());
        assertTrue(r.bodyText().length() < 100, "no listing: " + r.bodyText());
    }

    @Test
    void shouldSendALargeBinaryFileByteExact() throws Exception {
        byte[] data = random(300_000, 7); // many times the server's buffer and the send ring
        file(root, "big.bin", data);

        RawResponse r = site.get("/big.bin");

        assertEquals(200, r.status(), r.toString());
        assertEquals("300000", r.header("Content-Length"));
        assertArrayEquals(data, r.body());
    }

    @Test
    void shouldSendAnEmptyFile() throws Exception {
        file(root, "empty.txt", new byte[0]);

        RawResponse r = site.get("/empty.txt");

        assertEquals(200, r.status(), r.toString());
        assertEquals("0", r.header("Content-Length"));
        assertEquals(0, r.body().length);
    }

    @ParameterizedTest
    @CsvSource({
        "style.css, text/css; charset=utf-8",
        "app.js, text/javascript; charset=utf-8",
        "data.json, application/json",
        "logo.png, image/png",
        "photo.JPG, image/jpeg",
        "icon.svg, image/svg+xml",
        "page.htm, text/html; charset=utf-8",
        "archive.tar.gz, application/gzip",
        "notes.xyz, application/octet-stream",
        "README, application/octet-stream",
    })
    void shouldNameTheMediaTypeByTheExtension(String name, String type) throws Exception {
        file(root, name, "x");

        RawResponse r = site.get("/" + name);

        assertEquals(200, r.status(), r.toString());
        assertEquals(type, r.header("Content-Type"));
    }

    @Test
    void shouldAnswerHeadWithTheHeadersOfGetAndNoBody() throws Exception {
        TestConnection c = site.connect();
        c.send("GET /index.html HTTP/1.1\r\nHost: test\r\n\r\n");
        RawResponse get = c.readResponse();
        c.send("HEAD /index.html HTTP/1.1\r\nHost: test\r\n\r\n");
        RawResponse head = c.readResponse("HEAD");
        // No body followed the HEAD response: the next bytes on the connection are a status line.
        c.send("GET /hello.txt HTTP/1.1\r\nHost: test\r\n\r\n");
        RawResponse next = c.readResponse();

        assertEquals("HTTP/1.1 200 OK", head.statusLine());
        assertEquals(get.fieldLines("Date"), head.fieldLines("Date"), "RFC 9110 §9.3.2: the same fields as GET");
        assertEquals(Integer.toString(INDEX.length()), head.header("Content-Length"));
        assertEquals("HTTP/1.1 200 OK", next.statusLine());
        assertEquals("hello, world\n", next.bodyText());
    }

    @Test
    void shouldAnswerHeadForAMissingFileWithoutABody() throws Exception {
        TestConnection c = site.connect();
        c.send("HEAD /nothing HTTP/1.1\r\nHost: test\r\n\r\nGET /hello.txt HTTP/1.1\r\nHost: test\r\n\r\n");

        assertEquals("HTTP/1.1 404 Not Found", c.readResponse("HEAD").statusLine());
        RawResponse next = c.readResponse();
        assertEquals("hello, world\n", next.bodyText());
    }

    @Test
    void shouldAnswerHeadForADirectoryWithTheRedirectAndNoBody() throws Exception {
        TestConnection c = site.connect();
        c.send("HEAD /docs HTTP/1.1\r\nHost: test\r\n\r\nGET /hello.txt HTTP/1.1\r\nHost: test\r\n\r\n");

        RawResponse head = c.readResponse("HEAD");
        assertEquals(301, head.status());
        assertEquals("/docs/", head.header("Location"));
        assertEquals("hello, world\n", c.readResponse().bodyText());
    }

    @Test
    void shouldCountRequestsResponsesAndBodyBytes() throws Exception {
        byte[] body = "abc".getBytes(StandardCharsets.US_ASCII);
        file(root, "abc.txt", body);

        site.get("/abc.txt");

        assertEquals(1, site.http.events().get(HttpServerEvent.REQUESTS));
        assertEquals(1, site.http.events().get(HttpServerEvent.RESPONSES_2XX));
        assertEquals(3, site.http.events().get(HttpServerEvent.BODY_BYTES));
    }
}
