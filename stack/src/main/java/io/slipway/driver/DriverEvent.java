package io.slipway.driver;

/** What a LAN driver counts beyond its adapter's own counters. */
public enum DriverEvent {
    /** A frame was received while no receiver was attached; it was dropped. */
    NO_RECEIVER,
    /** A frame found the transmit backlog full; it was dropped. */
    BACKLOG_FULL,
    /** Frames that waited in the backlog because the adapter's queue was full. */
    BACKLOGGED,
    /** Low-delay frames that waited, in the lane that leaves before bulk frames. */
    BACKLOGGED_LOW_DELAY
}
