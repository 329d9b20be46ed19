package io.slipway.app.browser;

import static io.slipway.app.browser.ScriptedServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A page and its images, as a browser lays a page out: for an HTML page that arrived with a 2xx,
 * each {@code <img src>} is resolved against the page's (final) URL and fetched with a request
 * of its own, over the kept connection when the server is the same; an image that cannot be
 * fetched is a problem of the page, not a failure of it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrowsePageTest {
    private static final Url PAGE = Url.parse("http://www.example.test/dir/index.html");

    private final BrowserNet net = new BrowserNet();
    private final ByteArrayOutputStream pageSink = new ByteArrayOutputStream();
    /** What each image's sink received, by URL, in the order the browser asked for the sinks. */
    private final Map<Url, ByteArrayOutputStream> images = new LinkedHashMap<>();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    private OutputStream imageSink(Url url) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        images.put(url, sink);
        return sink;
    }

    private Page browse(Url url) throws Exception {
        return net.browser().browse(url, pageSink, this::imageSink);
    }

    private static String html(String body) {
        return ok("<html><body>" + body + "</body></html>", "Content-Type: text/html; charset=utf-8");
    }

    private static String image(String bytes) {
        return ok(bytes, "Content-Type: image/png");
    }

    private String imageBytes(String url) {
        return images.get(Url.parse(url)).toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldFetchEachImageWithARequestOfItsOwnOverTheKeptConnection() throws Exception {
        ScriptedServer server = net.server(80)
                .reply(html("<img src=\"logo.png\"> <IMG SRC='../pics/a.gif'> <img src=/top.jpg>"))
                .reply(image("LOGO")).reply(image("GIF!")).reply(image("JPEG"));

        Page page = browse(PAGE);

        assertEquals(List.of("/dir/index.html", "/dir/logo.png", "/pics/a.gif", "/top.jpg"),
                server.received().stream().map(ScriptedServer.Received::target).toList());
        assertEquals(1, server.connections());
        assertEquals("LOGO", imageBytes("http://www.example.test/dir/logo.png"));
        assertEquals("GIF!", imageBytes("http://www.example.test/pics/a.gif"));
        assertEquals("JPEG", imageBytes("http://www.example.test/top.jpg"));
        assertEquals(3, page.images().size());
        assertTrue(page.isComplete(), page.problems().toString());
        assertEquals(page.page().bodyBytes() + 12, page.totalBytes());
        assertTrue(pageSink.toString(StandardCharsets.UTF_8).contains("logo.png"), "the page itself goes to its sink");
    }

    @Test
    void shouldFetchAnImageFromAnotherServer() throws Exception {
        ScriptedServer www = net.server(80).reply(html("<img src=\"http://img.example.test:8080/x.png\">"));
        ScriptedServer img = net.server(8080).reply(image("XPNG"));

        Page page = browse(PAGE);

        assertTrue(page.isComplete(), page.problems().toString());
        assertEquals("img.example.test:8080", img.request(0).header("Host"));
        assertEquals("/x.png", img.request(0).target());
        assertEquals("XPNG", imageBytes("http://img.example.test:8080/x.png"));
        assertEquals(1, www.received().size());
    }

    @Test
    void shouldReportABrokenImageWithoutFailingThePage() throws Exception {
        net.server(80).reply(html("<img src=gone.png><img src=here.png>"))
                .reply("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found").reply(image("HERE"));

        Page page = browse(PAGE);

        assertEquals(200, page.page().status());
        assertEquals(List.of(404, 200), page.images().stream().map(Fetch::status).toList());
        assertEquals(1, page.problems().size(), page.problems().toString());
        assertTrue(page.problems().get(0).contains("gone.png") && page.problems().get(0).contains("404"),
                page.problems().toString());
        assertFalse(page.isComplete());
        assertEquals("HERE", imageBytes("http://www.example.test/dir/here.png"));
    }

    @Test
    void shouldReportImagesItCannotFetchOnceEach() throws Exception {
        ScriptedServer server = net.server(80).reply(html(
                "<img src=\"https://www.example.test/secure.png\"><img src=\"http://h:99999/x.png\"><img src=ok.png>"))
                .reply(image("OKAY"));

        Page page = browse(PAGE);

        assertEquals(3, page.problems().size() + page.images().size(), page.problems().toString());
        assertEquals(2, page.problems().size(), page.problems().toString());
        assertTrue(page.problems().get(0).contains("https is not supported yet"), page.problems().get(0));
        assertTrue(page.problems().get(1).contains("99999"), page.problems().get(1));
        for (String problem : page.problems()) {
            String url = problem.substring(0, problem.indexOf(": "));
            assertFalse(problem.startsWith(url + ": " + url), "the URL is named once: " + problem);
        }
        assertEquals(2, server.received().size());
    }

    @Test
    void shouldAskForAnImageOnceThoughItIsWrittenInSeveralWays() throws Exception {
        ScriptedServer server = net.server(80)
                .reply(html("<img src=a.png><img src=./a.png><img src=/dir/a.png><img src=\"a.png#top\">"))
                .reply(image("AAAA")).reply(image("again?"));

        Page page = browse(PAGE);

        assertEquals(2, server.received().size(), server.received().toString());
        assertEquals(1, page.images().size());
        assertTrue(page.isComplete(), page.problems().toString());
    }

    @Test
    void shouldResolveImagesAgainstTheUrlItWasRedirectedTo() throws Exception {
        ScriptedServer server = net.server(80)
                .reply("HTTP/1.1 301 Moved\r\nLocation: /new/page.html\r\nContent-Length: 0\r\n\r\n")
                .reply(html("<img src=pic.png>")).reply(image("PICS"));

        Page page = browse(PAGE);

        assertEquals(Url.parse("http://www.example.test/new/page.html"), page.page().url());
        assertEquals("/new/pic.png", server.request(2).target());
        assertTrue(page.isComplete());
    }

    @Test
    void shouldNotLookForImagesInAPageThatIsNotHtml() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("<img src=x.png>", "Content-Type: text/plain"));

        Page page = browse(PAGE);

        assertEquals(List.of(), page.images());
        assertEquals(1, server.received().size());
        assertEquals("<img src=x.png>", pageSink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void shouldNotLookForImagesInAnErrorPage() throws Exception {
        ScriptedServer server = net.server(80).reply("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n"
                + "Content-Length: 19\r\n\r\n<img src=sorry.png>");

        Page page = browse(PAGE);

        assertEquals(404, page.page().status());
        assertEquals(List.of(), page.images());
        assertEquals(1, server.received().size());
        assertFalse(page.isComplete());
    }

    /** A page from the network must not make the browser read this machine's files (WHATWG Fetch: file: is not for other origins). */
    @Test
    void shouldNotShowThisMachinesFilesInAPageFromTheNetwork() throws Exception {
        Path secret = Files.createTempFile("slipway-secret", ".png");
        try {
            Files.writeString(secret, "private");
            net.server(80).reply(html("<img src=\"" + secret.toUri() + "\">"));

            Page page = browse(PAGE);

            assertEquals(List.of(), page.images());
            assertEquals(1, page.problems().size());
            assertTrue(page.problems().get(0).contains("file"), page.problems().get(0));
            assertTrue(images.isEmpty(), "no sink was even asked for");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void shouldShowImagesBesideALocalPage() throws Exception {
        Path dir = Files.createTempDirectory("slipway-page");
        try {
            Files.writeString(dir.resolve("index.html"), "<html><img src=\"pic.png\"></html>");
            Files.writeString(dir.resolve("pic.png"), "LOCAL");

            Page page = new Browser(null, null, BrowserNet.CONFIG, null).browse(
                    Url.parse(dir.resolve("index.html").toUri().toString()), pageSink, this::imageSink);

            assertTrue(page.isComplete(), page.problems().toString());
            assertEquals(1, page.images().size());
            assertEquals("LOCAL", images.values().iterator().next().toString(StandardCharsets.US_ASCII));
        } finally {
            Files.deleteIfExists(dir.resolve("index.html"));
            Files.deleteIfExists(dir.resolve("pic.png"));
            Files.delete(dir);
        }
    }
}
