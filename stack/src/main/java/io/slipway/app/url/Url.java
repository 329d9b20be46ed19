package io.slipway.app.url;

/**
 * A URL read into its parts (RFC 3986 §3), the way a browser decodes what the user typed before
 * it writes a request:
 *
 * <pre>
 *   http://user:password@www.cyber.co.kr:80/dir/file.html?q=1#top
 *   \__/   \___________/ \____________/ \/\____________/ \_/ \_/
 *  scheme    userinfo        host      port    path     query fragment
 * </pre>
 *
 * <p>Supported: {@code http}, {@code https}, {@code ftp}, {@code file} (RFC 8089),
 * {@code mailto} (RFC 6068) and {@code news} (RFC 5538). A path ending in {@code '/'} names a
 * directory ({@link #isDirectory()}): the server then answers with its default file, such as
 * {@code index.html}.
 *
 * <p>Immutable. Two URLs are equal when their normalized forms ({@link #toString()}) are: the
 * scheme and host in lower case, a default or empty port dropped, an empty http path written
 * {@code "/"} (RFC 3986 §6.2.2.1, §6.2.3). Percent-encodings are kept as written, and so are
 * dot segments ({@link #resolve} removes those, as §5.2 says). So {@code http://H:80} equals
 * {@code http://h/}, though only the first {@link #hasExplicitPort() has an explicit port}.
 */
public final class Url {
    private final Scheme scheme;
    /** Null for mailto and news, which have none. */
    private final Authority authority;
    private final String rawPath;
    private final String path;
    private final String query;
    private final String fragment;
    private final String normalized;

    Url(Scheme scheme, Authority authority, String rawPath, String path, String query, String fragment) {
        this.scheme = scheme;
        this.authority = authority;
        this.rawPath = rawPath;
        this.path = path;
        this.query = query;
        this.fragment = fragment;
        this.normalized = Recomposition.of(scheme.text, authority == null ? null : authority.text(scheme),
                rawPath, query, fragment);
    }

    /**
     * Reads an absolute URL such as {@code http://www.example.com/dir/} or
     * {@code mailto:tone@cyber.co.kr}.
     *
     * @throws UrlException when {@code text} is not a URL of a supported scheme; its
     *     {@link UrlException#part()} names the bad part
     * @throws NullPointerException when {@code text} is null
     */
    public static Url parse(String text) {
        if (text == null) {
            throw new NullPointerException("text");
        }
        return UrlParser.parse(ParseInput.url(text));
    }

    /**
     * The scheme in lower case: {@code http}, {@code https}, {@code ftp}, {@code file},
     * {@code mailto} or {@code news}.
     */
    public String scheme() {
        return scheme.text;
    }

    /** The user name of the userinfo, percent-decoded, or null when the URL has no userinfo. */
    public String user() {
        return authority == null ? null : authority.user;
    }

    /** The password of the userinfo (after its first {@code ':'}), percent-decoded, or null when none is written. */
    public String password() {
        return authority == null ? null : authority.password;
    }

    /**
     * The host in lower case: a registered name or an IPv4 dotted quad; {@code ""} for
     * {@code file:///x} and {@code file:/x} (the local machine); null for mailto and news.
     */
    public String host() {
        return authority == null ? null : authority.host;
    }

    /** The port written in the URL, else the scheme's default (http 80, https 443, ftp 21), else -1. */
    public int port() {
        return authority == null ? -1 : authority.port(scheme);
    }

    /** Whether a port is written (a {@code ':'} with nothing after it is not one, RFC 3986 §3.2.3). */
    public boolean hasExplicitPort() {
        return authority != null && authority.explicitPort != Port.NONE;
    }

    /**
     * The path, percent-decoded as UTF-8; {@code "/"} when an http, https or ftp URL has none.
     * A decoded {@code %2F} looks like a separator here; use {@link #rawPath()} to tell them apart.
     * For mailto it is the addresses, for news the newsgroup or message-id.
     */
    public String path() {
        return path;
    }

    /** The path as written, still percent-encoded; {@code "/"} when an http, https or ftp URL has none. */
    public String rawPath() {
        return rawPath;
    }

    /**
     * The query as written (percent-encoded), without the {@code '?'}; {@code ""} for a bare
     * {@code '?'}; null when absent.
     */
    public String query() {
        return query;
    }

    /** The fragment as written (percent-encoded), without the {@code '#'}; null when absent. */
    public String fragment() {
        return fragment;
    }

    /**
     * Whether the path ends in {@code '/'} (as written): the URL names a directory, and the server
     * answers with its default file, such as {@code index.html}. An http URL with no path names
     * the root directory.
     */
    public boolean isDirectory() {
        return rawPath.endsWith("/");
    }

    /**
     * The request-target of an HTTP request for this URL, in origin-form (RFC 9112 §3.2.1):
     * the path as written, then {@code '?'} and the query when there is one. Never the fragment,
     * which stays with the browser (RFC 3986 §3.5).
     */
    public String requestTarget() {
        return query == null ? rawPath : rawPath + "?" + query;
    }

    /**
     * The value of the HTTP Host header (RFC 9110 §7.2): the host, and {@code ":" port} only when
     * a port is written that is not the scheme's default; null for mailto and news.
     */
    public String hostHeader() {
        return authority == null ? null : authority.hostAndPort(scheme);
    }

    /** For mailto, the addresses (comma-separated when several), percent-decoded; else null. */
    public String mailbox() {
        return scheme == Scheme.MAILTO ? path : null;
    }

    /** For news, the newsgroup (or wildmat) or the message-id, percent-decoded; else null. */
    public String newsgroup() {
        return scheme == Scheme.NEWS ? path : null;
    }

    /**
     * The URL that {@code reference} names when read against this one as its base: RFC 3986
     * §5.2.2, with §5.2.3 merge and §5.2.4 remove_dot_segments, in strict mode (a reference with
     * a scheme is absolute even when the scheme is this one's: {@code http:g} is not relative).
     * For {@code Location} headers and links such as {@code <img src="../logo.png">}. This URL's
     * fragment plays no part (§5.1).
     *
     * @throws UrlException when {@code reference} is malformed or the result is not a supported URL
     * @throws NullPointerException when {@code reference} is null
     */
    public Url resolve(String reference) {
        if (reference == null) {
            throw new NullPointerException("reference");
        }
        return ReferenceResolver.resolve(this, reference);
    }

    /** The normalized authority for §5.2.2 (userinfo, host, non-default port), or null when there is none. */
    String authorityText() {
        return authority == null ? null : authority.text(scheme);
    }

    /**
     * The normalized text: scheme and host in lower case, the userinfo kept, a default port
     * dropped, the rest as written. {@link #parse} of it gives an equal URL.
     */
    @Override
    public String toString() {
        return normalized;
    }

    /** Equal when the normalized forms are (see the class comment). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Url && ((Url) other).normalized.equals(normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }
}
