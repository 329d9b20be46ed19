package io.slipway.icmp;

/** What an {@link EchoEndpoint} hears back, on the stack thread. */
public interface EchoListener {
    /**
     * An echo reply matching the endpoint's identifier.
     *
     * @param sentNanos the send time carried in the payload by {@link EchoEndpoint#send}, or -1
     *     if the payload was too short to carry it
     */
    void onEchoReply(int from, int sequence, int ttl, int payloadLength, long sentNanos, long nowNanos);

    /** An ICMP error about one of our echo requests (e.g. time exceeded on the way). */
    default void onEchoError(int from, int type, int code, int sequence, long nowNanos) {
    }
}
