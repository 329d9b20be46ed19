package io.slipway.icmp;

/**
 * ICMP settings.
 *
 * @param errorBurst errors that may be sent back to back (token bucket size)
 * @param errorIntervalNanos one more error is allowed per interval (RFC 1812 §4.3.2.8 asks for a
 *     rate limit; Linux's default is a burst of about 50 and 1000 per second across the host)
 * @param maxEchoEndpoints echo endpoints (pings) open at once
 * @param errorQuoteBytes bytes of the offending datagram quoted in an error beyond its header;
 *     RFC 792 asks for 8, RFC 1812 §4.3.2.3 lets routers send up to 576 bytes in all
 */
public record IcmpConfig(int errorBurst, long errorIntervalNanos, int maxEchoEndpoints, int errorQuoteBytes) {
    public static final IcmpConfig DEFAULT = new IcmpConfig(50, 1_000_000L, 16, 8);

    public IcmpConfig {
        if (errorBurst < 1 || errorIntervalNanos <= 0 || maxEchoEndpoints < 1) {
            throw new IllegalArgumentException("ICMP limits must be positive");
        }
        if (errorQuoteBytes < 8 || errorQuoteBytes > 576 - 20 - 8 - 60) {
            throw new IllegalArgumentException("errorQuoteBytes must be 8..488: " + errorQuoteBytes);
        }
    }
}
