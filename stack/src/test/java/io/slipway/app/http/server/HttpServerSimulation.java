package io.slipway.app.http.server;

import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.SocketException;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Simulation;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.SplittableRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * A web server and a client host on one SLIP line, in virtual time: the server is an
 * {@link HttpServer} on the stack of 10.0.0.2, serving a test's root directory; the client
 * opens {@link TestConnection}s from 10.0.0.1 and writes raw request bytes. The server's wall
 * clock is {@link #START} plus the virtual time, so Date moves with the simulation.
 */
final class HttpServerSimulation {
    static final long SECOND = 1_000_000_000L;
    static final long MILLISECOND = 1_000_000L;
    /** The calendar time at virtual time 0 (files the tests date are older than this). */
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    static final int SERVER_ADDRESS = Ipv4Address.parse("10.0.0.2");
    static final int PORT = HttpServerConfig.DEFAULT_PORT;
    /** A serial line's pace, for tests where timing on the wire matters. */
    static final Impairments SERIAL_LINE = Impairments.builder().baud(115_200).build();

    final ManualClock clock = new ManualClock();
    final LoopbackCable cable;
    final Stack client;
    final Stack server;
    final Simulation sim;
    final HttpServer http;
    final TestConnection.Pump pump;

    /** An unpaced line and the default configuration. */
    HttpServerSimulation(Path root) throws SocketException {
        this(root, Impairments.PERFECT, c -> c);
    }

    HttpServerSimulation(Path root, UnaryOperator<HttpServerConfig> tune) throws SocketException {
        this(root, Impairments.PERFECT, tune);
    }

    HttpServerSimulation(Path root, Impairments line, UnaryOperator<HttpServerConfig> tune) throws SocketException {
        this(root, line, StackConfig.DEFAULT, tune);
    }

    /** With the server's stack configured as {@code serverStack} (its TCP table, say). */
    HttpServerSimulation(Path root, Impairments line, StackConfig serverStack, UnaryOperator<HttpServerConfig> tune)
            throws SocketException {
        cable = LoopbackCable.builder(clock).name("http").framing(Framing.SLIP).mtu(1006).impairments(line).build();
        client = new Stack("client", StackConfig.DEFAULT, 1);
        server = new Stack("server", serverStack, 2);
        client.addInterface(cable.a(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.1/24", 24),
                SERVER_ADDRESS));
        server.addInterface(cable.b(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.2/24", 24),
                Ipv4Address.parse("10.0.0.1")));
        sim = new Simulation(clock).add(client).add(server);
        http = HttpServer.start(server.sockets(), tune.apply(HttpServerConfig.of(root).withWallClock(wallClock())));
        pump = new TestConnection.Pump();
        client.sockets().addService(pump);
    }

    /** The calendar time now, as the server sees it. */
    Instant now() {
        return START.plusNanos(clock.nanos());
    }

    /** A new connection to the server, established. */
    TestConnection connect() throws SocketException {
        return TestConnection.open(this);
    }

    /** A connection opened but not waited for: for many clients at once. */
    TestConnection connectLater() throws SocketException {
        return TestConnection.start(this);
    }

    /** Sends {@code request} on a new connection and returns every byte the server sends until it closes. */
    byte[] exchange(String request) throws SocketException {
        TestConnection c = connect();
        c.send(request);
        byte[] all = c.readUntilClosed(60 * SECOND);
        c.close();
        return all;
    }

    /** {@code GET path} with {@code Connection: close}, parsed. */
    RawResponse get(String path) throws SocketException {
        return RawResponse.parse(exchange("GET " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"),
                false);
    }

    /** When the files {@link #file} writes were last modified: a day before {@link #START}. */
    static final Instant FILE_TIME = START.minusSeconds(86_400);

    /** Writes {@code name} (a relative path, directories made as needed) under {@code root}, dated {@link #FILE_TIME}. */
    static Path file(Path root, String name, byte[] content) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        Files.setLastModifiedTime(p, FileTime.from(FILE_TIME));
        return p;
    }

    static Path file(Path root, String name, String content) throws IOException {
        return file(root, name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code n} bytes that are the same for the same seed. */
    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private Clock wallClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }
}
