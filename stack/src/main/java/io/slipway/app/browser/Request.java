package io.slipway.app.browser;

import io.slipway.app.url.Url;
import java.util.Objects;

/**
 * What to ask for: a method and a URL, and for POST a body with its media type (RFC 9110 §9.3).
 */
public record Request(String method, Url url, byte[] body, String contentType) {
    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        if ((body == null) != (contentType == null)) {
            throw new IllegalArgumentException("a body needs its content type, and only a body has one");
        }
    }

    public static Request get(Url url) {
        return new Request("GET", url, null, null);
    }

    public static Request head(Url url) {
        return new Request("HEAD", url, null, null);
    }

    public static Request post(Url url, byte[] body, String contentType) {
        return new Request("POST", url, body.clone(), contentType);
    }

    /** The same request for another URL, as a redirect asks (RFC 9110 §15.4). */
    Request to(Url other) {
        return new Request(method, other, body, contentType);
    }

    /**
     * RFC 9110 §9.2.2: methods a client may repeat when a connection fails under it (RFC 9112
     * §9.3.1) — GET, HEAD, PUT, DELETE, OPTIONS and TRACE; never POST.
     */
    boolean isIdempotent() {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
    }
}
