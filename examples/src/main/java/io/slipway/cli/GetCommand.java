package io.slipway.cli;

import io.slipway.app.browser.Browser;
import io.slipway.app.browser.BrowserConfig;
import io.slipway.app.browser.BrowserException;
import io.slipway.app.browser.BrowserListener;
import io.slipway.app.browser.Fetch;
import io.slipway.app.browser.Page;
import io.slipway.app.browser.Request;
import io.slipway.app.url.Url;
import io.slipway.socket.Addresses;
import io.slipway.socket.resolver.Resolver;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway get URL}: a browser on the command line. Fetches the URL over the serial link
 * (http; file: URLs are read here and need no link), follows redirects, writes the body to
 * standard output or {@code -o FILE}, and with {@code --images} fetches the images an HTML page
 * shows, as a browser would. A progress bar on standard error for bodies over 64 kB. Exit status
 * 0 for a 2xx answer, 1 for a 4xx/5xx answer or a fetch that failed, 2 for a bad command line.
 */
@Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = "slipway get [--serial PATH --ip A.B.C.D[/N] [--dns SERVER] [OPTIONS]] URL",
        description = {
            "Fetches URL (http:, or file: for a local file) as a browser would: the body to standard output "
                    + "or -o FILE, redirects followed, a progress bar for large bodies.",
            "",
            "Exit status: 0 for a 2xx answer, 1 for a 4xx or 5xx answer or a failed fetch, 2 for a bad command line."
        },
        footer = {
            "",
            "Example, with 'slipway serve --ip 10.0.0.2/24 --http-root site --dns-zone example.test.zone' at the other end:",
            "  slipway get --serial /dev/ttyUSB0 --ip 10.0.0.1/24 --dns 10.0.0.2 --images -o page.html http://www.example.test/"
        })
