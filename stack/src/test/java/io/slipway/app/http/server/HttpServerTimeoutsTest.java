package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.MILLISECOND;
import static io.slipway.app.http.server.HttpServerSimulation.SECOND;
import static io.slipway.app.http.server.HttpServerSimulation.file;
import static io.slipway.app.http.server.HttpServerSimulation.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow clients time out, and the connection slot they held serves someone else: a client that
 * sends half a request head and stops, or trickles it a byte at a time, gets 408 (or a close)
 * once the head timeout has passed since its first byte; one that stops reading a response is
 * dropped after the stall timeout. Virtual time makes "after" exact.
 */
class HttpServerTimeoutsTest {
    private static final long IDLE = 30 * SECOND;
    private static final long HEAD = 5 * SECOND;
    private static final long STALL = 8 * SECOND;

    @TempDir
    Path root;
    private HttpServerSimulation site;

    @BeforeEach
    void site() throws Exception {
        file(root, "a.txt", "first\n");
        file(root, "big.bin", random(400_000, 9));
        site = new HttpServerSimulation(root, c -> c.withTimeouts(IDLE, HEAD, STALL, 2 * SECOND).withConnections(1, 4));
    }

    /** The 408 the server may send, or nothing; either way the connection must end. */
    private static void assertTimedOut(TestConnection c) {
        byte[] got = c.unconsumed();
        if (got.length > 0) {
            RawResponse r = RawResponse.parse(got, false);
            assertEquals("HTTP/1.1 408 Request Timeout", r.statusLine(), r.toString());
            assertTrue(r.saysClose(), r.toString());
        }
    }

    @Test
    void shouldTimeOutAClientThatSendsHalfARequestHead() throws Exception {
        TestConnection c = site.connect();
        c.send("GET /a.txt HTTP/1.1\r\nHo");
        long started = site.clock.nanos();

        c.idle(HEAD - 100 * MILLISECOND);
        assertFalse(c.endOfStream(), "gave up before the head timeout");
        assertEquals(0, c.unconsumed().length, "answered an unfinished head");
        assertTrue(c.awaitClose(SECOND + 2 * SECOND), "not closed after the head timeout");
        assertTrue(c.endOfStreamAt() - started >= HEAD - 10 * MILLISECOND, "closed after "
                + (c.endOfStreamAt() - started) / MILLISECOND + " ms");
        assertTrue(c.endOfStreamAt() - started < IDLE, "the idle timeout is not the one for a started head");
        assertTimedOut(c);
        assertEquals(1, site.http.events().get(HttpServerEvent.TIMEOUTS));
    }

    @Test
    void shouldNotLetAClientStretchTheHeadTimeoutByTricklingBytes() throws Exception {
        TestConnection c = site.connect();
        long started = site.clock.nanos();
        String head = "GET /a.txt HTTP/1.1\r\nHost: test\r\nX-Slow: " + "z".repeat(100);
        for (int i = 0; i < head.length() && !c.endOfStream(); i++) {
            c.send(head.substring(i, i + 1));
            c.idle(500 * MILLISECOND);
        }

        assertTrue(c.awaitClose(SECOND), "a byte each half second kept the connection for "
                + (site.clock.nanos() - started) / SECOND + " s");
        assertTrue(c.endOfStreamAt() - started <= HEAD + SECOND, "closed only after "
                + (c.endOfStreamAt() - started) / MILLISECOND + " ms");
        assertTimedOut(c);
    }

    @Test
    void shouldServeTheNextClientOnceASlowOneTimedOut() throws Exception {
        // One connection slot: the slow client holds it until its head timeout.
        TestConnection slow = site.connect();
        slow.send("GET /a.txt HTTP/1.1\r\n");
        TestConnection next = site.connect(); // waits in the listen queue
        next.send("GET /a.txt HTTP/1.1\r\nHost: test\r\n\r\n");

        RawResponse r = next.readResponse();

        assertEquals("first\n", r.bodyText());
        assertTrue(slow.endOfStream(), "the slow client was let go first");
        assertTrue(site.clock.nanos() >= HEAD, "served at " + site.clock.nanos() / MILLISECOND + " ms");
    }

    @Test
    void shouldDropAClientThatStopsReadingAndServeTheNext() throws Exception {
        TestConnection stuck = site.connect();
        stuck.stopReading();
        stuck.send("GET /big.bin HTTP/1.1\r\nHost: test\r\n\r\n");
        TestConnection next = site.connect();
        next.send("GET /a.txt HTTP/1.1\r\nHost: test\r\n\r\n");

        RawResponse r = next.readResponse();

        assertEquals("first\n", r.bodyText());
        assertTrue(site.clock.nanos() >= STALL, "served at " + site.clock.nanos() / MILLISECOND + " ms");
        assertEquals(1, site.http.events().get(HttpServerEvent.TIMEOUTS));
    }

    @Test
    void shouldAnswerAClientThatIsSlowButWithinTheHeadTimeout() throws Exception {
        TestConnection c = site.connect();
        c.send("GET /a.txt HTTP/1.1\r\n");
        c.idle(HEAD - SECOND);
        c.send("Host: test\r\n\r\n");

        assertEquals("first\n", c.readResponse().bodyText());
    }
}
