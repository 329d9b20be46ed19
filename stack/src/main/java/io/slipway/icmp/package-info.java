/**
 * Network layer: ICMP (RFC 792, RFC 1122) — echo, and the errors IP reports. May use only the
 * driver layer and base.
 */
package io.slipway.icmp;
