/**
 * DNS servers on the socket library, as {@link io.slipway.socket.Service}s on the stack thread:
 * {@link io.slipway.app.dns.server.DnsServer} answers on UDP port 53 from its zones
 * (authoritative, RFC 1034 §4.3.2) and, when asked to, by recursion from the root down
 * ({@link io.slipway.app.dns.server.RecursiveResolver}, RFC 1034 §5.3.3), caching what it learns.
 */
package io.slipway.app.dns.server;
