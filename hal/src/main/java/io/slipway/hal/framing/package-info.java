/**
 * Framings that carry frames over a byte stream: SLIP (RFC 1055) for IP packets, and Ethernet II
 * frames with the same byte stuffing plus a CRC-32 frame check sequence. Decoders are pure
 * byte-at-a-time state machines (as lwIP's slipif), fed by whatever reads the line.
 */
package io.slipway.hal.framing;
