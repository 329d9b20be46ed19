package io.slipway.hal.loopback;

/** One way across a {@link LoopbackCable}: each has its own impairments, random stream and counters. */
public enum CableDirection {
    /** Frames sent by end a, received by end b. */
    A_TO_B,
    /** Frames sent by end b, received by end a. */
    B_TO_A
}
