package io.slipway.hal.loopback;

/**
 * What the cable's impairments did to a frame, counted per direction in {@link CableCounters}.
 * These are the wire's doing, not the adapters': the ends' {@link io.slipway.hal.LinkCounters}
 * count only what an adapter itself sees (a bad FCS, a full receive queue).
 */
public enum CableEvent {
    /** Vanished on the wire (loss probability). */
    LOST,
    /** Had one bit of its wire bytes flipped. */
    CORRUPTED,
    /** Arrived twice. */
    DUPLICATED,
    /** Was held back so that later frames could overtake it. */
    REORDERED,
    /** Was longer than the wire's MTU cap and vanished. */
    MTU_CAPPED,
    /** Was queued or in flight when the link went down, and was lost. */
    LINK_DOWN_LOST
}
