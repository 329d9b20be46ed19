package io.slipway.app.url;

/**
 * Reads an absolute URL (RFC 3986 §4.3, fragment allowed): splits it ({@link Components}), reads
 * the scheme, then reads the rest the way that scheme lays it out ({@link Scheme.Shape}). Every
 * part is checked as it is read, so the first error found is the one reported.
 */
final class UrlParser {
    private UrlParser() {
    }

    static Url parse(ParseInput in) {
        Components c = Components.split(in);
        if (!c.hasScheme()) {
            throw in.fail("scheme", "a URL starts with its scheme, as in http://www.example.com/ (supported: "
                    + Scheme.SUPPORTED + ")");
        }
        Scheme scheme = Scheme.read(in, c.schemeEnd);
        return switch (scheme.shape) {
            case NETWORK -> network(scheme, c);
            case FILE -> file(c);
            case MAILTO -> mailto(c);
            case NEWS -> news(c);
        };
    }

    /**
     * http, https, ftp: {@code "//" authority path-abempty} (RFC 3986 §3) with a non-empty host
     * (RFC 9110 §4.2.1: a sender must not generate an http URI with an empty host); an empty path
     * is {@code "/"} (RFC 9110 §4.2.3, RFC 3986 §6.2.3).
     */
    private static Url network(Scheme scheme, Components c) {
        ParseInput in = c.in;
        if (!c.hasAuthority()) {
            throw in.fail("host", "an " + scheme.text + " URL has '//' and a host after '" + scheme.text
                    + ":', as in " + scheme.text + "://www.example.com/");
        }
        Authority authority = Authority.read(in, c.authorityStart, c.authorityEnd, scheme);
        if (authority.host.isEmpty()) {
            throw in.fail("host", "no host after '//'; an " + scheme.text + " URL names the server, as in "
                    + scheme.text + "://www.example.com/");
        }
        CharacterCheck.check(in, c.pathStart, c.pathEnd, CharRule.PATH);
        String path = PercentDecoder.decode(in, c.pathStart, c.pathEnd);
        c.checkQueryAndFragment();
        String rawPath = c.path();
        if (rawPath.isEmpty()) {
            rawPath = "/";
            path = "/";
        }
        return new Url(scheme, authority, rawPath, path, c.query(), c.fragment());
    }

    /**
     * RFC 8089 §2: {@code file-URI = "file:" ( "//" [ file-auth ] path-absolute / path-absolute )},
     * so {@code file:///path}, {@code file://host/path} and {@code file:/path} (the local machine).
     * A Windows drive stays in the path: {@code file://localhost/c:/path/file} has path
     * {@code /c:/path/file}.
     */
    private static Url file(Components c) {
        ParseInput in = c.in;
        Authority authority = Authority.LOCAL;
        if (c.hasAuthority()) {
            authority = Authority.read(in, c.authorityStart, c.authorityEnd, Scheme.FILE);
        }
        if (c.pathStart == c.pathEnd || in.charAt(c.pathStart) != '/') {
            throw in.fail("path", "a file URL has an absolute path, starting with '/', as in file:///c:/path/file"
                    + " or file://localhost/etc/hosts (RFC 8089 §2)");
        }
        CharacterCheck.check(in, c.pathStart, c.pathEnd, CharRule.PATH);
        String path = PercentDecoder.decode(in, c.pathStart, c.pathEnd);
        c.checkQueryAndFragment();
        return new Url(Scheme.FILE, authority, c.path(), path, c.query(), c.fragment());
    }

    /** RFC 6068 §2: {@code "mailto:" [ to ] [ hfields ]}, no authority. */
    private static Url mailto(Components c) {
        ParseInput in = c.in;
        if (c.hasAuthority()) {
            throw in.fail("mailbox", "a mailto URL has no '//'; write the address right after 'mailto:',"
                    + " as in mailto:tone@cyber.co.kr (RFC 6068 §2)");
        }
        String mailbox = Mailbox.read(in, c.pathStart, c.pathEnd, c.hasQuery());
        c.checkQueryAndFragment();
        return new Url(Scheme.MAILTO, null, c.path(), mailbox, c.query(), c.fragment());
    }

    /** RFC 5538 §2.2: {@code news:newsgroup} or {@code news:message-id}; no server. */
    private static Url news(Components c) {
        ParseInput in = c.in;
        if (c.hasAuthority()) {
            throw in.fail("newsgroup", "news URLs naming a server (news://server/...) are not supported;"
                    + " write news:group or news:message-id, as in news:comp.protocols.tcp-ip (RFC 5538 §2.2)");
        }
        String target = NewsTarget.read(in, c.pathStart, c.pathEnd);
        c.checkQueryAndFragment();
        return new Url(Scheme.NEWS, null, c.path(), target, c.query(), c.fragment());
    }
}
