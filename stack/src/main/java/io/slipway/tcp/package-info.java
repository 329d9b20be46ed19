/**
 * Transport layer: TCP (RFC 9293). May use only the network layer (ip, arp, icmp) and base;
 * delivers upward through interfaces it owns.
 */
package io.slipway.tcp;
