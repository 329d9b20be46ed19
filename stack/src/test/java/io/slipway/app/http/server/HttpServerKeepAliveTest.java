package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.MILLISECOND;
import static io.slipway.app.http.server.HttpServerSimulation.SECOND;
import static io.slipway.app.http.server.HttpServerSimulation.file;
import static io.slipway.app.http.server.HttpServerSimulation.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Persistent connections (RFC 9112 §9.3): HTTP/1.1 keeps the connection for the next request,
 * pipelined requests are answered in order (§9.3.2), {@code Connection: close} and HTTP/1.0
 * end it after the response (the server closing only once the whole response is out), and a
 * connection that stays idle longer than the idle timeout is closed.
 */
class HttpServerKeepAliveTest {
    private static final long IDLE = 5 * SECOND;
    private static final byte[] BIG = random(150_000, 3);

    @TempDir
    Path root;
    private HttpServerSimulation site;

    @BeforeEach
    void site() throws Exception {
        file(root, "a.txt", "first\n");
        file(root, "b.txt", "second file\n");
        file(root, "c.txt", "third\n");
        file(root, "big.bin", BIG);
        site = new HttpServerSimulation(root, c -> c.withTimeouts(IDLE, 20 * SECOND, 60 * SECOND, 2 * SECOND));
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n";
    }

    @Test
    void shouldAnswerOneRequestAfterAnotherOnOneConnection() throws Exception {
        TestConnection c = site.connect();
        for (String name : new String[] {"a", "b", "c", "a"}) {
            c.send(get("/" + name + ".txt"));
            RawResponse r = c.readResponse();
            assertEquals(200, r.status(), r.toString());
            assertFalse(r.saysClose(), r.toString());
        }
        assertFalse(c.endOfStream(), "still open");
        assertEquals(1, site.http.events().get(HttpServerEvent.CONNECTIONS));
        assertEquals(4, site.http.events().get(HttpServerEvent.REQUESTS));
    }

    @Test
    void shouldAnswerPipelinedRequestsInOrder() throws Exception {
        TestConnection c = site.connect();
        c.send(get("/a.txt") + get("/big.bin") + "HEAD /b.txt HTTP/1.1\r\nHost: test\r\n\r\n" + get("/missing")
                + get("/c.txt"));

        assertEquals("first\n", c.readResponse().bodyText());
        assertArrayEquals(BIG, c.readResponse().body());
        RawResponse head = c.readResponse("HEAD");
        assertEquals(200, head.status());
        assertEquals("12", head.header("Content-Length"));
        assertEquals(404, c.readResponse().status());
        assertEquals("third\n", c.readResponse().bodyText());
        c.idle(100 * MILLISECOND);
        assertEquals(0, c.unconsumed().length, "nothing more");
    }

    @Test
    void shouldAnswerManyPipelinedRequestsInOrder() throws Exception {
        // More requests than the server reads at once: heads straddle its input buffer.
        String[] names = {"a", "b", "c"};
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            all.append("GET /").append(names[i % 3]).append(".txt?n=").append(i).append(" HTTP/1.1\r\nHost: test\r\n")
                    .append("User-Agent: pipeline-test\r\n\r\n");
        }
        TestConnection c = site.connect();
        c.send(all.toString());

