package io.slipway.hal.loopback;

/**
 * A pooled slot for one frame between transmit and arrival: its wire bytes (encoded when the cable
 * has a framing, the frame itself otherwise) and when it arrives. Reused; never escapes its
 * {@link Lane}.
 */
final class InFlightFrame {
    final byte[] bytes;
    int length;
    /** When the last byte has crossed and reached the receiver, delays and hold included. */
    long arrivalNanos;
    /** Whether the wire delivers it twice. */
    boolean duplicate;

    InFlightFrame(int capacity) {
        this.bytes = new byte[capacity];
    }
}
