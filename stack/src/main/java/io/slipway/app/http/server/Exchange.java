package io.slipway.app.http.server;

import io.slipway.app.http.ByteRange;
import io.slipway.app.http.HttpDate;
import io.slipway.app.http.HttpHeaders;
import io.slipway.app.http.HttpRequest;
import io.slipway.app.http.HttpResponseHead;
import io.slipway.app.http.HttpStatus;
import io.slipway.app.http.RequestParser;
import io.slipway.base.Counters;
import io.slipway.socket.Shutdown;
import io.slipway.socket.SocketException;
import io.slipway.socket.Sockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One connection of the {@link HttpServer}: reads request heads, answers each from the files,
 * and keeps the connection for the next request or closes it (RFC 9112 §9). Non-blocking, on the
 * stack thread: {@link #serve} moves what it can and returns.
 *
 * <p>Phases: READING a request head (pipelined requests wait in the input buffer, RFC 9112 §9.3.2);
 * WRITING the response head and then the body, read from the file a buffer at a time as the send
 * ring takes it; LINGERING after our FIN, reading and discarding until the client closes too, so
 * that unread input does not turn our close into a reset that would destroy the response at the
 * client (RFC 9112 §9.6, RFC 2525 §2.17). A request with a body is answered and the connection
 * closed: only GET and HEAD are served, and a body is not read.
 */
final class Exchange {
    private enum Phase { READING, WRITING, LINGERING }

    private static final int IN_BUFFER = 4096;
    private static final int OUT_BUFFER = 8192;
    private static final String SERVER = "slipway";

    private final HttpServerConfig config;
    private final StaticFiles files;
    private final Counters<HttpServerEvent> events;
    private final RequestParser parser;
    private final byte[] in = new byte[IN_BUFFER];
    private final byte[] out = new byte[OUT_BUFFER];
    private final ByteBuffer outView = ByteBuffer.wrap(out);
    private int inStart;
    private int inEnd;
    private byte[] head;
    private int headSent;
    private int outStart;
    private int outEnd;
    private FileChannel body;
    private long bodyPosition;
    private long bodyRemaining;
    private boolean closeAfter;
    /** An HTTP/1.0 client that asked to keep the connection: it must be told we do (RFC 9112 §C.2.2). */
    private boolean keepAliveAnswer;
    private boolean headStarted;
    private Phase phase = Phase.READING;
    private long deadline;
    private String logLine;

    Exchange(HttpServerConfig config, StaticFiles files, Counters<HttpServerEvent> events) {
        this.config = config;
        this.files = files;
        this.events = events;
        this.parser = new RequestParser(config.limits());
    }

    void open(long nowNanos) {
        release();
        parser.reset();
        inStart = 0;
        inEnd = 0;
        closeAfter = false;
        headStarted = false;
        phase = Phase.READING;
        deadline = nowNanos + config.idleTimeoutNanos();
        events.increment(HttpServerEvent.CONNECTIONS);
    }

    /** When this connection next times out. */
    long deadline() {
        return deadline;
    }

    /** Moves what it can; true when the connection is done and may be closed. */
    boolean serve(Sockets sockets, int fd, long nowNanos) throws SocketException {
        while (true) {
            switch (phase) {
                case READING -> {
                    if (inStart < inEnd) {
                        inStart += parser.feed(in, inStart, inEnd - inStart);
                        if (!headStarted) {
                            headStarted = true;
                            deadline = nowNanos + config.headTimeoutNanos();
                        }
                        if (parser.state() == RequestParser.State.HEAD_DONE) {
                            respond(parser.request(), nowNanos);
                            continue;
                        }
                        if (parser.state() == RequestParser.State.FAILED) {
                            closeAfter = true;
                            respondWithError(parser.failureStatus(), false, null, nowNanos);
                            continue;
                        }
                    }
                    inStart = 0;
                    inEnd = 0;
                    if (nowNanos >= deadline) {
                        if (!headStarted) {
                            return true; // kept alive and idle: close quietly
                        }
                        events.increment(HttpServerEvent.TIMEOUTS);
                        closeAfter = true;
                        respondWithError(HttpStatus.REQUEST_TIMEOUT, false, null, nowNanos);
                        continue;
                    }
                    int n = sockets.recv(fd, in, 0, in.length);
                    if (n == Sockets.WOULD_BLOCK) {
                        return false;
                    }
                    if (n == 0) {
                        return true; // the client closed; an unfinished request gets no answer
                    }
                    inEnd = n;
                }
                case WRITING -> {
                    if (!fillOutput()) {
                        closeAfter = true; // the file ended early: the promised length cannot be kept
                        return true;
                    }
                    if (headSent == head.length && outStart == outEnd && bodyRemaining == 0) {
                        finish(sockets, fd, nowNanos);
                        continue;
                    }
                    int n = headSent < head.length ? sockets.send(fd, head, headSent, head.length - headSent)
                            : sockets.send(fd, out, outStart, outEnd - outStart);
                    if (n == Sockets.WOULD_BLOCK) {
                        if (nowNanos >= deadline) {
                            events.increment(HttpServerEvent.TIMEOUTS);
                            return true; // the client stopped reading
                        }
                        return false;
                    }
                    if (headSent < head.length) {
                        headSent += n;
                    } else {
                        outStart += n;
                        events.add(HttpServerEvent.BODY_BYTES, n);
                    }
                    deadline = nowNanos + config.stallTimeoutNanos();
                }
                case LINGERING -> {
                    int n = sockets.recv(fd, in, 0, in.length);
                    if (n == 0 || nowNanos >= deadline) {
                        return true;
                    }
                    if (n == Sockets.WOULD_BLOCK) {
                        return false;
                    }
                }
                default -> throw new IllegalStateException(phase.toString());
            }
        }
    }

    /** The connection is closed: the file it was sending is let go. */
    void release() {
        if (body != null) {
            try {
                body.close();
            } catch (IOException e) {
                // nothing was written to it
            }
            body = null;
        }
        bodyRemaining = 0;
    }

    /** RFC 9110 §9.3.1–9.3.2 and §13–14: a GET or HEAD for a file, conditional or for a range. */
    private void respond(HttpRequest request, long nowNanos) {
        events.increment(HttpServerEvent.REQUESTS);
        String method = request.method();
        boolean isHead = method.equals("HEAD");
        logLine = method + " " + request.target();
        closeAfter = !request.keepAlive() || parser.contentLength() != 0;
        keepAliveAnswer = !closeAfter && request.versionMinor() == 0;
        if (!isHead && !method.equals("GET")) {
            respondWithError(HttpStatus.METHOD_NOT_ALLOWED, false, new String[] {"Allow", "GET, HEAD"}, nowNanos);
            return;
        }
        Resolution r = files.resolve(Target.parse(request.target()));
        if (r.status() == HttpStatus.MOVED_PERMANENTLY) {
            respondWithError(r.status(), isHead, new String[] {"Location", r.location()}, nowNanos);
            return;
        }
        if (!r.isFile()) {
            respondWithError(r.status(), isHead, null, nowNanos);
            return;
        }
        Instant date = config.wallClock().instant();
        HttpHeaders h = baseHeaders(date);
        // RFC 9110 §8.8.2.1: never later than the Date; a modification time in the future is the Date.
        Instant lastModified = r.lastModified().isAfter(date) ? date.truncatedTo(ChronoUnit.SECONDS) : r.lastModified();
        h.add("Last-Modified", HttpDate.format(lastModified));
        if (notModified(request.headers(), lastModified)) {
            startResponse(HttpStatus.NOT_MODIFIED, h, null, 0, 0, nowNanos); // RFC 9110 §13.1.2–13.1.3
            return;
        }
        String rangeField = isHead || !ifRangeHolds(request.headers(), lastModified, date) ? null
                : singleText(request.headers(), "Range");
        ByteRange range = ByteRange.parse(rangeField, r.size());
        if (range.kind() == ByteRange.Kind.UNSATISFIABLE) {
            respondWithError(HttpStatus.RANGE_NOT_SATISFIABLE, false,
                    new String[] {"Content-Range", range.contentRange(r.size())}, nowNanos);
            return;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(r.file(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            respondWithError(HttpStatus.NOT_FOUND, isHead, null, nowNanos); // removed since it was looked up
            return;
        } catch (IOException e) {
            respondWithError(HttpStatus.INTERNAL_SERVER_ERROR, isHead, null, nowNanos);
            return;
        }
        h.add("Content-Type", r.contentType());
        h.add("Accept-Ranges", "bytes");
        long first = 0;
        long length = r.size();
        int status = HttpStatus.OK;
        if (range.kind() == ByteRange.Kind.SATISFIABLE) {
            status = HttpStatus.PARTIAL_CONTENT; // RFC 9110 §15.3.7
            first = range.first();
            length = range.last() - range.first() + 1;
            h.add("Content-Range", range.contentRange(r.size()));
        }
        h.add("Content-Length", Long.toString(length));
        if (isHead) {
            closeQuietly(channel);
            startResponse(status, h, null, 0, 0, nowNanos);
        } else {
            startResponse(status, h, channel, first, length, nowNanos);
        }
    }

    /** A short text body saying what went wrong (none for HEAD), with {@code extra} as name, value. */
    private void respondWithError(int status, boolean isHead, String[] extra, long nowNanos) {
        if (logLine == null) {
            logLine = "-";
        }
        byte[] text = (status + " " + HttpStatus.reason(status) + "\n").getBytes(StandardCharsets.US_ASCII);
        HttpHeaders h = baseHeaders();
        if (extra != null) {
            h.add(extra[0], extra[1]);
        }
        boolean hasBody = status != HttpStatus.NOT_MODIFIED;
        if (hasBody) {
            h.add("Content-Type", "text/plain; charset=utf-8");
            h.add("Content-Length", Integer.toString(text.length));
        }
        startResponse(status, h, null, 0, 0, nowNanos);
        if (hasBody && !isHead) {
            System.arraycopy(text, 0, out, 0, text.length);
            outEnd = text.length;
        }
    }

    private HttpHeaders baseHeaders() {
        return baseHeaders(config.wallClock().instant());
    }

    private HttpHeaders baseHeaders(Instant date) {
        HttpHeaders h = new HttpHeaders();
        h.add("Date", HttpDate.format(date));
        h.add("Server", SERVER);
        return h;
    }

    private void startResponse(int status, HttpHeaders h, FileChannel file, long first, long length, long nowNanos) {
        if (closeAfter) {
            h.add("Connection", "close");
        } else if (keepAliveAnswer) {
            h.add("Connection", "keep-alive"); // else a 1.0 client takes the close as the end of the body
        }
        keepAliveAnswer = false;
        head = new HttpResponseHead(status, h).encode();
        headSent = 0;
        outStart = 0;
        outEnd = 0;
        body = file;
        bodyPosition = first;
        bodyRemaining = file == null ? 0 : length;
        phase = Phase.WRITING;
        deadline = nowNanos + config.stallTimeoutNanos();
        count(status);
        if (config.accessLog() != null) {
            config.accessLog().accept(logLine + " " + status + " " + (file == null ? 0 : length));
        }
        logLine = null;
    }

    /** Refills the output buffer from the file when it is empty; false when the file ended early. */
    private boolean fillOutput() {
        if (outStart < outEnd || bodyRemaining == 0 || body == null) {
            return true;
        }
        outView.clear().limit((int) Math.min(out.length, bodyRemaining));
        int n;
        try {
            n = body.read(outView, bodyPosition);
        } catch (IOException e) {
            n = -1;
        }
        if (n <= 0) {
            release();
            return false;
        }
        outStart = 0;
        outEnd = n;
        bodyPosition += n;
        bodyRemaining -= n;
        return true;
    }

    private void finish(Sockets sockets, int fd, long nowNanos) throws SocketException {
        release();
        if (closeAfter) {
            sockets.shutdown(fd, Shutdown.WRITE);
            phase = Phase.LINGERING;
            deadline = nowNanos + config.lingerNanos();
            return;
        }
        parser.reset(); // RFC 9112 §9.3: the next request on the same connection
        headStarted = false;
        phase = Phase.READING;
        deadline = nowNanos + config.idleTimeoutNanos();
    }

    private void count(int status) {
        events.increment(status >= 500 ? HttpServerEvent.RESPONSES_5XX : status >= 400 ? HttpServerEvent.RESPONSES_4XX
                : status >= 300 ? HttpServerEvent.RESPONSES_3XX : HttpServerEvent.RESPONSES_2XX);
    }

    /**
     * RFC 9110 §13.2.2 steps 3–4 for GET and HEAD. If-None-Match, when present, decides alone
     * (§13.1.3: If-Modified-Since is then ignored); no entity-tag is ever sent, so only "*"
     * (any current representation) matches. Else If-Modified-Since: not modified when the file
     * is no newer than the date.
     */
    private static boolean notModified(HttpHeaders headers, Instant lastModified) {
        List<String> noneMatch = headers.getAll("If-None-Match");
        if (!noneMatch.isEmpty()) {
            for (String value : noneMatch) {
                for (String member : value.split(",", -1)) {
                    if (member.strip().equals("*")) {
                        return true;
                    }
                }
            }
            return false;
        }
        Instant since = single(headers, "If-Modified-Since");
        return since != null && !lastModified.isAfter(since);
    }

    /**
     * RFC 9110 §13.1.5: whether a Range may be served. Without If-Range, yes; with an entity-tag,
     * no (none is ever sent, so none matches); with a date, only when it is exactly the
     * Last-Modified and that is a strong validator (§8.8.2.2): its second ended before this
     * response's Date, so the file cannot have changed twice within it.
     */
    private static boolean ifRangeHolds(HttpHeaders headers, Instant lastModified, Instant date) {
        List<String> values = headers.getAll("If-Range");
        if (values.isEmpty()) {
            return true;
        }
        if (values.size() != 1) {
            return false;
        }
        Instant validator = HttpDate.parse(values.get(0));
        return validator != null && validator.equals(lastModified) && !lastModified.plusSeconds(1).isAfter(date);
    }

    /** RFC 9110 §13.1.3: If-Modified-Since counts only as one valid date. */
    private static Instant single(HttpHeaders headers, String name) {
        String text = singleText(headers, name);
        return text == null ? null : HttpDate.parse(text);
    }

    private static String singleText(HttpHeaders headers, String name) {
        List<String> values = headers.getAll(name);
        return values.size() == 1 ? values.get(0) : null;
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // read-only
        }
    }
}
