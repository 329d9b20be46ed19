package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.SECOND;
import static io.slipway.app.http.server.HttpServerSimulation.file;
import static io.slipway.app.http.server.HttpServerSimulation.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What clients and files do to a server that must keep serving: a client that resets in the
 * middle of a response, a file cut short while it is being sent (the client must be able to
 * tell: the connection ends before the promised length), a FIFO that would block the stack
 * thread if it were opened. Each time the connection slot is free again for the next client.
 */
class HttpServerRobustnessTest {
    @TempDir
    Path root;

    private HttpServerSimulation oneSlot() throws Exception {
        file(root, "a.txt", "first\n");
        file(root, "big.bin", random(300_000, 5));
        return new HttpServerSimulation(root, HttpServerSimulation.SERIAL_LINE, c -> c.withConnections(1, 4));
    }

    private static void assertServed(HttpServerSimulation site) throws Exception {
        TestConnection next = site.connect();
        next.send("GET /a.txt HTTP/1.1\r\nHost: test\r\n\r\n");
        assertEquals("first\n", next.readResponse().bodyText(), "the next client is served");
    }

    @Test
    void shouldFreeTheSlotOfAClientThatResetsInTheMiddleOfAResponse() throws Exception {
        HttpServerSimulation site = oneSlot();
        TestConnection c = site.connect();
        c.stopReading(); // unread data at close: the client's stack resets the connection
        c.send("GET /big.bin HTTP/1.1\r\nHost: test\r\n\r\n");
        c.idle(2 * SECOND);
        c.close();

        assertServed(site);
        assertEquals(1, site.http.failed(), "the reset reached the server as a failed connection");
        assertEquals(0, site.server.sockets().serviceFailures().size(), site.server.sockets().serviceFailures()
                .toString());
    }

    @Test
    void shouldDropOnlyTheConnectionWhoseServingThrowsAndGoOnServingTheOthers() throws Exception {
        // A fault while serving one client (here the access log throws on its request) must cost
        // that client its connection, not remove the whole service from the stack.
        file(root, "a.txt", "first\n");
        file(root, "boom.txt", "never\n");
        HttpServerSimulation site = new HttpServerSimulation(root, c -> c.withAccessLog(line -> {
            if (line.contains("/boom.txt")) {
                throw new IllegalStateException("the log's disk is full");
            }
        }));
        TestConnection c = site.connect();
        c.send("GET /boom.txt HTTP/1.1\r\nHost: test\r\n\r\n");

        assertTrue(c.awaitClose(10 * SECOND), "the faulty exchange's connection is closed");
        assertServed(site);
        assertEquals(1, site.http.events().get(HttpServerEvent.INTERNAL_ERRORS));
        assertEquals(0, site.server.sockets().serviceFailures().size(), site.server.sockets().serviceFailures()
                .toString());
    }

    @Test
    void shouldEndTheConnectionWhenAFileIsCutShortWhileItIsSent() throws Exception {
        HttpServerSimulation site = oneSlot();
        TestConnection c = site.connect();
        c.send("GET /big.bin HTTP/1.1\r\nHost: test\r\n\r\n");
        c.idle(3 * SECOND); // some 30 kB are out at 115 200 baud
        try (FileChannel f = FileChannel.open(root.resolve("big.bin"), StandardOpenOption.WRITE)) {
            f.truncate(100_000);
        }

        assertTrue(c.awaitClose(120 * SECOND), "the server cannot keep its Content-Length: it must close");
        byte[] got = c.received();
        String head = HttpServerSimulation.text(got).substring(0, HttpServerSimulation.text(got).indexOf("\r\n\r\n"));
        assertTrue(head.contains("Content-Length: 300000"), head);
        assertTrue(got.length - head.length() - 4 < 300_000, "the client can tell the body was cut short");
        assertServed(site);
    }

    @Test
    void shouldRefuseAFifoRatherThanBlockOnIt() throws Exception {
        HttpServerSimulation site = oneSlot();
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", root.resolve("pipe").toString()).start();
        } catch (java.io.IOException e) {
            mkfifo = null;
        }
        assumeTrue(mkfifo != null && mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "no mkfifo");

        RawResponse r = site.get("/pipe");

        assertEquals(403, r.status(), r.toString());
        assertServed(site);
    }
}
