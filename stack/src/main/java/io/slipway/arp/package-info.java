/**
 * Network layer: ARP (RFC 826) for Ethernet links — a bounded cache and bounded queues of
 * packets waiting for resolution. {@link io.slipway.arp.Arp} implements IP's
 * {@link io.slipway.ip.NeighbourResolver}; besides that interface and IP's address helpers
 * (same layer), it may use only the driver layer and base.
 */
package io.slipway.arp;
