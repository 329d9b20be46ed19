package io.slipway.hal;

/** Why an adapter dropped a frame. Every drop is counted under one of these. */
public enum DropReason {
    /** A received frame was longer than the adapter's largest frame (MTU plus link header). */
    FRAME_TOO_LONG,
    /** SLIP: ESC followed by a byte other than ESC_END or ESC_ESC (RFC 1055). */
    BAD_ESCAPE,
    /** Ethernet over serial: the frame check sequence did not match. */
    BAD_FCS,
    /** A received frame was shorter than its link header (and FCS). */
    RUNT,
    /** A decoded frame found the receive queue full. */
    RX_QUEUE_FULL,
    /** The caller lent a receive buffer smaller than the frame. */
    BUFFER_TOO_SMALL,
    /** The caller asked to transmit a frame longer than the adapter's largest frame. */
    TX_TOO_LONG,
    /** The link was down. */
    LINK_DOWN,
    /** The serial line was closed or failed with a frame half received or half sent. */
    LINE_ERROR
}
