package io.slipway.app.browser;

import io.slipway.app.http.HttpHeaders;
import io.slipway.app.http.HttpRequest;
import io.slipway.app.http.HttpResponse;
import io.slipway.app.http.HttpStatus;
import io.slipway.app.http.MimeTypes;
import io.slipway.app.url.Url;
import io.slipway.app.url.UrlException;
import io.slipway.socket.Addresses;
import io.slipway.socket.InetEndpoint;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import io.slipway.socket.StreamSocket;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.resolver.LookupResult;
import io.slipway.socket.resolver.Resolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * An HTTP/1.1 client (RFC 9110, RFC 9112) with a browser's habits: it decodes the URL, looks the
 * host up, connects, writes the request message (request line, Host, User-Agent, Accept,
 * Connection, and a body for POST), reads the response (status line, fields, a body framed by
 * Content-Length, chunked or the end of the connection), follows redirects (at most
 * {@link BrowserConfig#maxRedirects}, loops caught), keeps the connection for the next request to
 * the same server, and for a page fetches the images it shows ({@link #browse}). {@code file:}
 * URLs read local files; https, ftp, mailto and news fail with a clear message.
 *
 * <p>One browser is used by one thread at a time; it holds at most one kept-alive connection.
 */
public final class Browser implements AutoCloseable {
    private static final int COPY_BUFFER = 8192;
    /** A page is kept in memory to find its images only up to this size. */
    private static final int MAX_SCANNED_PAGE = 4 << 20;

    private final Sockets sockets;
    private final Resolver resolver;
    private final BrowserConfig config;
    private final BrowserListener listener;
    private Connection kept;

    /** {@code resolver} may be null: then only URLs with literal addresses can be fetched. */
    public Browser(Sockets sockets, Resolver resolver, BrowserConfig config, BrowserListener listener) {
        this.sockets = sockets;
        this.resolver = resolver;
        this.config = config;
        this.listener = listener == null ? BrowserListener.NONE : listener;
    }

    /** GET {@code url}, its body into {@code sink}. */
    public Fetch get(Url url, OutputStream sink) throws IOException {
        return fetch(Request.get(url), sink);
    }

    /**
     * Fetches what {@code request} asks for, following redirects; the final response's body goes
     * to {@code sink}. A 4xx or 5xx is returned, not thrown: the caller reports it.
     *
     * @throws BrowserException when it cannot be fetched at all (no such host, refused, a redirect
     *     loop, a malformed response, a scheme slipway does not speak)
     */
    public Fetch fetch(Request request, OutputStream sink) throws IOException {
        long start = System.nanoTime();
        List<Url> redirectedFrom = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Request current = request;
        while (true) {
            Url url = current.url();
            listener.onUrl(url);
            if (url.scheme().equals("file")) {
                return readFile(url, current.method().equals("HEAD"), sink, redirectedFrom, start);
            }
            checkFetchable(url);
            seen.add(key(current));
            Exchange exchange = exchange(current);
            HttpResponse response = exchange.response;
            String location = response.headers().get("Location");
            if (isRedirect(response.status()) && location != null) {
                drain(exchange, url);
                Url next = redirectTarget(url, location);
                Request following = redirected(current, next, response.status());
                if (!next.scheme().equals("http") && !next.scheme().equals("https")) {
                    // WHATWG Fetch, HTTP-redirect fetch: a server sends the browser to HTTP(S) only, never
                    // to this machine's files (file:) nor to another protocol.
                    throw new BrowserException(url + ": redirect to " + next + " refused: a redirect may lead only "
                            + "to an http or https URL");
                }
                if (seen.contains(key(following))) {
                    throw new BrowserException("redirect loop: " + chain(redirectedFrom, url) + " -> " + next);
                }
                if (redirectedFrom.size() >= config.maxRedirects()) {
                    throw new BrowserException("too many redirects (more than " + config.maxRedirects() + "): "
                            + chain(redirectedFrom, url) + " -> " + next);
                }
                listener.onRedirect(url, next, response.status());
                redirectedFrom.add(url);
                current = following;
                continue;
            }
            long bytes = copyBody(exchange, url, sink);
            return new Fetch(url, response.status(), response.reason(), response.headers(), bytes, redirectedFrom,
                    System.nanoTime() - start);
        }
    }

    /**
     * A page and its images, as a browser lays a page out: the page's body goes to
     * {@code pageSink}; when it is HTML, each {@code <img src>} is resolved against the page's URL
     * and fetched with a request of its own (over the same kept-alive connection when the server
     * is the same), its body going to the stream {@code imageSink} gives for its URL.
     */
    public Page browse(Url url, OutputStream pageSink, Function<Url, OutputStream> imageSink) throws IOException {
        Tee tee = new Tee(pageSink, MAX_SCANNED_PAGE);
        Fetch page = get(url, tee);
        if (!page.isSuccess() || !page.isHtml() || tee.overflowed()) {
            return new Page(page, List.of(), List.of());
        }
        List<Fetch> images = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        for (String src : ImageLinks.find(new String(tee.bytes(), charsetOf(page)))) {
            Url image;
            try {
                image = page.url().resolve(src);
            } catch (UrlException e) {
                problems.add("image '" + src + "': " + e.getMessage());
                continue;
            }
            if (!asked.add(key(Request.get(image)))) {
                continue; // the same image written another way (./a.png, /dir/a.png, a.png#top): asked once
            }
            if (image.scheme().equals("file") && !page.url().scheme().equals("file")) {
                // WHATWG Fetch: a page from the network does not get to read this machine's files.
                problems.add(image + ": a page from " + page.url().scheme() + ": may not show a local file");
                continue;
            }
            try (OutputStream sink = imageSink.apply(image)) {
                Fetch f = get(image, sink);
                images.add(f);
                if (!f.isSuccess()) {
                    problems.add(image + ": " + f.status() + " " + f.reason());
                }
            } catch (BrowserException e) {
                String why = e.getMessage();
                problems.add(why.startsWith(image + ": ") ? why : image + ": " + why);
            }
        }
        return new Page(page, images, problems);
    }

    /** Closes the kept-alive connection, if any. */
    @Override
    public void close() {
        if (kept != null) {
            closeConnection(kept);
            kept = null;
        }
    }

    // ---------------------------------------------------------------- one request and response

    /** A request written and its response head read, on a connection now busy with the body. */
    private record Exchange(Connection connection, HttpResponse response) {
    }

    private Exchange exchange(Request request) throws IOException {
        Url url = request.url();
        InetEndpoint remote = new InetEndpoint(resolveFor(url), url.port());
        byte[] message = message(request);
        Connection c = kept;
        kept = null;
        if (c != null && (!c.remote.equals(remote) || !c.isIdle(sockets))) {
            // Another server's, or closed under us while idle: nothing of this request was sent
            // on it, so even a POST may go on a new connection (RFC 9112 §9.3.1).
            closeConnection(c);
            c = null;
        }
        if (c != null) {
            listener.onReused(c.descriptor(), remote);
            try {
                return send(c, message, request.method());
            } catch (IOException e) {
                closeConnection(c);
                if (!Connection.isStale(e) || !request.isIdempotent()) {
                    throw failure(url, e);
                }
                // RFC 9112 §9.3.1: the server may close an idle connection at any time; ask again on a new one
            }
        }
        c = openFor(url, remote);
        try {
            return send(c, message, request.method());
        } catch (IOException e) {
            closeConnection(c);
            throw failure(url, e);
        }
    }

    private Exchange send(Connection c, byte[] message, String method) throws IOException {
        // Told before the write: the answer may arrive before write() returns.
        listener.onRequest(c.descriptor(), message);
        c.out.write(message);
        c.out.flush();
        HttpResponse response = c.reader.readHead(method);
        c.requests++;
        listener.onResponse(c.descriptor(), response);
        return new Exchange(c, response);
    }

    /** RFC 9110 §7.2 (Host), §10.1.5 (User-Agent), §12.5.1 (Accept); RFC 9112 §9.6 (Connection). */
    private byte[] message(Request request) {
        Url url = request.url();
        HttpHeaders h = new HttpHeaders();
        h.add("Host", url.hostHeader());
        h.add("User-Agent", config.userAgent());
        h.add("Accept", "*/*");
        h.add("Connection", config.keepAlive() ? "keep-alive" : "close");
        if (request.body() != null) {
            h.add("Content-Type", request.contentType());
            h.add("Content-Length", Integer.toString(request.body().length));
        }
        byte[] head = new HttpRequest(request.method(), url.requestTarget(), h).encodeHead();
        if (request.body() == null) {
            return head;
        }
        byte[] all = new byte[head.length + request.body().length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(request.body(), 0, all, head.length, request.body().length);
        return all;
    }

    private long copyBody(Exchange exchange, Url url, OutputStream sink) throws IOException {
        HttpResponse response = exchange.response;
        long start = System.nanoTime();
        long total = 0;
        byte[] buffer = new byte[COPY_BUFFER];
        try (InputStream body = response.body()) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                sink.write(buffer, 0, n);
                total += n;
                listener.onBodyProgress(url, total, response.contentLength());
            }
        } catch (IOException e) {
            closeConnection(exchange.connection);
            throw failure(url, e);
        }
        sink.flush();
        listener.onBodyDone(url, total, System.nanoTime() - start);
        keepOrClose(exchange);
        return total;
    }

    /** Reads a redirect's body to its end (so the connection can carry the next request) and drops it. */
    private void drain(Exchange exchange, Url url) throws IOException {
        try (InputStream body = exchange.response.body()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            closeConnection(exchange.connection);
            throw failure(url, e);
        }
        keepOrClose(exchange);
    }

    private void keepOrClose(Exchange exchange) {
        if (config.keepAlive() && exchange.response.keepAlive()) {
            kept = exchange.connection;
        } else {
            closeConnection(exchange.connection);
        }
    }

    // ---------------------------------------------------------------- names, sockets, schemes

    /** The server's address, or a failure that names the URL it was for. */
    private int resolveFor(Url url) throws IOException {
        try {
            return resolve(url.host());
        } catch (BrowserException e) {
            throw new BrowserException(url + ": " + e.getMessage(), e);
        }
    }

    /** A connection to the server, or a failure that names the URL it was for. */
    private Connection openFor(Url url, InetEndpoint remote) throws IOException {
        try {
            return open(remote);
        } catch (BrowserException e) {
            throw new BrowserException(url + ": " + e.getMessage(), e);
        }
    }

    private int resolve(String host) throws IOException {
        if (Addresses.isLiteral(host)) {
            return Addresses.parse(host);
        }
        if (resolver == null) {
            throw new BrowserException("cannot resolve '" + host + "': no DNS server to ask (give one with --dns)");
        }
        listener.onLookup(host);
        LookupResult result;
        try {
            result = resolver.lookup(Resolver.name(host), DnsType.A);
        } catch (IOException e) {
            throw new BrowserException(e.getMessage(), e);
        }
        List<Integer> addresses = result.addresses();
        if (addresses.isEmpty()) {
            throw new BrowserException("cannot resolve '" + host + "': it has no IPv4 address");
        }
        listener.onResolved(host, addresses.get(0), result);
        return addresses.get(0);
    }

    private Connection open(InetEndpoint remote) throws IOException {
        int fd = sockets.socket(SocketType.STREAM);
        listener.onSocket(fd);
        try {
            sockets.connect(fd, remote.address(), remote.port());
        } catch (SocketException e) {
            sockets.close(fd);
            listener.onClosed(fd);
            throw new BrowserException(e.getMessage(), e);
        }
        StreamSocket socket = sockets.stream(fd);
        socket.setReceiveTimeout(config.readTimeout());
        listener.onConnected(fd, socket.localAddress(), remote);
        return new Connection(socket, remote, config.limits());
    }

    private void closeConnection(Connection c) {
        int fd = c.descriptor();
        c.close();
        listener.onClosed(fd);
    }

    private static void checkFetchable(Url url) throws BrowserException {
        switch (url.scheme()) {
            case "http" -> {
            }
            case "https" -> throw new BrowserException(url + ": https is not supported yet (slipway has no TLS)");
            case "ftp" -> throw new BrowserException(url + ": ftp is not supported yet");
            case "mailto" -> throw new BrowserException(url + ": a mailto: URL names a mailbox to write to, not a "
                    + "document to fetch");
            case "news" -> throw new BrowserException(url + ": news (NNTP) is not supported");
            default -> throw new BrowserException(url + ": the " + url.scheme() + " scheme is not supported");
        }
    }

    private static boolean isRedirect(int status) {
        return status == HttpStatus.MOVED_PERMANENTLY || status == HttpStatus.FOUND || status == HttpStatus.SEE_OTHER
                || status == HttpStatus.TEMPORARY_REDIRECT || status == HttpStatus.PERMANENT_REDIRECT;
    }

    private static Url redirectTarget(Url from, String location) throws BrowserException {
        try {
            return from.resolve(location); // RFC 9110 §10.2.2: a URI reference, relative to the request's
        } catch (UrlException e) {
            throw new BrowserException(from + ": bad redirect Location '" + location + "': " + e.getMessage(), e);
        }
    }

    /**
     * RFC 9110 §15.4: 303 means GET the other resource; 301 and 302 turn a POST into a GET, as
     * every browser does (§15.4.2 notes it); 307 and 308 repeat the request as it was.
     */
    private static Request redirected(Request request, Url next, int status) {
        boolean toGet = status == HttpStatus.SEE_OTHER && !request.method().equals("HEAD")
                || (status == HttpStatus.MOVED_PERMANENTLY || status == HttpStatus.FOUND)
                        && request.method().equals("POST");
        return toGet ? Request.get(next) : request.to(next);
    }

    /**
     * What makes two requests the same, fragments aside: the method and the URL. A POST
     * redirected (303) to a GET of its own URL (Post/Redirect/Get) is no loop.
     */
    private static String key(Request request) {
        Url url = request.url();
        return request.method() + " " + url.scheme() + "://" + url.hostHeader() + url.requestTarget();
    }

    private static String chain(List<Url> from, Url last) {
        StringBuilder s = new StringBuilder();
        for (Url u : from) {
            s.append(u).append(" -> ");
        }
        return s.append(last).toString();
    }

    private static BrowserException failure(Url url, IOException e) {
        if (e instanceof BrowserException b) {
            return b;
        }
        return new BrowserException(url + ": " + e.getMessage(), e);
    }

    private static Charset charsetOf(Fetch page) {
        String type = page.contentType().toLowerCase(Locale.ROOT);
        int at = type.indexOf("charset=");
        if (at >= 0) {
            String name = type.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                // an unknown charset: read it as UTF-8, which the image names almost always are
            }
        }
        return StandardCharsets.UTF_8;
    }

    // ---------------------------------------------------------------- file: URLs

    /** RFC 8089: a file on this machine; another host's files cannot be reached from here. */
    private Fetch readFile(Url url, boolean headOnly, OutputStream sink, List<Url> redirectedFrom, long start)
            throws IOException {
        String host = url.host();
        if (host != null && !host.isEmpty() && !host.equals("localhost")) {
            throw new BrowserException(url + ": files on other hosts (" + host + ") cannot be read");
        }
        Path file = Path.of(url.path());
        if (Files.isDirectory(file)) {
            throw new BrowserException(url + ": " + file + " is a directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new BrowserException(url + ": no such file " + file);
        }
        long total = 0;
        long size = Files.size(file);
        if (!headOnly) { // HEAD: the fields a GET would give, no content (RFC 9110 §9.3.2)
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[COPY_BUFFER];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    sink.write(buffer, 0, n);
                    total += n;
                    listener.onBodyProgress(url, total, size);
                }
            }
            sink.flush();
            size = total;
        }
        HttpHeaders h = new HttpHeaders();
        h.add("Content-Type", MimeTypes.forFileName(file.getFileName().toString()));
        h.add("Content-Length", Long.toString(size));
        listener.onBodyDone(url, total, System.nanoTime() - start);
        return new Fetch(url, HttpStatus.OK, HttpStatus.reason(HttpStatus.OK), h, total, redirectedFrom,
                System.nanoTime() - start);
    }

    /** Passes bytes on and keeps a copy, up to a limit, to look for images in. */
    private static final class Tee extends OutputStream {
        private final OutputStream sink;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final int limit;
        private boolean overflowed;

        Tee(OutputStream sink, int limit) {
            this.sink = sink;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sink.write(b, off, len);
            if (copy.size() + len > limit) {
                overflowed = true;
            } else if (!overflowed) {
                copy.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            sink.flush();
        }

        boolean overflowed() {
            return overflowed;
        }

        byte[] bytes() {
            return copy.toByteArray();
        }
    }
}
