/**
 * The small Internet services every host used to offer, for testing a link end to end: echo
 * (RFC 862) and discard (RFC 863), over TCP and UDP, as {@link io.slipway.socket.Service}s on
 * the stack thread.
 */
package io.slipway.app.inet;
