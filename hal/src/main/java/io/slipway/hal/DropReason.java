package io.slipway.hal;

/** Why an adapter dropped a frame. Every drop is counted under one of these. */
public enum DropReason {
    /** A received frame was longer than the adapter's largest frame (MTU plus link header). */
    FRAME_TOO_LONG(true),
    /** SLIP: ESC followed by a byte other than ESC_END or ESC_ESC (RFC 1055). */
    BAD_ESCAPE(true),
    /** Ethernet over serial: the frame check sequence did not match. */
    BAD_FCS(true),
    /** A received frame was shorter than its link header (and FCS). */
    RUNT(true),
    /** A decoded frame found the receive queue full. */
    RX_QUEUE_FULL(true),
    /** The caller lent a receive buffer smaller than the frame. */
    BUFFER_TOO_SMALL(true),
    /** The caller asked to transmit a frame longer than the adapter's largest frame. */
    TX_TOO_LONG(false),
    /** The link was down. */
    LINK_DOWN(false),
    /** The serial line was closed or failed with a frame half received or half sent. */
    LINE_ERROR(true);

    private final boolean receiveLoss;

    DropReason(boolean receiveLoss) {
        this.receiveLoss = receiveLoss;
    }

    /**
     * Whether the drop may have lost a frame the peer sent: what RFC 1144 §4's decompressor must
     * be told of (a line error may lose one in either direction, so it counts).
     */
    public boolean isReceiveLoss() {
        return receiveLoss;
    }
}
