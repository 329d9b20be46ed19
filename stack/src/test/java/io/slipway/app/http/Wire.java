package io.slipway.app.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Bytes of the wire as test text: every char one octet (ISO-8859-1), so "\r\n" is CRLF. */
final class Wire {
    private Wire() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A parser fed the whole text in one call. */
    static RequestParser parsedWhole(HttpLimits limits, String text) {
        RequestParser p = new RequestParser(limits);
        byte[] b = bytes(text);
        p.feed(b, 0, b.length);
        return p;
    }

    static RequestParser parsedWhole(String text) {
        return parsedWhole(HttpLimits.DEFAULT, text);
    }

    /** A parser fed one byte per call, as long as it takes them. */
    static RequestParser parsedByteByByte(HttpLimits limits, String text) {
        RequestParser p = new RequestParser(limits);
        byte[] b = bytes(text);
        for (int i = 0; i < b.length && p.feed(b, i, 1) == 1; i++) {
            // feed on
        }
        return p;
    }

    /** What a parser ended with, as text to compare: the request and its framing, or the failure status. */
    static String outcome(RequestParser p) {
        return switch (p.state()) {
            case HEAD_DONE -> "HEAD_DONE " + p.request() + "\n" + p.request().headers() + "length " + p.contentLength();
            case FAILED -> "FAILED " + p.failureStatus();
            default -> "NEED_MORE";
        };
    }

    static ResponseReader reader(String text) {
        return new ResponseReader(new ByteArrayInputStream(bytes(text)), HttpLimits.DEFAULT);
    }

    static ResponseReader reader(HttpLimits limits, String text) {
        return new ResponseReader(new ByteArrayInputStream(bytes(text)), limits);
    }

    /** A reader over a stream that gives one byte per read, as a slow connection would. */
    static ResponseReader tricklingReader(String text) {
        return new ResponseReader(new OneByteAtATime(bytes(text)), HttpLimits.DEFAULT);
    }

    static String readAll(InputStream body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[7];
        for (int n; (n = body.read(buf)) >= 0; ) {
            out.write(buf, 0, n);
        }
        return text(out.toByteArray());
    }

    /** An InputStream that returns at most one byte from each read. */
    static final class OneByteAtATime extends InputStream {
        private final byte[] data;
        private int position;

        OneByteAtATime(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }
}
