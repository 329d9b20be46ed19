/**
 * The HTTP server: static files from a root directory (RFC 9110 semantics, RFC 9112 messages),
 * a {@link io.slipway.socket.Service} on the stack thread with non-blocking stream sockets, so it
 * runs in a simulation's virtual time exactly as on a real host. {@link io.slipway.app.http.server.HttpServer}
 * moves the bytes of each connection; {@link io.slipway.app.http.server.StaticFiles} decides what a
 * request target names, and keeps every answer inside the root.
 */
package io.slipway.app.http.server;
