package io.slipway.hal.framing;

/**
 * RFC 1055 ("A Nonstandard for Transmission of IP Datagrams over Serial Lines") special bytes and
 * byte stuffing, shared by both framings.
 */
final class Slip {
    /** Ends (and, sent first, also starts) a frame. */
    static final byte END = (byte) 0xC0;
    /** Escapes the next byte. */
    static final byte ESC = (byte) 0xDB;
    /** ESC ESC_END stands for a data byte equal to END. */
    static final byte ESC_END = (byte) 0xDC;
    /** ESC ESC_ESC stands for a data byte equal to ESC. */
    static final byte ESC_ESC = (byte) 0xDD;

    private Slip() {
    }

    /** Bytes {@code b[off..off+len)} take once stuffed. */
    static int stuffedLength(byte[] b, int off, int len) {
        int n = len;
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] == END || b[i] == ESC) {
                n++;
            }
        }
        return n;
    }

    /** Writes {@code src[off..off+len)} stuffed into {@code dst} at {@code at}; returns the new end. */
    static int stuff(byte[] src, int off, int len, byte[] dst, int at) {
        for (int i = off, end = off + len; i < end; i++) {
            byte b = src[i];
            if (b == END) {
                dst[at++] = ESC;
                dst[at++] = ESC_END;
            } else if (b == ESC) {
                dst[at++] = ESC;
                dst[at++] = ESC_ESC;
            } else {
                dst[at++] = b;
            }
        }
        return at;
    }
}
