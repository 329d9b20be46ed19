package io.slipway.hal.loopback;

/**
 * A pooled slot for one frame between transmit and arrival: its wire bytes (encoded when the cable
 * has a framing, the frame itself otherwise) and when it arrives. Reused; never escapes its
 * {@link Lane}.
 */
final class InFlightFrame {
    /**
     * Not final: on an unframed cable the receive queue takes this array as it is and gives its
     * own free one back, instead of copying the frame ({@link ReceiveQueue#handOver}).
     */
    byte[] bytes;
    /** Where the frame starts in {@link #bytes}: 0, or the sender's offset when its array was taken. */
    int offset;
    int length;
    /** When the last byte has crossed and reached the receiver, delays and hold included. */
    long arrivalNanos;
    /** Whether the wire delivers it twice. */
    boolean duplicate;

    InFlightFrame(int capacity) {
        this.bytes = new byte[capacity];
    }
}
