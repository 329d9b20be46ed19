package io.slipway.app.url;

/**
 * A URL or relative reference split into its five parts, as RFC 3986 Appendix B splits them,
 * before any part is checked: {@code scheme ":" "//" authority path "?" query "#" fragment}.
 * Each part is kept as a range of the input, so that errors can point into the text.
 *
 * <p>The first {@code ':'} before any {@code '/'}, {@code '?'} or {@code '#'} ends the scheme
 * (§3.1, and §4.2: a relative path cannot have a {@code ':'} in its first segment); {@code "//"}
 * then starts the authority, which runs to the next {@code '/'}, {@code '?'} or {@code '#'}
 * (§3.2); the path runs to the first {@code '?'} or {@code '#'} (§3.3), the query to the first
 * {@code '#'} (§3.4), and the fragment to the end (§3.5). An absent part has start -1.
 */
final class Components {
    final ParseInput in;
    /** Index of the {@code ':'} after the scheme, or -1 when there is no scheme. */
    final int schemeEnd;
    final int authorityStart;
    final int authorityEnd;
    final int pathStart;
    final int pathEnd;
    final int queryStart;
    final int queryEnd;
    final int fragmentStart;

    private Components(ParseInput in, int schemeEnd, int authorityStart, int authorityEnd, int pathStart,
            int pathEnd, int queryStart, int queryEnd, int fragmentStart) {
        this.in = in;
        this.schemeEnd = schemeEnd;
        this.authorityStart = authorityStart;
        this.authorityEnd = authorityEnd;
        this.pathStart = pathStart;
        this.pathEnd = pathEnd;
        this.queryStart = queryStart;
        this.queryEnd = queryEnd;
        this.fragmentStart = fragmentStart;
    }

    static Components split(ParseInput in) {
        int n = in.length();
        int first = in.indexOfAny(":/?#", 0, n);
        int schemeEnd = first < n && in.charAt(first) == ':' ? first : -1;
        int at = schemeEnd + 1;

        int authorityStart = -1;
        int authorityEnd = -1;
        if (at + 1 < n && in.charAt(at) == '/' && in.charAt(at + 1) == '/') {
            authorityStart = at + 2;
            authorityEnd = in.indexOfAny("/?#", authorityStart, n);
            at = authorityEnd;
        }

        int pathStart = at;
        int pathEnd = in.indexOfAny("?#", pathStart, n);
        at = pathEnd;

        int queryStart = -1;
        int queryEnd = -1;
        if (at < n && in.charAt(at) == '?') {
            queryStart = at + 1;
            queryEnd = in.indexOfAny("#", queryStart, n);
            at = queryEnd;
        }
        int fragmentStart = at < n ? at + 1 : -1;
        return new Components(in, schemeEnd, authorityStart, authorityEnd, pathStart, pathEnd, queryStart,
                queryEnd, fragmentStart);
    }

    boolean hasScheme() {
        return schemeEnd >= 0;
    }

    boolean hasAuthority() {
        return authorityStart >= 0;
    }

    boolean hasQuery() {
        return queryStart >= 0;
    }

    boolean hasFragment() {
        return fragmentStart >= 0;
    }

    String authority() {
        return hasAuthority() ? in.substring(authorityStart, authorityEnd) : null;
    }

    String path() {
        return in.substring(pathStart, pathEnd);
    }

    String query() {
        return hasQuery() ? in.substring(queryStart, queryEnd) : null;
    }

    String fragment() {
        return hasFragment() ? in.substring(fragmentStart, in.length()) : null;
    }

    /** Query and fragment are read alike in every scheme here (RFC 3986 §3.4, §3.5). */
    void checkQueryAndFragment() {
        if (hasQuery()) {
            CharacterCheck.check(in, queryStart, queryEnd, CharRule.QUERY);
        }
        if (hasFragment()) {
            CharacterCheck.check(in, fragmentStart, in.length(), CharRule.FRAGMENT);
        }
    }
}
