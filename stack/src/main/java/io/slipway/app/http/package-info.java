/**
 * The HTTP/1.1 message layer: RFC 9110 semantics in RFC 9112 syntax, shared by the HTTP server
 * (on the stack thread) and the browser (a client on a thread of its own). Nothing here touches
 * a socket: it turns bytes into messages and back.
 *
 * <p>Read first: RFC 9112 §2 (message format, and the lenience of §2.2), §5 (field lines),
 * §6.3 (how a body's length is found: the rule most of request smuggling is about), §7.1
 * (chunked); RFC 9110 §5.5 (field values), §5.6.7 (dates), §14 (ranges), §15 (status codes).
 *
 * <ul>
 * <li>Server side: {@link io.slipway.app.http.RequestParser}, incremental and non-blocking,
 *     memory bounded by {@link io.slipway.app.http.HttpLimits}, giving an
 *     {@link io.slipway.app.http.HttpRequest} and how its body is framed (a
 *     {@link io.slipway.app.http.ChunkedDecoder} reads a chunked one);
 *     {@link io.slipway.app.http.HttpResponseHead} to answer;
 *     {@link io.slipway.app.http.ByteRange}, {@link io.slipway.app.http.HttpDate} and
 *     {@link io.slipway.app.http.MimeTypes} for serving files.</li>
 * <li>Client side: {@link io.slipway.app.http.HttpRequest#encodeHead()} to ask,
 *     {@link io.slipway.app.http.ResponseReader}, blocking on an InputStream, to read the
 *     {@link io.slipway.app.http.HttpResponse} and its decoded body.</li>
 * </ul>
 *
 * <p>Both parsers share one head parser ({@code HeadParser}) so they agree on what a line and a
 * field are; they differ only where the RFCs make server and user agent differ (obs-fold, the
 * body rules of §6.3). Refusals are a status and a one-line reason for a server, an
 * {@link io.slipway.app.http.HttpProtocolException} for the client; nothing a peer sends makes
 * any other exception escape.
 */
package io.slipway.app.http;
