/**
 * The browser: the HTTP/1.1 client side of the journey of a URL. It decodes the URL, asks the
 * resolver for the server's address, opens a stream socket, writes the request message, reads
 * the response, follows redirects, reuses a kept-alive connection, and, for a page, finds its
 * images and fetches each with a request of its own, as the seeds of this project describe a
 * browser laying out a page. It runs on the caller's thread with blocking sockets.
 */
package io.slipway.app.browser;
