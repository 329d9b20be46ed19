/**
 * Transport layer: UDP (RFC 768). May use only the network layer (ip, arp, icmp) and base;
 * delivers upward through interfaces it owns.
 */
package io.slipway.udp;
