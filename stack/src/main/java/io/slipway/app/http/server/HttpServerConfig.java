package io.slipway.app.http.server;

import io.slipway.app.http.HttpLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How an {@link HttpServer} serves.
 *
 * @param root the directory whose files are served
 * @param address the local address to listen on, 0 for any
 * @param port the TCP port (80 by default)
 * @param maxConnections connections served at once; more wait in the listen queue
 * @param backlog the listen queue (RFC 9293 §3.10.1: completed and half-open connections)
 * @param idleTimeoutNanos how long a kept-alive connection may wait for its next request
 * @param headTimeoutNanos how long a client may take to send a whole request head once it began
 *     (a slow client holds a connection slot: 408 after that)
 * @param stallTimeoutNanos how long a response may make no progress (a client that stopped reading)
 * @param lingerNanos after our side closed, how long we read and discard what the client still
 *     sends before closing, so that a reset does not destroy the response at the client (RFC 9112 §9.6)
 * @param limits sizes of request lines, header sections and bodies
 * @param wallClock the calendar time for Date and for comparing If-Modified-Since
 * @param accessLog one line per response ("GET /index.html 200 1234"), or null
 */
public record HttpServerConfig(Path root, int address, int port, int maxConnections, int backlog,
        long idleTimeoutNanos, long headTimeoutNanos, long stallTimeoutNanos, long lingerNanos, HttpLimits limits,
        Clock wallClock, Consumer<String> accessLog) {
    public static final int DEFAULT_PORT = 80;
    private static final long S = 1_000_000_000L;

    public HttpServerConfig {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(wallClock, "wallClock");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("HTTP port must be 1..65535, was " + port);
        }
        if (maxConnections < 1 || backlog < 1) {
            throw new IllegalArgumentException("need at least one connection and a backlog of one");
        }
        if (idleTimeoutNanos <= 0 || headTimeoutNanos <= 0 || stallTimeoutNanos <= 0 || lingerNanos < 0) {
            throw new IllegalArgumentException("HTTP timeouts must be positive (linger may be 0): idle "
                    + idleTimeoutNanos + ", head " + headTimeoutNanos + ", stall " + stallTimeoutNanos + ", linger "
                    + lingerNanos + " ns");
        }
    }

    /** Serves {@code root} on port 80 of every address, with the defaults. */
    public static HttpServerConfig of(Path root) {
        HttpLimits d = HttpLimits.DEFAULT;
        // Only GET and HEAD are served: a body is never read, only framed and discarded.
        HttpLimits limits = new HttpLimits(d.maxRequestLineBytes(), d.maxHeaderSectionBytes(), d.maxHeaderFields(),
                1 << 20, d.maxChunkLineBytes());
        return new HttpServerConfig(root, 0, DEFAULT_PORT, 32, 16, 15 * S, 20 * S, 60 * S, 2 * S, limits,
                Clock.systemUTC(), null);
    }

    public HttpServerConfig withPort(int newPort) {
        return new HttpServerConfig(root, address, newPort, maxConnections, backlog, idleTimeoutNanos, headTimeoutNanos,
                stallTimeoutNanos, lingerNanos, limits, wallClock, accessLog);
    }

    public HttpServerConfig withWallClock(Clock clock) {
        return new HttpServerConfig(root, address, port, maxConnections, backlog, idleTimeoutNanos, headTimeoutNanos,
                stallTimeoutNanos, lingerNanos, limits, clock, accessLog);
    }

    public HttpServerConfig withAccessLog(Consumer<String> log) {
        return new HttpServerConfig(root, address, port, maxConnections, backlog, idleTimeoutNanos, headTimeoutNanos,
                stallTimeoutNanos, lingerNanos, limits, wallClock, log);
    }

    public HttpServerConfig withConnections(int max, int newBacklog) {
        return new HttpServerConfig(root, address, port, max, newBacklog, idleTimeoutNanos, headTimeoutNanos,
                stallTimeoutNanos, lingerNanos, limits, wallClock, accessLog);
    }

    public HttpServerConfig withTimeouts(long idleNanos, long headNanos, long stallNanos, long newLingerNanos) {
        return new HttpServerConfig(root, address, port, maxConnections, backlog, idleNanos, headNanos, stallNanos,
                newLingerNanos, limits, wallClock, accessLog);
    }

    public HttpServerConfig withLimits(HttpLimits newLimits) {
        return new HttpServerConfig(root, address, port, maxConnections, backlog, idleTimeoutNanos, headTimeoutNanos,
                stallTimeoutNanos, lingerNanos, newLimits, wallClock, accessLog);
    }
}
