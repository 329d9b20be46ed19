/**
 * Serial lines and the LAN adapter that runs a framing over one.
 *
 * <ul>
 *   <li>{@link io.slipway.hal.serial.SerialLine}: a byte stream with timed reads and blocking
 *       writes — all the adapter needs from a port.
 *   <li>{@link io.slipway.hal.serial.JSerialCommLine}: a real port (USB adapter, UART,
 *       pseudo-terminal) through jSerialComm, the only place in slipway that references it.
 *   <li>{@link io.slipway.hal.serial.BytePipe}: two connected lines in memory, for tests.
 *   <li>{@link io.slipway.hal.serial.SerialAdapter}: a {@link io.slipway.hal.LanAdapter} over a
 *       line and a {@link io.slipway.hal.framing.Framing} (SLIP, RFC 1055, or Ethernet over
 *       serial), with a reader and a writer thread so that the stack thread never blocks on the
 *       port.
 * </ul>
 */
package io.slipway.hal.serial;
