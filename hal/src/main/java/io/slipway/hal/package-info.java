/**
 * The hardware: the {@link io.slipway.hal.LanAdapter} a LAN driver controls, and its kinds —
 * serial ports with SLIP or Ethernet-over-serial framing ({@code serial}, {@code framing}), the
 * in-memory loopback cable ({@code loopback}), a scripted mock ({@code mock}) and a capture tap
 * ({@code pcap}). jSerialComm is referenced only in {@code io.slipway.hal.serial}.
 */
package io.slipway.hal;
