package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.SECOND;
import static io.slipway.app.http.server.HttpServerSimulation.file;
import static io.slipway.app.http.server.HttpServerSimulation.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.stack.StackConfig;
import io.slipway.tcp.TcpConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that stop reading must not, in the end, lock everyone else out. The server gives up on
 * such a client after its stall timeout and closes the socket; TCP then holds the orphaned
 * connection (FIN-WAIT-1, data unsent behind a zero window) and probes the window, which the
 * client's stack keeps answering. Were that allowed to go on for ever (as it did before TCP
 * bounded an orphan's probes, as Linux's tcp_orphan_retries does), a handful of such clients
 * would fill the server stack's connection table, and no one could connect any more, long after
 * the HTTP server let them all go.
 */
class HttpServerStalledClientsTest {
    private static final int TCP_CONNECTIONS = 6;

    @TempDir
    Path root;

    @Test
    void shouldServeANewClientAfterClientsThatStoppedReadingWereLetGo() throws Exception {
        file(root, "a.txt", "first\n");
        file(root, "big.bin", random(400_000, 11));
        StackConfig small = StackConfig.DEFAULT.withTcp(TcpConfig.DEFAULT.withMaxConnections(TCP_CONNECTIONS));
        HttpServerSimulation site = new HttpServerSimulation(root, HttpServerSimulation.SERIAL_LINE, small,
                c -> c.withConnections(2, 2).withTimeouts(15 * SECOND, 5 * SECOND, 8 * SECOND, 2 * SECOND));
        List<TestConnection> stuck = new ArrayList<>();
        for (int i = 0; i < TCP_CONNECTIONS; i++) {
            TestConnection c = site.connect();
            c.stopReading();
            c.send("GET /big.bin HTTP/1.1\r\nHost: test\r\n\r\n");
            stuck.add(c);
        }
        site.sim.runFor(60 * SECOND);
        assertEquals(TCP_CONNECTIONS, site.http.events().get(HttpServerEvent.TIMEOUTS), "all were let go");

        site.sim.runFor(30 * 60 * SECOND); // half an hour later

        TestConnection next = TestConnection.start(site);
        next.send("GET /a.txt HTTP/1.1\r\nHost: test\r\n\r\n");
        boolean served = site.sim.runUntil(() -> next.received().length > 0 || next.failure() != null, 120 * SECOND);
        assertTrue(served && next.failure() == null, "a new client cannot get in: server TCP holds "
                + site.server.tcp().connections());
        assertEquals("first\n", next.readResponse().bodyText());
    }
}
