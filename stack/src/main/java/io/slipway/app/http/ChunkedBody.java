package io.slipway.app.http;

import java.io.IOException;

/**
 * A chunked body (RFC 9112 §7.1), decoded by a {@link ChunkedDecoder}: gives the chunk data,
 * reads and discards extensions and trailers. The connection closing before the last chunk and
 * its final CRLF is an error, not the end (RFC 9112 §8).
 */
final class ChunkedBody extends BodyStream {
    private final ByteSource source;
    private final ChunkedDecoder decoder;

    ChunkedBody(ByteSource source, ChunkedDecoder decoder) {
        this.source = source;
        this.decoder = decoder;
    }

    @Override
    int readSome(byte[] b, int off, int len) throws IOException {
        while (true) {
            switch (decoder.state()) {
                case DONE:
                    return -1;
                case FAILED:
                    throw new HttpProtocolException(decoder.failureReason());
                case DATA:
                    fillOrFail();
                    int n = source.take(b, off, (int) Math.min(len, decoder.dataRemaining()));
                    decoder.dataTaken(n);
                    return n;
                default:
                    fillOrFail();
                    source.skip(decoder.feed(source.buffer, source.position, source.available()));
                    break;
            }
        }
    }

    private void fillOrFail() throws IOException {
        if (!source.fill()) {
            throw new HttpProtocolException("connection closed within a chunked body after "
                    + decoder.dataBytes() + " declared bytes (RFC 9112 §8)");
        }
    }
}
