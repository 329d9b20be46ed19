package io.slipway.app.browser;

import io.slipway.app.http.HttpResponse;
import io.slipway.app.url.Url;
import io.slipway.socket.InetEndpoint;
import io.slipway.socket.resolver.LookupResult;

/**
 * What a {@link Browser} does, step by step, for a trace of the journey (every method does
 * nothing by default). Called on the browser's thread.
 */
public interface BrowserListener {
    BrowserListener NONE = new BrowserListener() {
    };

    /** The URL, decoded into its parts. */
    default void onUrl(Url url) {
    }

    /** The resolver is asked for the address of {@code host}. */
    default void onLookup(String host) {
    }

    /** ... and answered. */
    default void onResolved(String host, int address, LookupResult result) {
    }

    /** A stream socket was created: its descriptor. */
    default void onSocket(int descriptor) {
    }

    /** The socket is connected (the three-way handshake is done) from {@code local} to {@code remote}. */
    default void onConnected(int descriptor, InetEndpoint local, InetEndpoint remote) {
    }

    /** A kept-alive connection carries this request too. */
    default void onReused(int descriptor, InetEndpoint remote) {
    }

    /** The request message, just before it is written to the socket. */
    default void onRequest(int descriptor, byte[] message) {
    }

    /** The response head arrived. */
    default void onResponse(int descriptor, HttpResponse response) {
    }

    /** More of the body arrived: {@code soFar} bytes of {@code total} (-1 when unknown). */
    default void onBodyProgress(Url url, long soFar, long total) {
    }

    /** The body is complete. */
    default void onBodyDone(Url url, long bytes, long nanos) {
    }

    /** A redirect is followed. */
    default void onRedirect(Url from, Url to, int status) {
    }

    /** The socket is closed. */
    default void onClosed(int descriptor) {
    }
}
