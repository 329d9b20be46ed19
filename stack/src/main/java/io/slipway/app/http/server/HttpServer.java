package io.slipway.app.http.server;

import io.slipway.app.inet.StreamService;
import io.slipway.base.Clock;
import io.slipway.base.Counters;
import io.slipway.socket.SocketException;
import io.slipway.socket.Sockets;
import java.nio.file.Path;

/**
 * A static-file web server on the stack thread: GET and HEAD for the files under a root, with
 * Content-Length, Date and Last-Modified, If-Modified-Since (304), single byte ranges (206, and
 * If-Range, so a download over a slow line can be resumed without splicing two versions of a
 * file), keep-alive with an idle timeout, and many clients at once, each on a connection slot of
 * its own ({@link Exchange}); clients beyond {@link HttpServerConfig#maxConnections} wait in the
 * listen queue.
 *
 * <p>Disk reads happen on the stack thread, a buffer (8 KiB) at a time: on the small files and
 * slow links slipway is for this is far below a serial line's byte time, and it keeps the server
 * runnable in a simulation's virtual time.
 */
public final class HttpServer extends StreamService {
    private final HttpServerConfig config;
    private final StaticFiles files;
    private final Counters<HttpServerEvent> events = new Counters<>(HttpServerEvent.class);
    private final Exchange[] exchanges;
    private final boolean[] open;

    private HttpServer(Sockets sockets, HttpServerConfig config, StaticFiles files) throws SocketException {
        super(sockets, "http/tcp", config.address(), config.port(), config.maxConnections(), config.backlog());
        this.config = config;
        this.files = files;
        this.exchanges = new Exchange[config.maxConnections()];
        this.open = new boolean[config.maxConnections()];
        for (int i = 0; i < exchanges.length; i++) {
            exchanges[i] = new Exchange(config, files, events);
        }
    }

    /**
     * Starts serving {@code config.root()} on the stack of {@code sockets}.
     *
     * @throws IllegalArgumentException when the root is not a readable directory
     * @throws SocketException when the port is taken
     */
    public static HttpServer start(Sockets sockets, HttpServerConfig config) throws SocketException {
        HttpServer server = new HttpServer(sockets, config, new StaticFiles(config.root()));
        sockets.addService(server);
        return server;
    }

    @Override
    protected void opened(int slot, long nowNanos) {
        exchanges[slot].open(nowNanos);
        open[slot] = true;
    }

    @Override
    protected boolean serve(int slot, int fd, long nowNanos) throws SocketException {
        try {
            return exchanges[slot].serve(sockets, fd, nowNanos);
        } catch (RuntimeException e) {
            // A fault serving one client (a bug, or something of the file system's) costs that
            // client its connection, not every client the service: a thrown service is removed.
            events.increment(HttpServerEvent.INTERNAL_ERRORS);
            if (config.accessLog() != null) {
                try {
                    config.accessLog().accept("- internal error, connection dropped: " + e);
                } catch (RuntimeException again) {
                    // the log itself is what fails: the count above is all that can be kept
                }
            }
            return true;
        }
    }

    @Override
    protected void closed(int slot) {
        exchanges[slot].release();
        open[slot] = false;
    }

    @Override
    public long nextDeadline() {
        long next = Clock.NEVER;
        for (int i = 0; i < exchanges.length; i++) {
            if (open[i]) {
                next = Math.min(next, exchanges[i].deadline());
            }
        }
        return next;
    }

    public Counters<HttpServerEvent> events() {
        return events;
    }

    /** The directory served, as its real path. */
    public Path root() {
        return files.root();
    }

    public HttpServerConfig config() {
        return config;
    }
}
