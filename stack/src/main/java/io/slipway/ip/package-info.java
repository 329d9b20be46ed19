/**
 * Network layer: IPv4 (RFC 791, RFC 1122) — validation, addresses and prefixes, routing,
 * forwarding, fragmentation and reassembly. Receives frames from the driver layer through
 * {@link io.slipway.driver.FrameReceiver}; may use only the driver layer and base.
 */
package io.slipway.ip;
