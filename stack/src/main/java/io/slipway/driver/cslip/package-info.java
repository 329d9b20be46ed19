/**
 * Van Jacobson TCP/IP header compression for SLIP lines, CSLIP (RFC 1144): a compressor for
 * the frames going out and a decompressor for the frames coming in, 16 connection slots each
 * way, used by the {@link io.slipway.driver.SlipDriver} of an interface configured for it. Read
 * RFC 1144 §3 (the method and the packet formats) and §4 (error recovery) first.
 *
 * <p>Part of the driver layer: it reads IP and TCP headers as bytes at named offsets
 * ({@link io.slipway.driver.cslip.HeaderFields}), never through the network layer's classes.
 * Nothing here allocates after construction.
 */
package io.slipway.driver.cslip;
