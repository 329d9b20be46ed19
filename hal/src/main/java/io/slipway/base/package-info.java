/**
 * Shared primitives every layer may use and that use no layer: the clock, packet buffers and
 * their pool, byte and frame rings, counters, timers, big-endian field access and the Internet
 * checksum.
 *
 * <p>Nothing here allocates after construction; every structure is bounded by its constructor
 * arguments, never by what a peer sends.
 */
package io.slipway.base;
