package io.slipway.app.browser;

import static io.slipway.app.browser.BrowserNet.WAIT_SECONDS;

import io.slipway.socket.Addresses;
import io.slipway.socket.ListeningSocket;
import io.slipway.socket.SocketException;
import io.slipway.socket.Sockets;
import io.slipway.socket.StreamSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server that says exactly what the test tells it to: it accepts connections (each served
 * on a thread of its own), reads each request as bytes (the head up to its empty line, then a
 * body of the Content-Length it names), records it, and answers with the next {@link Step} of
 * its script, byte for byte, then keeps the connection open for the next request or closes it.
 * A request with no step left is recorded and its connection closed. So a test sees what the
 * browser sent, and the browser reads what a real server might send, malformed bytes included.
 */
final class ScriptedServer implements AutoCloseable {
    /** One answer: bytes to write (maybe none), then whether to close the connection. */
    record Step(byte[] reply, boolean close) {
    }

    /** A request as it arrived: the connection it came on (1 for the first accepted), its head as text, its body. */
    record Received(int connection, String head, byte[] body) {
        String requestLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }

        String method() {
            return requestLine().substring(0, requestLine().indexOf(' '));
        }

        String target() {
            String line = requestLine();
            return line.substring(line.indexOf(' ') + 1, line.lastIndexOf(' '));
        }

        /** The value of the first field named {@code name} (any case), or null. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    private static final int MAX_HEAD = 64 * 1024;

    private final ListeningSocket listening;
    private final int port;
    private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private volatile boolean closing;

    ScriptedServer(Sockets sockets, int port) throws SocketException {
        this.listening = sockets.openListening(Addresses.ANY, port, 8);
        this.port = port;
        spawn("scripted-server-" + port, this::acceptLoop);
    }

    int port() {
        return port;
    }

    /** Answers the next request with {@code response} (ISO-8859-1 text: "\r\n" is CRLF) and keeps the connection. */
    ScriptedServer reply(String response) {
        return reply(bytes(response));
    }

    ScriptedServer reply(byte[] response) {
        script.add(new Step(response, false));
        return this;
    }

    /** Answers the next request with {@code response}, then closes the connection. */
    ScriptedServer replyAndClose(String response) {
        script.add(new Step(bytes(response), true));
        return this;
    }

    /** Reads the next request and closes the connection without a byte of answer. */
    ScriptedServer closeWithoutReply() {
        script.add(new Step(new byte[0], true));
        return this;
    }

    /** Reads the next request and never answers it (the connection stays open until the browser closes it). */
    ScriptedServer silence() {
        script.add(new Step(new byte[0], false));
        return this;
    }

    /** The requests received so far, in order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    Received request(int index) {
        return received.get(index);
    }

    /** The connections accepted so far. */
    int connections() {
        return accepted.get();
    }

    /** Waits until every accepted connection has ended (the browser closed it, or the script did). */
    void awaitConnectionsEnded() {
        BrowserNet.waitFor(accepted.get() + " connections to end, " + ended.get() + " did",
                () -> ended.get() == accepted.get());
    }

    /** Steps of the script not used yet. */
    int unusedSteps() {
        return script.size();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code HTTP/1.1 200 OK} with a Content-Length body of {@code body} and the given extra field lines. */
    static String ok(String body, String... fields) {
        StringBuilder b = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (String f : fields) {
            b.append(f).append("\r\n");
        }
        return b.append("Content-Length: ").append(bytes(body).length).append("\r\n\r\n").append(body).toString();
    }

    // ---------------------------------------------------------------- the server's threads

    private void spawn(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        while (!closing) {
            StreamSocket s;
            try {
                s = listening.accept();
            } catch (SocketException e) {
                if (!closing) {
                    failures.add(e);
                }
                return;
            }
            int connection = accepted.incrementAndGet();
            spawn("scripted-connection-" + port + "-" + connection, () -> serve(connection, s));
        }
    }

    private void serve(int connection, StreamSocket s) {
        try (s) {
            s.setNoDelay(true);
            s.setReceiveTimeout(Duration.ofSeconds(WAIT_SECONDS));
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                Received r = readRequest(connection, in);
                if (r == null) {
                    return; // the browser closed the connection
                }
                received.add(r);
                Step step = script.poll();
                if (step == null) {
                    return;
                }
                out.write(step.reply());
                out.flush();
                if (step.close()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the browser gave up on the connection (reset, or closed while we wrote): it is over
        } finally {
            ended.incrementAndGet();
        }
    }

    /** A request, or null when the stream ends before its first byte. */
    private static Received readRequest(int connection, InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("request head cut short: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head too long");
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("request body cut short");
        }
        return new Received(connection, text, body);
    }

    /** Failures of the server itself (not of a connection the browser dropped). */
    List<Throwable> failures() {
        return new ArrayList<>(failures);
    }

    @Override
    public void close() throws Exception {
        closing = true;
        listening.close();
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join(5_000);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("the scripted server failed: " + failures, failures.get(0));
        }
    }
}
