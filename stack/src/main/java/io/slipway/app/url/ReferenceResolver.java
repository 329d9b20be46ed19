package io.slipway.app.url;

/**
 * RFC 3986 §5.2: the URL a reference names against a base URL. The reference is split and its
 * parts checked first, so that an error points into the reference as the user wrote it; the
 * target is then built by §5.2.2 (strict: a reference with a scheme is absolute), recomposed
 * (§5.3) and read again as a URL, which checks what only the whole URL can tell (the host an
 * http URL needs, a mailto address).
 */
final class ReferenceResolver {
    private ReferenceResolver() {
    }

    static Url resolve(Url base, String reference) {
        ParseInput in = ParseInput.reference(reference);
        Components r = Components.split(in);
        if (r.hasScheme()) {
            return absolute(in, r, reference);
        }
        CharacterCheck.check(in, r.pathStart, r.pathEnd, CharRule.PATH);
        r.checkQueryAndFragment();

        String authority;
        String path;
        String query;
        if (r.hasAuthority()) {
            authority = r.authority();
            path = DotSegments.remove(r.path());
            query = r.query();
        } else {
            authority = base.authorityText();
            if (r.path().isEmpty()) {
                path = base.rawPath();
                query = r.hasQuery() ? r.query() : base.query();
            } else {
                path = DotSegments.remove(r.path().startsWith("/") ? r.path() : merge(base, r.path()));
                query = r.query();
            }
        }
        String target = Recomposition.of(base.scheme(), authority, path, query, r.fragment());
        return UrlParser.parse(ParseInput.resolved(target, reference));
    }

    /** §5.2.2 with a scheme: the reference is a URL of its own, less its dot segments. */
    private static Url absolute(ParseInput in, Components r, String reference) {
        if (!Scheme.isSyntax(in, r.schemeEnd)) {
            String before = r.schemeEnd == 0 ? "nothing before ':'" : Quoting.quote(in.substring(0, r.schemeEnd))
                    + " before ':' is not a scheme name (a letter, then letters, digits, '+', '-' or '.')";
            throw in.fail("reference", before + ", and a relative path cannot have ':' in its first segment:"
                    + " write ./" + Quoting.shorten(reference) + " (RFC 3986 §4.2)");
        }
        Url url = UrlParser.parse(in);
        String target = Recomposition.of(url.scheme(), url.authorityText(), DotSegments.remove(url.rawPath()),
                url.query(), url.fragment());
        return UrlParser.parse(ParseInput.resolved(target, reference));
    }

    /** §5.2.3: the reference's path after the base path's last {@code '/'}. */
    private static String merge(Url base, String referencePath) {
        if (base.authorityText() != null && base.rawPath().isEmpty()) {
            return "/" + referencePath;
        }
        int slash = base.rawPath().lastIndexOf('/');
        return slash < 0 ? referencePath : base.rawPath().substring(0, slash + 1) + referencePath;
    }
}
