package io.slipway.app.browser;

import static io.slipway.app.browser.ScriptedServer.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the browser reads what servers send (RFC 9112 §4, §5, §6.3): the status line and fields,
 * then the body framed by Content-Length, by chunked coding (extensions and trailers read and
 * left out of the content, §7.1), or by the end of the connection, as an HTTP/1.0 server frames
 * it; a 204 has no body.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResponseBodyTest {
    private static final Url PAGE = Url.parse("http://www.example.test/page");

    private final BrowserNet net = new BrowserNet();
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    private String body() {
        return sink.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldReadStatusFieldsAndAContentLengthBody() throws Exception {
        net.server(80).reply("HTTP/1.1 200 Fine Thanks\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "X-Things: one\r\nx-things: two\r\nContent-Length: 11\r\n\r\nhello world");

        Fetch f = net.browser().get(PAGE, sink);

        assertEquals(200, f.status());
        assertEquals("Fine Thanks", f.reason());
        assertEquals("text/plain; charset=utf-8", f.contentType());
        assertEquals(List.of("one", "two"), f.headers().getAll("X-Things"));
        assertEquals("hello world", body());
        assertEquals(11, f.bodyBytes());
        assertEquals(PAGE, f.url());
        assertTrue(f.redirectedFrom().isEmpty());
    }

    @Test
    void shouldStopAtContentLengthThoughMoreBytesFollow() throws Exception {
        net.server(80).reply(ok("first") + "and bytes that are not this body's");

        Fetch f = net.browser().get(PAGE, sink);

        assertEquals("first", body());
        assertEquals(5, f.bodyBytes());
    }

    @Test
    void shouldDecodeAChunkedBodyWithExtensionsAndTrailers() throws Exception {
        ScriptedServer server = net.server(80).reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                + "Trailer: Expires\r\n\r\n"
                + "5;name=value\r\nhello\r\n"
                + "1 ; quoted=\"a;b\"\r\n \r\n"
                + "A\r\n0123456789\r\n"
                + "0;last\r\nExpires: Wed, 21 Oct 2015 07:28:00 GMT\r\nX-Checksum: 42\r\n\r\n")
                .reply(ok("next"));
        Browser browser = net.browser();

        Fetch f = browser.get(PAGE, sink);

        assertEquals("hello 0123456789", body());
        assertEquals(16, f.bodyBytes());
        assertNull(f.headers().get("X-Checksum"), "trailers are not header fields (RFC 9110 §6.5.1)");
        // The trailers were read to their end: the connection carries the next response intact.
        sink.reset();
        browser.get(PAGE, sink);
        assertEquals("next", body());
        assertEquals(1, server.connections());
    }

    @Test
    void shouldReadUntilTheServerClosesWhenNeitherLengthNorChunked() throws Exception {
        ScriptedServer server = net.server(80).replyAndClose("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n"
                + "the body runs to the end of the connection\r\n\r\nand blank lines are no end\r\n")
                .reply(ok("again"));
        Browser browser = net.browser();

        Fetch f = browser.get(PAGE, sink);

        assertEquals(200, f.status());
        assertEquals("the body runs to the end of the connection\r\n\r\nand blank lines are no end\r\n", body());
        sink.reset();
        browser.get(PAGE, sink);
        assertEquals("again", body());
        assertEquals(2, server.connections(), "a body ended by the close takes its connection with it");
    }

    @Test
    void shouldReadAnHttp11BodyEndedByClose() throws Exception {
        net.server(80).replyAndClose("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end");

        Fetch f = net.browser().get(PAGE, sink);

        assertEquals("until the end", body());
        assertEquals(13, f.bodyBytes());
    }

    @Test
    void shouldReadALargeBodyByteExact() throws Exception {
        byte[] content = new byte[300_000];
        new SplittableRandom(7).nextBytes(content);
        byte[] head = ScriptedServer.bytes("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + content.length + "\r\n\r\n");
        byte[] response = new byte[head.length + content.length];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(content, 0, response, head.length, content.length);
        net.server(80).reply(response);

        Fetch f = net.browser().get(PAGE, sink);

        assertEquals(content.length, f.bodyBytes());
        assertArrayEquals(content, sink.toByteArray());
    }

    @Test
    void shouldReadNoBodyForA204() throws Exception {
        ScriptedServer server = net.server(80).reply("HTTP/1.1 204 No Content\r\n\r\n").reply(ok("after"));
        Browser browser = net.browser();

        Fetch f = browser.get(PAGE, sink);
        assertEquals(204, f.status());
        assertEquals(0, f.bodyBytes());
        assertTrue(f.isSuccess());
        browser.get(PAGE, sink);

        assertEquals("after", body());
        assertEquals(1, server.connections());
    }

    @Test
    void shouldUnfoldAnObsoleteFoldedField() throws Exception {
        net.server(80).reply("HTTP/1.1 200 OK\r\nX-Long: first part\r\n  second part\r\nContent-Length: 0\r\n\r\n");

        Fetch f = net.browser().get(PAGE, sink);

        assertEquals("first part second part", f.headers().get("X-Long"));
    }
}
