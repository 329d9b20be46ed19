package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.AddressInUseException;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that cannot serve as configured says so at once, in one clear line, before it listens. */
class HttpServerConfigTest {
    @TempDir
    Path root;

    @Test
    void shouldServeOnPort80ByDefault() {
        HttpServerConfig c = HttpServerConfig.of(root);

        assertEquals(80, c.port());
        assertEquals(0, c.address());
    }

    @Test
    void shouldRefuseAPortOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> HttpServerConfig.of(root).withPort(0));
        assertThrows(IllegalArgumentException.class, () -> HttpServerConfig.of(root).withPort(65536));
    }

    @Test
    void shouldRefuseNoConnectionsOrNoBacklog() {
        assertThrows(IllegalArgumentException.class, () -> HttpServerConfig.of(root).withConnections(0, 4));
        assertThrows(IllegalArgumentException.class, () -> HttpServerConfig.of(root).withConnections(4, 0));
    }

    @Test
    void shouldRefuseTimeoutsThatAreNotPositive() {
        long s = 1_000_000_000L;
        assertThrows(IllegalArgumentException.class, () -> HttpServerConfig.of(root).withTimeouts(0, s, s, s));
        assertThrows(IllegalArgumentException.class, () -> HttpServerConfig.of(root).withTimeouts(s, -1, s, s));
        assertThrows(IllegalArgumentException.class, () -> HttpServerConfig.of(root).withTimeouts(s, s, 0, s));
        assertThrows(IllegalArgumentException.class, () -> HttpServerConfig.of(root).withTimeouts(s, s, s, -1));
        assertEquals(0, HttpServerConfig.of(root).withTimeouts(s, s, s, 0).lingerNanos(), "no linger is allowed");
    }

    @Test
    void shouldRefuseARootThatIsNotThere() throws Exception {
        Stack stack = new Stack("server", StackConfig.DEFAULT, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpServer.start(stack.sockets(), HttpServerConfig.of(root.resolve("missing"))));

        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertEquals(0, stack.sockets().openCount(), "nothing left listening");
    }

    @Test
    void shouldRefuseARootThatIsAFile() throws Exception {
        Path notADirectory = file(root, "index.html", "x");
        Stack stack = new Stack("server", StackConfig.DEFAULT, 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpServer.start(stack.sockets(), HttpServerConfig.of(notADirectory)));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void shouldRefuseAPortThatIsTaken() throws Exception {
        Stack stack = new Stack("server", StackConfig.DEFAULT, 1);
        HttpServer.start(stack.sockets(), HttpServerConfig.of(root));

        assertThrows(AddressInUseException.class, () -> HttpServer.start(stack.sockets(), HttpServerConfig.of(root)));
    }

    @Test
    void shouldTellTheRootAsItsRealPath() throws Exception {
        Stack stack = new Stack("server", StackConfig.DEFAULT, 1);
        HttpServer server = HttpServer.start(stack.sockets(), HttpServerConfig.of(root.resolve(".")));

        assertEquals(root.toRealPath(), server.root());
    }
}
