/**
 * The LAN drivers: each controls one {@link io.slipway.hal.LanAdapter}, takes frames off it and
 * hands them up through {@link io.slipway.driver.FrameReceiver} (owned here, implemented by the
 * network layer), and queues frames for it on the way down. May use only hal and base.
 */
package io.slipway.driver;
