/**
 * Network layer: ARP (RFC 826) for Ethernet links — a bounded cache and bounded queues of
 * packets waiting for resolution. May use only the driver layer and base.
 */
package io.slipway.arp;
