package io.slipway.app.browser;

import io.slipway.app.http.HttpHeaders;
import io.slipway.app.url.Url;
import java.util.List;

/**
 * The outcome of one fetch: the final URL (after redirects), its status and headers, how many
 * body bytes went to the sink, the URLs redirected from, and how long it took. A 4xx or 5xx is a
 * fetch too: the caller decides what it means ({@link #isSuccess}).
 */
public record Fetch(Url url, int status, String reason, HttpHeaders headers, long bodyBytes, List<Url> redirectedFrom,
        long nanos) {
    public Fetch {
        redirectedFrom = List.copyOf(redirectedFrom);
    }

    /** 2xx (RFC 9110 §15.3). */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String contentType() {
        String type = headers.get("Content-Type");
        return type == null ? "" : type;
    }

    public boolean isHtml() {
        return contentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
    }
}
