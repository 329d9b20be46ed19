package io.slipway.app.url;

/**
 * RFC 3986 §5.3: a URL's text from its parts. Used for the normalized form of a URL and for the
 * result of resolving a reference.
 */
final class Recomposition {
    private Recomposition() {
    }

    /**
     * @param authority null when the URL has none (then no {@code "//"} is written)
     * @param query null when absent
     * @param fragment null when absent
     */
    static String of(String scheme, String authority, String path, String query, String fragment) {
        StringBuilder s = new StringBuilder();
        s.append(scheme).append(':');
        if (authority != null) {
            s.append("//").append(authority);
        }
        s.append(path);
        if (query != null) {
            s.append('?').append(query);
        }
        if (fragment != null) {
            s.append('#').append(fragment);
        }
        return s.toString();
    }
}
