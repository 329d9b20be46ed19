package io.slipway.app.browser;

import static io.slipway.app.browser.ScriptedServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirects (RFC 9110 §15.4): 301, 302, 303, 307 and 308 are followed to their Location, a URI
 * reference resolved against the request's URL (§10.2.2); 303 turns any method but HEAD into
 * GET, 301 and 302 turn a POST into a GET as browsers do, 307 and 308 repeat the request as it
 * was, body and all; at most {@link BrowserConfig#maxRedirects} (5 by default) are followed, and
 * a loop is caught. A redirect's own body is read and dropped, so the connection carries the
 * next request.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedirectTest {
    private static final Url START = Url.parse("http://www.example.test/dir/start");

    private final BrowserNet net = new BrowserNet();
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    private static String redirect(int status, String location) {
        String body = "<a href=\"" + location + "\">moved</a>";
        return "HTTP/1.1 " + status + " Moved\r\nLocation: " + location + "\r\nContent-Type: text/html\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static Request post(Url url) {
        return Request.post(url, "a=1".getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded");
    }

    private String body() {
        return sink.toString(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void shouldFollowARedirectToItsLocation(int status) throws Exception {
        ScriptedServer server = net.server(80).reply(redirect(status, "http://www.example.test/new/place"))
                .reply(ok("arrived"));

        Fetch f = net.browser().get(START, sink);

        assertEquals(200, f.status());
        assertEquals("arrived", body(), "the redirect's own body is not the page");
        assertEquals(Url.parse("http://www.example.test/new/place"), f.url());
        assertEquals(List.of(START), f.redirectedFrom());
        assertEquals("GET /new/place HTTP/1.1", server.request(1).requestLine());
        assertEquals(1, server.connections(), "the redirect's body was read, so its connection carried the next");
    }

    @Test
    void shouldResolveARelativeLocationAgainstTheRequestUrl() throws Exception {
        ScriptedServer server = net.server(80).reply(redirect(302, "../other/page?x=1")).reply(ok("there"));

        Fetch f = net.browser().get(START, sink);

        assertEquals(Url.parse("http://www.example.test/other/page?x=1"), f.url());
        assertEquals("/other/page?x=1", server.request(1).target());
    }

    @Test
    void shouldResolveAnAbsolutePathLocation() throws Exception {
        ScriptedServer server = net.server(80).reply(redirect(301, "/top")).reply(ok("there"));

        net.browser().get(START, sink);

        assertEquals("/top", server.request(1).target());
    }

    @Test
    void shouldFollowARedirectToAnotherServer() throws Exception {
        ScriptedServer first = net.server(80).reply(redirect(301, "http://img.example.test:8080/moved"));
        ScriptedServer second = net.server(8080).reply(ok("moved here"));

        Fetch f = net.browser().get(START, sink);

        assertEquals("moved here", body());
        assertEquals("img.example.test:8080", second.request(0).header("Host"));
        assertEquals(Url.parse("http://img.example.test:8080/moved"), f.url());
        first.awaitConnectionsEnded();
    }

    @Test
    void shouldFollowFiveRedirectsByDefault() throws Exception {
        ScriptedServer server = net.server(80);
        for (int i = 1; i <= 5; i++) {
            server.reply(redirect(302, "/hop" + i));
        }
        server.reply(ok("after five"));

        Fetch f = net.browser().get(START, sink);

        assertEquals("after five", body());
        assertEquals(5, f.redirectedFrom().size());
        assertEquals(Url.parse("http://www.example.test/hop4"), f.redirectedFrom().get(4));
    }

    @Test
    void shouldRefuseTheSixthRedirect() throws Exception {
        ScriptedServer server = net.server(80);
        for (int i = 1; i <= 6; i++) {
            server.reply(redirect(302, "/hop" + i));
        }
        server.reply(ok("never reached"));

        BrowserException e = assertThrows(BrowserException.class, () -> net.browser().get(START, sink));

        assertTrue(e.getMessage().contains("too many redirects"), e.getMessage());
        assertEquals(6, server.received().size(), "the sixth redirect is not followed");
        assertEquals(0, sink.size());
    }

    @Test
    void shouldFollowOnlyAsManyRedirectsAsConfigured() throws Exception {
        net.server(80).reply(redirect(302, "/hop1")).reply(ok("never reached"));

        BrowserException e = assertThrows(BrowserException.class,
                () -> net.browser(BrowserNet.CONFIG.withMaxRedirects(0), null).get(START, sink));

        assertTrue(e.getMessage().contains("too many redirects"), e.getMessage());
    }

    @Test
    void shouldCatchARedirectToItself() throws Exception {
        ScriptedServer server = net.server(80).reply(redirect(302, "start")).reply(redirect(302, "start"));

        BrowserException e = assertThrows(BrowserException.class, () -> net.browser().get(START, sink));

        assertTrue(e.getMessage().contains("redirect loop"), e.getMessage());
        assertEquals(1, server.received().size(), "caught before asking again");
    }

    @Test
    void shouldCatchALoopThroughSeveralUrls() throws Exception {
        ScriptedServer server = net.server(80).reply(redirect(301, "/a")).reply(redirect(301, "/b"))
                .reply(redirect(301, "/dir/start")).reply(ok("never reached"));

        BrowserException e = assertThrows(BrowserException.class, () -> net.browser().get(START, sink));

        assertTrue(e.getMessage().contains("redirect loop"), e.getMessage());
        assertTrue(e.getMessage().contains("http://www.example.test/a -> http://www.example.test/b"), e.getMessage());
        assertEquals(3, server.received().size());
    }

    @Test
    void shouldTurnAPostIntoAGetOn303() throws Exception {
        ScriptedServer server = net.server(80).reply(redirect(303, "/result")).reply(ok("done"));

        Fetch f = net.browser().fetch(post(START), sink);

        assertEquals(200, f.status());
        assertEquals("POST /dir/start HTTP/1.1", server.request(0).requestLine());
        assertEquals("GET /result HTTP/1.1", server.request(1).requestLine());
        assertNull(server.request(1).header("Content-Length"), server.request(1).head());
        assertNull(server.request(1).header("Content-Type"), server.request(1).head());
        assertEquals(0, server.request(1).body().length);
    }

    /** Post/Redirect/Get back to the same URL is no loop: the method changed. */
    @Test
    void shouldGetTheSameUrlAfterAPostWith303() throws Exception {
        ScriptedServer server = net.server(80).reply(redirect(303, "/dir/start")).reply(ok("the form again"));

        Fetch f = net.browser().fetch(post(START), sink);

        assertEquals(200, f.status());
        assertEquals("the form again", body());
        assertEquals("GET /dir/start HTTP/1.1", server.request(1).requestLine());
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302})
    void shouldTurnAPostIntoAGetOn301And302(int status) throws Exception {
        ScriptedServer server = net.server(80).reply(redirect(status, "/moved")).reply(ok("done"));

        net.browser().fetch(post(START), sink);

        assertEquals("GET /moved HTTP/1.1", server.request(1).requestLine());
        assertEquals(0, server.request(1).body().length);
    }

    @ParameterizedTest
    @ValueSource(ints = {307, 308})
    void shouldRepeatAPostWithItsBodyOn307And308(int status) throws Exception {
        ScriptedServer server = net.server(80).reply(redirect(status, "/moved")).reply(ok("done"));

        net.browser().fetch(post(START), sink);

        assertEquals("POST /moved HTTP/1.1", server.request(1).requestLine());
        assertEquals("a=1", server.request(1).bodyText());
        assertEquals("application/x-www-form-urlencoded", server.request(1).header("Content-Type"));
    }

    @Test
    void shouldKeepHeadOn303() throws Exception {
        ScriptedServer server = net.server(80).reply("HTTP/1.1 303 See Other\r\nLocation: /other\r\n"
                + "Content-Length: 20\r\n\r\n").reply("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n");

        Fetch f = net.browser().fetch(Request.head(START), sink);

        assertEquals(200, f.status());
        assertEquals("HEAD /other HTTP/1.1", server.request(1).requestLine());
    }

    @Test
    void shouldReturnARedirectWithoutLocationAsItIs() throws Exception {
        net.server(80).reply("HTTP/1.1 302 Found\r\nContent-Length: 8\r\n\r\nnowhere!");

        Fetch f = net.browser().get(START, sink);

        assertEquals(302, f.status());
        assertEquals("nowhere!", body());
        assertTrue(f.redirectedFrom().isEmpty());
    }

    @Test
    void shouldNotFollowOtherStatusesWithALocation() throws Exception {
        net.server(80).reply("HTTP/1.1 201 Created\r\nLocation: /new/thing\r\nContent-Length: 7\r\n\r\ncreated");

        Fetch f = net.browser().get(START, sink);

        assertEquals(201, f.status());
        assertEquals("created", body());
    }

    @Test
    void shouldFollowARedirectWhoseConnectionCloses() throws Exception {
        ScriptedServer server = net.server(80).replyAndClose("HTTP/1.1 301 Moved\r\nLocation: /new\r\n"
                + "Connection: close\r\n\r\nthe body runs to the close").reply(ok("new"));

        Fetch f = net.browser().get(START, sink);

        assertEquals("new", body());
        assertEquals(200, f.status());
        assertEquals(2, server.connections());
    }

    @Test
    void shouldNameTheBadPartOfAMalformedLocation() throws Exception {
        net.server(80).reply(redirect(301, "http://www.example.test:99999/"));

        BrowserException e = assertThrows(BrowserException.class, () -> net.browser().get(START, sink));

        assertTrue(e.getMessage().contains("Location"), e.getMessage());
        assertTrue(e.getMessage().contains("port"), e.getMessage());
        assertTrue(e.getMessage().contains("99999"), e.getMessage());
    }

    @Test
    void shouldSayHttpsIsNotSupportedWhenRedirectedThere() throws Exception {
        net.server(80).reply(redirect(301, "https://www.example.test/secure"));

        BrowserException e = assertThrows(BrowserException.class, () -> net.browser().get(START, sink));

        assertTrue(e.getMessage().contains("https is not supported yet"), e.getMessage());
    }

    /**
     * A server must not make the browser read this machine's files: a redirect leads to an http
     * (or https) URL only (WHATWG Fetch, HTTP-redirect fetch: any other scheme is a network error).
     */
    @Test
    void shouldRefuseARedirectToAFileUrl() throws Exception {
        Path secret = Files.createTempFile("slipway-secret", ".txt");
        try {
            Files.writeString(secret, "private");
            net.server(80).reply(redirect(302, secret.toUri().toString()));

            BrowserException e = assertThrows(BrowserException.class, () -> net.browser().get(START, sink));

            assertTrue(e.getMessage().contains("file"), e.getMessage());
            assertEquals(0, sink.size(), "nothing of the local file");
        } finally {
            Files.delete(secret);
        }
    }
}
