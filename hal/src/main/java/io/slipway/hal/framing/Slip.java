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

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    private static final long ENDS = 0xC0C0_C0C0_C0C0_C0C0L;
    private static final long ESCS = 0xDBDB_DBDB_DBDB_DBDBL;

    private Slip() {
    }

    /**
     * The index of the first END or ESC in {@code b[from..end)}, or {@code end}. Eight bytes at a
     * time: {@code (v - 0x01..) & ~v & 0x80..} is non-zero exactly when a byte of {@code v} is
     * zero, so {@code v = word ^ 0xC0..} finds an END and {@code word ^ 0xDB..} an ESC.
     */
    static int nextSpecial(byte[] b, int from, int end) {
        int i = from;
        for (int wide = end - 7; i < wide; i += 8) {
            long word = (long) LONGS.get(b, i);
            long ends = word ^ ENDS;
            long escs = word ^ ESCS;
            long zeroBytes = ((ends - ONES) & ~ends | (escs - ONES) & ~escs) & HIGHS;
            if (zeroBytes != 0) {
                break; // one of these eight: find it below
            }
        }
        while (i < end && b[i] != END && b[i] != ESC) {
            i++;
        }
        return i;
    }

    /** Bytes {@code b[off..off+len)} take once stuffed. */
    static int stuffedLength(byte[] b, int off, int len) {
        int n = len;
        int end = off + len;
        for (int i = nextSpecial(b, off, end); i < end; i = nextSpecial(b, i + 1, end)) {
            n++;
        }
        return n;
    }

    /**
     * Writes {@code src[off..off+len)} stuffed into {@code dst} at {@code at}; returns the new end.
     * The runs between special bytes (all but 2 in 256 of random data) are copied whole.
     */
    static int stuff(byte[] src, int off, int len, byte[] dst, int at) {
        int end = off + len;
        int run = off;
        for (int i = nextSpecial(src, off, end); i < end; i = nextSpecial(src, run, end)) {
            System.arraycopy(src, run, dst, at, i - run);
            at += i - run;
            dst[at++] = ESC;
            dst[at++] = src[i] == END ? ESC_END : ESC_ESC;
            run = i + 1;
        }
        System.arraycopy(src, run, dst, at, end - run);
        return at + end - run;
    }
}
