package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.SECOND;
import static io.slipway.app.http.server.HttpServerSimulation.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.http.HttpDate;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests the server cannot or will not serve get the status that says why (RFC 9110 §15.5,
 * §15.6; RFC 9112 §3, §6; RFC 6585 §5), on the status line the client reads, with a body its
 * Content-Length frames and a Date. A request whose head was refused leaves the framing of what
 * follows unknown, so the server says {@code Connection: close} and closes.
 */
class HttpServerStatusTest {
    private static final String HOST = "Host: test\r\n";

    @TempDir
    Path root;
    private HttpServerSimulation site;

    @BeforeEach
    void site() throws Exception {
        file(root, "index.html", "<p>home</p>\n");
        file(root, "hello.txt", "hello\n");
        site = new HttpServerSimulation(root);
    }

    /** Sends {@code request} and reads the one response the server sends before it closes. */
    private RawResponse refused(String request, String statusLine) throws Exception {
        TestConnection c = site.connect();
        c.send(request);
        RawResponse r = c.readResponse();
        assertEquals(statusLine, r.statusLine(), r.toString());
        assertEquals(Integer.toString(r.body().length), r.header("Content-Length"), r.toString());
        assertEquals(HttpDate.format(site.now()), r.header("Date"), "RFC 9110 §6.6.1: a 4xx has a Date");
        assertTrue(r.saysClose(), "the framing of what follows is unknown: " + r);
        assertTrue(c.awaitClose(10 * SECOND), "the server closes after " + statusLine);
        assertEquals(0, c.unconsumed().length, "nothing after the response: " + HttpServerSimulation.text(
                c.unconsumed()));
        c.close();
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "garbage\r\n\r\n",
        "GET /\r\n\r\n",
        "GET  / HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET / HTTP/1.1 \r\nHost: test\r\n\r\n",
        "GET / http/1.1\r\nHost: test\r\n\r\n",
        "GET / HTTP/1.1\r\nHost : test\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: test\r\nX-Folded: a\r\n b\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: test\r\nno colon here\r\n\r\n",
        "GET / HTTP/1.1\rHost: test\r\n\r\n",
        "GET hello.txt HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /hello.txt#top HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: test\r\nContent-Length: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: test\r\nContent-Length: 1, 2\r\n\r\n",
    })
    void shouldAnswerAMalformedRequestWithBadRequest(String request) throws Exception {
        refused(request, "HTTP/1.1 400 Bad Request");
    }

    @Test
    void shouldRefuseAnHttp11RequestWithoutHost() throws Exception {
        // RFC 9112 §3.2: a server MUST respond 400 to an HTTP/1.1 request that lacks Host.
        refused("GET /hello.txt HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request");
    }

    @Test
    void shouldRefuseTwoHostFields() throws Exception {
        refused("GET /hello.txt HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "HTTP/1.1 400 Bad Request");
    }

    @Test
    void shouldServeAnHttp10RequestWithoutHost() throws Exception {
        RawResponse r = RawResponse.parse(site.exchange("GET /hello.txt HTTP/1.0\r\n\r\n"), false);

        assertEquals("HTTP/1.1 200 OK", r.statusLine());
        assertEquals("hello\n", r.bodyText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
    void shouldRefuseAMethodOtherThanGetAndHeadWithTheMethodsAllowed(String method) throws Exception {
        TestConnection c = site.connect();
        c.send(method + " /hello.txt HTTP/1.1\r\nHost: test\r\n\r\n");
        RawResponse r = c.readResponse();

        assertEquals("HTTP/1.1 405 Method Not Allowed", r.statusLine(), r.toString());
        // RFC 9110 §15.5.6: a 405 MUST have an Allow field listing the methods the target supports.
        String allow = r.header("Allow");
        assertNotNull(allow, r.toString());
        List<String> methods = Arrays.stream(allow.split(",")).map(String::trim).toList();
        assertTrue(methods.contains("GET") && methods.contains("HEAD"), allow);
        assertTrue(!methods.contains(method), allow);
        assertEquals(Integer.toString(r.body().length), r.header("Content-Length"));
    }

    @Test
    void shouldRefuseAPostWithABodyAndClose() throws Exception {
        TestConnection c = site.connect();
        c.send("POST /form HTTP/1.1\r\nHost: test\r\nContent-Length: 11\r\n\r\nname=value\n");
        RawResponse r = c.readResponse();

        assertEquals(405, r.status(), r.toString());
        assertNotNull(r.header("Allow"));
        assertTrue(c.awaitClose(10 * SECOND), "the body was not read: the connection cannot go on");
        assertEquals(0, c.unconsumed().length, "the body was not taken for a request");
    }

    @Test
    void shouldSayNotImplementedForAnUnknownMethod() throws Exception {
        // RFC 9110 §9.1: an unrecognized method SHOULD get 501.
        refused("BREW /pot HTTP/1.1\r\nHost: test\r\n\r\n", "HTTP/1.1 501 Not Implemented");
    }

    @Test
    void shouldSayNotImplementedForAnUnknownTransferCoding() throws Exception {
        // RFC 9112 §6.1: a server that receives a transfer coding it does not understand SHOULD answer 501.
        refused("POST / HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
                "HTTP/1.1 501 Not Implemented");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2.0", "HTTP/3.0", "HTTP/0.9"})
    void shouldRefuseAMajorVersionOtherThanOne(String version) throws Exception {
        // RFC 9110 §15.6.6.
        refused("GET / " + version + "\r\nHost: test\r\n\r\n", "HTTP/1.1 505 HTTP Version Not Supported");
    }

    @Test
    void shouldServeAHigherMinorVersionAsHttp11() throws Exception {
        // RFC 9110 §6.2: HTTP/1.2 is taken as the highest 1.x the server implements.
        TestConnection c = site.connect();
        c.send("GET /hello.txt HTTP/1.2\r\nHost: test\r\n\r\n");

        assertEquals("HTTP/1.1 200 OK", c.readResponse().statusLine());
    }

    @Test
    void shouldRefuseABodyAboveTheLimitWithContentTooLarge() throws Exception {
        // RFC 9110 §15.5.14; the default limit is 1 MiB.
        refused("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 2000000\r\n\r\nsome of the body",
                "HTTP/1.1 413 Content Too Large");
    }

    @Test
    void shouldRefuseATooLongTargetWithUriTooLong() throws Exception {
        // RFC 9110 §15.5.15; the default request line limit is 8 KiB.
        refused("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: test\r\n\r\n", "HTTP/1.1 414 URI Too Long");
    }

    @Test
    void shouldServeATargetJustWithinTheLimit() throws Exception {
        // "GET " + target + " HTTP/1.1" is exactly 8192 bytes: still a request, only a missing file.
        String target = "/" + "a".repeat(8192 - "GET  HTTP/1.1".length() - 1);
        TestConnection c = site.connect();
        c.send("GET " + target + " HTTP/1.1\r\nHost: test\r\n\r\n");

        assertEquals(404, c.readResponse().status());
    }

    @Test
    void shouldRefuseAHugeHeaderSectionWithHeaderFieldsTooLarge() throws Exception {
        // RFC 6585 §5; the default header section limit is 16 KiB.
        refused("GET / HTTP/1.1\r\nHost: test\r\nCookie: " + "c".repeat(20_000) + "\r\n\r\n",
                "HTTP/1.1 431 Request Header Fields Too Large");
    }

    @Test
    void shouldRefuseTooManyHeaderFieldsWithHeaderFieldsTooLarge() throws Exception {
        StringBuilder b = new StringBuilder("GET / HTTP/1.1\r\nHost: test\r\n");
        for (int i = 0; i < 200; i++) {
            b.append("X-Field-").append(i).append(": ").append(i).append("\r\n");
        }
        refused(b.append("\r\n").toString(), "HTTP/1.1 431 Request Header Fields Too Large");
    }

    @Test
    void shouldKeepTheConnectionAfterANotFound() throws Exception {
        // A 404 is an answer to a well-formed request: the connection goes on.
        TestConnection c = site.connect();
        c.send("GET /missing HTTP/1.1\r\n" + HOST + "\r\n");
        RawResponse missing = c.readResponse();
        c.send("GET /hello.txt HTTP/1.1\r\n" + HOST + "\r\n");
        RawResponse found = c.readResponse();

        assertEquals(404, missing.status());
        assertTrue(!missing.saysClose(), missing.toString());
        assertEquals(200, found.status());
        assertEquals("hello\n", found.bodyText());
    }

    @Test
    void shouldCountWhatItRefused() throws Exception {
        site.exchange("BREW /pot HTTP/1.1\r\nHost: test\r\n\r\n");
        site.get("/missing");

        assertEquals(1, site.http.events().get(HttpServerEvent.RESPONSES_5XX));
        assertEquals(1, site.http.events().get(HttpServerEvent.RESPONSES_4XX));
    }
}
