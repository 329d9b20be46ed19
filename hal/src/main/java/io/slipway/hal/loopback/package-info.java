/**
 * The loopback cable: two {@link io.slipway.hal.LanAdapter} ends joined in memory, with a fault
 * injector per direction (baud-rate pacing, propagation delay, loss, bit corruption through the
 * real decoder, duplication, reordering, an MTU cap, link down/up) that is deterministic under a
 * seed and runs in virtual or real time. Start at {@link io.slipway.hal.loopback.LoopbackCable}.
 */
package io.slipway.hal.loopback;