        String[] bodies = {"first\n", "second file\n", "third\n"};
        for (int i = 0; i < 300; i++) {
            assertEquals(bodies[i % 3], c.readResponse().bodyText(), "response " + i);
        }
        assertEquals(300, site.http.events().get(HttpServerEvent.REQUESTS));
    }

    @Test
    void shouldAnswerEveryRequestOfAClientThatHalfClosedAfterSendingThem() throws Exception {
        // As "printf 'GET ...' | nc" does: the requests, then the client's FIN at once.
        TestConnection c = site.connect();
        c.queue(get("/a.txt") + get("/big.bin") + get("/c.txt")).shutdownOutput();

        assertEquals("first\n", c.readResponse().bodyText());
        assertArrayEquals(BIG, c.readResponse().body());
        assertEquals("third\n", c.readResponse().bodyText());
        assertTrue(c.awaitClose(SECOND), "the server closes once it answered all");
    }

    @Test
    void shouldAnswerRequestsThatArriveOneByteAtATime() throws Exception {
        TestConnection c = site.connect();
        String two = get("/a.txt") + get("/b.txt");
        for (char ch : two.toCharArray()) {
            c.send(String.valueOf(ch));
            c.idle(10 * MILLISECOND);
        }

        assertEquals("first\n", c.readResponse().bodyText());
        assertEquals("second file\n", c.readResponse().bodyText());
    }

    @Test
    void shouldCloseAfterTheResponseWhenAskedTo() throws Exception {
        TestConnection c = site.connect();
        c.send("GET /a.txt HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
        RawResponse r = c.readResponse();

        assertEquals("first\n", r.bodyText());
        assertTrue(r.saysClose(), r.toString());
        assertTrue(c.awaitClose(SECOND), "closed after the response");
        assertEquals(0, c.unconsumed().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection: close", "Connection: Close", "CONNECTION: CLOSE",
        "Connection: keep-alive, close", "Connection: foo,close"})
    void shouldHonourCloseHoweverItIsSpelled(String field) throws Exception {
        // RFC 9110 §5.1, §7.6.1: field names and connection options are case-insensitive.
        TestConnection c = site.connect();
        c.send("GET /a.txt HTTP/1.1\r\nhost: test\r\n" + field + "\r\n\r\n");

        assertTrue(c.readResponse().saysClose(), field);
        assertTrue(c.awaitClose(SECOND), field);
    }

    @Test
    void shouldNotAnswerWhatWasPipelinedAfterConnectionClose() throws Exception {
        // RFC 9112 §9.6: a server that sent close MUST NOT process further requests on the connection.
        TestConnection c = site.connect();
        c.send("GET /a.txt HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n" + get("/b.txt"));

        assertEquals("first\n", c.readResponse().bodyText());
        assertTrue(c.awaitClose(10 * SECOND));
        assertEquals(0, c.unconsumed().length, "no second response: " + HttpServerSimulation.text(c.unconsumed()));
        assertEquals(1, site.http.events().get(HttpServerEvent.REQUESTS));
    }

    @Test
    void shouldCloseAfterAnHttp10Response() throws Exception {
        TestConnection c = site.connect();
        c.send("GET /a.txt HTTP/1.0\r\n\r\n");
        RawResponse r = c.readResponse();

        assertEquals("first\n", r.bodyText());
        assertTrue(c.awaitClose(SECOND), "HTTP/1.0 closes by default (RFC 9112 §9.3)");
    }

    @Test
    void shouldKeepAnHttp10ConnectionThatAsksForKeepAlive() throws Exception {
        TestConnection c = site.connect();
        c.send("GET /a.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        RawResponse first = c.readResponse();
        assertEquals("first\n", first.bodyText());
        // RFC 9112 §C.2.2: a 1.0 client keeps the connection only if told so; else it waits for the close.
        assertEquals("keep-alive", first.header("Connection"));
        c.send("GET /b.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        assertEquals("second file\n", c.readResponse().bodyText());

        assertFalse(c.endOfStream());
    }

    @Test
    void shouldCloseAConnectionIdleForTheIdleTimeout() throws Exception {
        TestConnection c = site.connect();
        c.send(get("/a.txt"));
        c.readResponse();
        long answered = site.clock.nanos();

        c.idle(IDLE - 500 * MILLISECOND);
        assertFalse(c.endOfStream(), "closed before the idle timeout");
        assertTrue(c.awaitClose(SECOND), "still open a second after the idle timeout");
        assertTrue(c.endOfStreamAt() - answered >= IDLE - 10 * MILLISECOND, "closed after "
                + (c.endOfStreamAt() - answered) / MILLISECOND + " ms");
        assertEquals(0, c.unconsumed().length, "an idle connection is closed without a response");
        assertNull(c.failure(), "closed, not reset");
    }

    @Test
    void shouldStartTheIdleTimeoutAgainWithEachRequest() throws Exception {
        TestConnection c = site.connect();
        for (int i = 0; i < 4; i++) {
            c.idle(IDLE - SECOND);
            c.send(get("/a.txt"));
            assertEquals(200, c.readResponse().status(), "request " + i);
        }
        assertFalse(c.endOfStream(), "busy for 16 s in all, idle at most 4 s at a time");
    }

    @Test
    void shouldCloseAConnectionThatNeverSendsARequest() throws Exception {
        TestConnection c = site.connect();

        assertTrue(c.awaitClose(IDLE + SECOND));
        assertEquals(0, c.received().length);
    }

    @Test
    void shouldDeliverAWholeLargeFileBeforeClosingOverASlowLine() throws Exception {
        // At 115 200 baud, 150 kB take 13 s: far longer than the linger after the last byte is
        // queued; closing must not cut what is still in the send ring.
        HttpServerSimulation slow = new HttpServerSimulation(root, HttpServerSimulation.SERIAL_LINE,
                c -> c.withTimeouts(IDLE, 20 * SECOND, 60 * SECOND, 2 * SECOND));
        TestConnection c = slow.connect();
        c.send("GET /big.bin HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");

        RawResponse r = RawResponse.parse(c.readUntilClosed(120 * SECOND), false);

        assertNull(c.failure(), "ended by a reset");
        assertArrayEquals(BIG, r.body());
    }

    @Test
    void shouldDeliverAWholeLargeFileToAnHttp10ClientThatReadsUntilTheEnd() throws Exception {
        HttpServerSimulation slow = new HttpServerSimulation(root, HttpServerSimulation.SERIAL_LINE, c -> c);
        byte[] all = slow.exchange("GET /big.bin HTTP/1.0\r\n\r\n");

        assertArrayEquals(BIG, RawResponse.parse(all, false).body());
    }
}
