package io.slipway.app.http;

import java.util.Set;

/**
 * The request methods a {@link RequestParser} knows: those of RFC 9110 §9 and PATCH (RFC 5789).
 * Method names are case-sensitive (RFC 9110 §9.1): {@code get} is not GET.
 */
public final class HttpMethod {
    public static final String GET = "GET";
    public static final String HEAD = "HEAD";
    public static final String POST = "POST";
    public static final String PUT = "PUT";
    public static final String DELETE = "DELETE";
    public static final String CONNECT = "CONNECT";
    public static final String OPTIONS = "OPTIONS";
    public static final String TRACE = "TRACE";
    public static final String PATCH = "PATCH";

    private static final Set<String> KNOWN = Set.of(GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH);

    private HttpMethod() {
    }

    /** Whether {@code method} is one of the constants here, exactly (case-sensitively). */
    public static boolean isKnown(String method) {
        return KNOWN.contains(method);
    }
}
