package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.SECOND;
import static io.slipway.app.http.server.HttpServerSimulation.file;
import static io.slipway.app.http.server.HttpServerSimulation.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.http.HttpLimits;
import io.slipway.app.http.HttpResponse;
import io.slipway.app.http.ResponseReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients at once over one serial line: each gets its own file, byte-exact, however their
 * responses interleave on the wire, and when there are more clients than connection slots the
 * rest wait in the listen queue and are served as slots free up. At the end every connection is
 * closed and the server holds only its listening socket.
 */
class HttpServerConcurrencyTest {
    private static final int CLIENTS = 20;

    @TempDir
    Path root;

    private static byte[][] files(Path root, int n) throws Exception {
        byte[][] data = new byte[n][];
        for (int i = 0; i < n; i++) {
            data[i] = random(2_000 + 1_500 * i, i);
            file(root, "f" + i + ".bin", data[i]);
        }
        return data;
    }

    @Test
    void shouldServeTwentyClientsAtOnceEachItsOwnFile() throws Exception {
        byte[][] data = files(root, CLIENTS);
        HttpServerSimulation site = new HttpServerSimulation(root, HttpServerSimulation.SERIAL_LINE, c -> c);
        List<TestConnection> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(site.connectLater().queue("GET /f" + i + ".bin HTTP/1.1\r\nHost: test\r\n\r\n"));
        }

        for (int i = 0; i < CLIENTS; i++) {
            ResponseReader reader = new ResponseReader(clients.get(i).inputStream(), HttpLimits.DEFAULT);
            HttpResponse r = reader.readHead("GET");
            assertEquals(200, r.status(), "client " + i);
            assertEquals(data[i].length, r.contentLength(), "client " + i);
            assertArrayEquals(data[i], r.body().readAllBytes(), "client " + i);
        }
        assertEquals(CLIENTS, site.http.events().get(HttpServerEvent.CONNECTIONS));
        assertEquals(CLIENTS, site.http.events().get(HttpServerEvent.RESPONSES_2XX));

        clients.forEach(TestConnection::close);
        site.sim.runFor(10 * SECOND);
        assertEquals(CLIENTS, site.http.served());
        assertEquals(0, site.http.failed());
        assertEquals(1, site.server.sockets().openCount(), "only the listener is left");
    }

    @Test
    void shouldServeMoreClientsThanItHasSlotsAsSlotsFreeUp() throws Exception {
        int clients = 24;
        byte[][] data = files(root, clients);
        HttpServerSimulation site = new HttpServerSimulation(root, HttpServerSimulation.SERIAL_LINE,
                c -> c.withConnections(4, 8));
        List<TestConnection> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            all.add(site.connectLater().queue("GET /f" + i + ".bin HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"));
        }

        for (int i = 0; i < clients; i++) {
            TestConnection c = all.get(i);
            byte[] got = c.readUntilClosed(600 * SECOND);
            RawResponse r = RawResponse.parse(got, false);
            assertEquals(200, r.status(), "client " + i + ": " + r);
            assertArrayEquals(data[i], r.body(), "client " + i);
        }
        assertEquals(clients, site.http.events().get(HttpServerEvent.REQUESTS));
    }

    @Test
    void shouldKeepEachClientsPipelinedResponsesInItsOwnOrder() throws Exception {
        byte[][] data = files(root, 6);
        HttpServerSimulation site = new HttpServerSimulation(root, HttpServerSimulation.SERIAL_LINE, c -> c);
        List<TestConnection> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            StringBuilder requests = new StringBuilder();
            for (int k = 0; k < 6; k++) {
                requests.append("GET /f").append((i + k) % 6).append(".bin HTTP/1.1\r\nHost: test\r\n\r\n");
            }
            clients.add(site.connectLater().queue(requests.toString()));
        }

        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < 6; k++) {
                RawResponse r = clients.get(i).readResponse();
                assertArrayEquals(data[(i + k) % 6], r.body(), "client " + i + ", response " + k);
            }
        }
        assertTrue(site.http.events().get(HttpServerEvent.REQUESTS) == 36);
    }
}
