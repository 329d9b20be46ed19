package io.slipway.app.url;

/**
 * The authority of a URL (RFC 3986 §3.2): {@code [ userinfo "@" ] host [ ":" port ]}, read and
 * checked. The userinfo is kept as written, so that the normalized form keeps it; the user name
 * and password are also kept decoded (§3.2.1 deprecates passwords in URLs, but FTP URLs still
 * carry them, RFC 1738 §3.1).
 */
final class Authority {
    /** {@code file:/path}: no authority written, which RFC 8089 §2 reads as the local machine. */
    static final Authority LOCAL = new Authority(null, null, null, "", Port.NONE);

    /** The userinfo as written (still percent-encoded), or null. */
    final String rawUserInfo;
    final String user;
    final String password;
    /** Lower case; {@code ""} for {@code file:///path}. */
    final String host;
    /** The port written, or {@link Port#NONE}. */
    final int explicitPort;

    private Authority(String rawUserInfo, String user, String password, String host, int explicitPort) {
        this.rawUserInfo = rawUserInfo;
        this.user = user;
        this.password = password;
        this.host = host;
        this.explicitPort = explicitPort;
    }

    /**
     * Reads the authority in [start, end) of {@code in}.
     *
     * @throws UrlException part {@code userinfo}, {@code host}, {@code port} or
     *     {@code percent-encoding}, for the first part that is wrong
     */
    static Authority read(ParseInput in, int start, int end, Scheme scheme) {
        // userinfo cannot hold '@' (§3.2.1), so the last one ends it; an '@' before it is then
        // reported as a character of the password that should have been written %40.
        int at = lastIndexOf(in, '@', start, end);
        String rawUserInfo = null;
        String user = null;
        String password = null;
        int hostStart = start;
        if (at >= 0) {
            if (scheme == Scheme.FILE) {
                throw in.fail("userinfo", "a file URL has no user name or password (RFC 8089 §2)");
            }
            CharacterCheck.check(in, start, at, CharRule.USERINFO);
            int colon = in.indexOfAny(":", start, at);
            user = PercentDecoder.decode(in, start, colon);
            password = colon < at ? PercentDecoder.decode(in, colon + 1, at) : null;
            rawUserInfo = in.substring(start, at);
            hostStart = at + 1;
        }
        HostName.rejectIpLiteral(in, hostStart, end);
        int colon = in.indexOfAny(":", hostStart, end);
        String host = HostName.read(in, hostStart, colon);
        int port = Port.NONE;
        if (colon < end) {
            if (scheme == Scheme.FILE) {
                throw in.fail("port", "a file URL has no port (RFC 8089 §2)");
            }
            port = Port.read(in, colon + 1, end);
        }
        return new Authority(rawUserInfo, user, password, host, port);
    }

    /** The port the URL names, else the scheme's default, else -1. */
    int port(Scheme scheme) {
        return explicitPort != Port.NONE ? explicitPort : scheme.defaultPort;
    }

    /** Whether the port is written and differs from the default: only then is it shown. */
    boolean showsPort(Scheme scheme) {
        return explicitPort != Port.NONE && explicitPort != scheme.defaultPort;
    }

    /** {@code host[:port]}, the port only when {@link #showsPort}: the HTTP Host header (RFC 9110 §7.2). */
    String hostAndPort(Scheme scheme) {
        return showsPort(scheme) ? host + ":" + explicitPort : host;
    }

    /** The normalized authority: userinfo as written, host in lower case, no default port (RFC 3986 §6.2.3). */
    String text(Scheme scheme) {
        return rawUserInfo == null ? hostAndPort(scheme) : rawUserInfo + "@" + hostAndPort(scheme);
    }

    private static int lastIndexOf(ParseInput in, char c, int start, int end) {
        for (int i = end - 1; i >= start; i--) {
            if (in.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
