/**
 * Applications on the socket library: URL parser, HTTP client (the browser) and server, DNS
 * servers. May use only the socket layer and base.
 */
package io.slipway.app;
