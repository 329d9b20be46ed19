package io.slipway.app.browser;

import io.slipway.app.http.HttpLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link Browser} fetches.
 *
 * @param userAgent the User-Agent field (RFC 9110 §10.1.5)
 * @param maxRedirects redirects followed before giving up (browsers stop at about 20; 5 is plenty here)
 * @param readTimeout how long a read may wait for the server before the fetch fails
 * @param keepAlive whether to keep the connection for the next request to the same server (RFC 9112 §9.3)
 * @param limits sizes a response may have
 */
public record BrowserConfig(String userAgent, int maxRedirects, Duration readTimeout, boolean keepAlive,
        HttpLimits limits) {
    public static final BrowserConfig DEFAULT = new BrowserConfig("slipway/0.1", 5, Duration.ofSeconds(60), true,
            HttpLimits.DEFAULT);

    public BrowserConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(limits, "limits");
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0: " + maxRedirects);
        }
    }

    public BrowserConfig withKeepAlive(boolean on) {
        return new BrowserConfig(userAgent, maxRedirects, readTimeout, on, limits);
    }

    public BrowserConfig withReadTimeout(Duration timeout) {
        return new BrowserConfig(userAgent, maxRedirects, timeout, keepAlive, limits);
    }

    public BrowserConfig withMaxRedirects(int max) {
        return new BrowserConfig(userAgent, max, readTimeout, keepAlive, limits);
    }
}
