package io.slipway.app.http;

/** No body: a response to HEAD, a 1xx, 204 or 304 (RFC 9112 §6.3 item 1), a 2xx to CONNECT (item 2). */
final class EmptyBody extends BodyStream {
    @Override
    int readSome(byte[] b, int off, int len) {
        return -1;
    }
}