final class GetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Slipway parent;

    @Parameters(index = "0", paramLabel = "URL", description = "What to fetch, e.g. http://www.example.test/ or file:///etc/hostname.")
    String url;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 20,
            description = "Write the body to FILE (images too go to FILE's directory, with --images).")
    Path output;

    @Option(names = "--images", order = 21,
            description = "For an HTML page, also fetch every <img src> it shows, each with its own request.")
    boolean images;

    @Option(names = {"-I", "--head"}, order = 22,
            description = "Ask with HEAD and print the status line and header fields instead of a body.")
    boolean head;

    @Option(names = "--max-redirects", paramLabel = "N", defaultValue = "5", order = 23,
            description = "Redirects to follow at most (default ${DEFAULT-VALUE}).")
    int maxRedirects;

    @Option(names = "--no-progress", order = 24, description = "No progress bar on standard error.")
    boolean noProgress;

    @ArgGroup(exclusive = false, multiplicity = "0..1", heading = "Link (not needed for file: URLs):%n")
    LinkOptions link;

    @Mixin
    ResolverOptions dns;

    @Override
    public Integer call() throws Exception {
        Url target = Url.parse(url);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("--max-redirects must be 0 or more, was " + maxRedirects);
        }
        if (images && head) {
            throw new IllegalArgumentException("--images and --head do not go together");
        }
        PrintWriter err = spec.commandLine().getErr();
        BrowserConfig config = BrowserConfig.DEFAULT.withMaxRedirects(maxRedirects);
        if (!target.scheme().equals("http")) {
            // file: is read here; https, ftp, mailto, news get the browser's "not supported" at once, with no link
            try (Browser browser = new Browser(null, null, config, progress(err))) {
                return fetch(browser, target, err);
            }
        }
        if (link == null) {
            throw new IllegalArgumentException("get " + target.scheme() + ": URLs need a link: --serial PATH --ip A.B.C.D/N");
        }
        LinkSettings linkSettings = link.settings();
        boolean needsDns = target.host() != null && !Addresses.isLiteral(target.host());
        var resolverConfig = needsDns
                ? dns.configFor(linkSettings, "cannot resolve '" + target.host() + "': give a DNS server with --dns A.B.C.D")
                : dns.config();
        try (HostStack host = HostStack.open("get", List.of(linkSettings), false);
                Browser browser = new Browser(host.stack().sockets(), new Resolver(host.stack().sockets(), resolverConfig),
                        config, progress(err))) {
            return fetch(browser, target, err);
        }
    }

    private int fetch(Browser browser, Url target, PrintWriter err) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (OutputStream sink = output == null ? nonClosing(parent.rawOut()) : Files.newOutputStream(output)) {
            if (head) {
                Fetch f = browser.fetch(Request.head(target), OutputStream.nullOutputStream());
                out.println("HTTP/1.1 " + f.status() + " " + f.reason());
                for (String name : f.headers().names()) {
                    for (String value : f.headers().getAll(name)) {
                        out.println(name + ": " + value);
                    }
                }
                out.flush();
                return report(f, err);
            }
            if (!images) {
                return report(browser.get(target, sink), err);
            }
            Page page = browser.browse(target, sink, imageSink());
            int status = report(page.page(), err);
            for (Fetch image : page.images()) {
                say(err, "  image %s: %d %s, %s", image.url(), image.status(), image.reason(),
                        ProgressBar.size(image.bodyBytes()));
            }
            for (String problem : page.problems()) {
                say(err, "  image problem: %s", problem);
            }
            return status == Slipway.EXIT_OK && page.isComplete() ? Slipway.EXIT_OK : Slipway.EXIT_FAILED;
        } catch (BrowserException e) {
            err.println("slipway: get: " + e.getMessage());
            err.flush();
            return Slipway.EXIT_FAILED;
        }
    }

    private int report(Fetch f, PrintWriter err) {
        double seconds = f.nanos() / 1e9;
        String via = f.redirectedFrom().isEmpty() ? "" : " (after " + f.redirectedFrom().size() + " redirect"
                + (f.redirectedFrom().size() == 1 ? "" : "s") + ")";
        if (!f.isSuccess()) {
            say(err, "slipway: get: %s: %d %s%s", f.url(), f.status(), f.reason(), via);
            return Slipway.EXIT_FAILED;
        }
        say(err, "%s: %d %s, %s in %.2f s (%s/s)%s", f.url(), f.status(), f.reason(), ProgressBar.size(f.bodyBytes()),
                seconds, ProgressBar.size((long) (f.bodyBytes() / Math.max(seconds, 1e-9))), via);
        return Slipway.EXIT_OK;
    }

    /** Images go next to -o FILE under their own (cleaned) names; without -o they are fetched and counted. */
    private java.util.function.Function<Url, OutputStream> imageSink() {
        if (output == null) {
            return u -> OutputStream.nullOutputStream();
        }
        Path directory = output.toAbsolutePath().getParent();
        Set<String> used = new HashSet<>(Set.of(output.getFileName().toString()));
        return u -> {
            String name = safeName(u, used.size());
            while (!used.add(name)) {
                name = "_" + name;
            }
            try {
                return Files.newOutputStream(directory.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The URL's last path segment, reduced to letters, digits, dot, dash and underscore: a server does not pick our file names. */
    static String safeName(Url u, int n) {
        String path = u.path() == null ? "" : u.path();
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (last.isEmpty() || last.chars().allMatch(c -> c == '.')) {
            return "image-" + n;
        }
        return last;
    }

    private BrowserListener progress(PrintWriter err) {
        if (noProgress) {
            return BrowserListener.NONE;
        }
        return new BrowserListener() {
            private ProgressBar bar;

            @Override
            public void onBodyProgress(Url u, long soFar, long total) {
                if (bar == null) {
                    bar = new ProgressBar(err, System.nanoTime());
                }
                bar.update(soFar, total, System.nanoTime());
            }

            @Override
            public void onBodyDone(Url u, long bytes, long nanos) {
                if (bar != null) {
                    bar.finish();
                    bar = null;
                }
            }
        };
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static void say(PrintWriter err, String format, Object... args) {
        err.println(String.format(format, args));
        err.flush();
    }
}
