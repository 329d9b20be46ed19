/**
 * The socket library: descriptors and the BSD-like API over TCP and UDP, and the resolver
 * (gethostbyname, MX lookup), which in the BSD model is part of the socket library. May use only
 * the transport layer and base.
 */
package io.slipway.socket;
