/**
 * The URL parser, the first thing a browser does with what the user typed (RFC 3986): splitting
 * {@code http://user:password@www.example.com:8080/dir/file.html?q#f} into its parts, checking
 * each against the RFC's character sets, decoding percent-encoded UTF-8, and resolving relative
 * references such as a {@code Location} header or an {@code <img src>} against a base (§5.2).
 *
 * <p>Schemes: {@code http}, {@code https} and {@code ftp} (RFC 3986 §3, with a host and default
 * ports), {@code file} (RFC 8089), {@code mailto} (RFC 6068) and {@code news} (RFC 5538). Hosts
 * are registered names (RFC 1123) or IPv4 dotted quads; slipway is IPv4-only, so IPv6 literals are
 * refused. The parser is strict: it never guesses what a malformed URL meant, and every refusal is
 * a {@link io.slipway.app.url.UrlException} naming the bad part and quoting the text. Read
 * {@link io.slipway.app.url.Url} first. Uses only the JDK; nothing here touches the network.
 */
package io.slipway.app.url;
