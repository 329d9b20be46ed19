package io.slipway.icmp;

/** What an {@link EchoEndpoint} hears back, on the stack thread. */
public interface EchoListener {
    /**
     * An echo reply matching the endpoint's identifier.
     *
     * @param sentNanos the send time carried in the payload by {@link EchoEndpoint#send}; only
     *     meaningful when {@code payloadLength >= EchoEndpoint.TIMESTAMP_BYTES} (and only if the
     *     peer returned the data unchanged, as RFC 792 asks)
     */
    void onEchoReply(int from, int sequence, int ttl, int payloadLength, long sentNanos, long nowNanos);

    /**
     * An ICMP error about one of our echo requests (e.g. time exceeded on the way).
     *
     * @param info the error's second header word: the next-hop MTU of "fragmentation needed" in
     *     its low 16 bits (RFC 1191), the pointer of "parameter problem" in its top byte (RFC 792)
     */
    default void onEchoError(int from, int type, int code, int info, int sequence, long nowNanos) {
    }
}
