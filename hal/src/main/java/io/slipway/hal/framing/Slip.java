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
    private static final long LOWS = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long ENDS = 0xC0C0_C0C0_C0C0_C0C0L;
    private static final long ESCS = 0xDBDB_DBDB_DBDB_DBDBL;

    private Slip() {
    }

    /**
     * The index of the first END or ESC in {@code b[from..end)}, or {@code end}. Eight bytes at a
     * time (little-endian, so the lowest byte comes first): {@link #zeroBytes} of
     * {@code word ^ 0xC0..} marks the bytes equal to END, of {@code word ^ 0xDB..} those equal to
     * ESC, and the lowest mark is the first special byte.
     */
    static int nextSpecial(byte[] b, int from, int end) {
        int i = from;
        for (int wide = end - 7; i < wide; i += 8) {
            long word = (long) LONGS.get(b, i);
            long marks = zeroBytes(word ^ ENDS) | zeroBytes(word ^ ESCS);
            if (marks != 0) {
                return i + (Long.numberOfTrailingZeros(marks) >>> 3);
            }
        }
        while (i < end && b[i] != END && b[i] != ESC) {
            i++;
        }
        return i;
    }

    /** 0x80 in each byte of {@code v} that is zero, 0 in the others: exact, with no carries between bytes. */
    private static long zeroBytes(long v) {
        long t = (v & LOWS) + LOWS; // a byte's high bit set here iff its low seven bits are not all 0
        return ~(t | v | LOWS);
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
            at = copy(src, run, dst, at, i - run);
            dst[at++] = ESC;
            dst[at++] = src[i] == END ? ESC_END : ESC_ESC;
            run = i + 1;
        }
        return copy(src, run, dst, at, end - run);
    }

    /** Copies a run; a short one byte by byte, which costs less than a call to arraycopy. */
    private static int copy(byte[] src, int from, byte[] dst, int at, int n) {
        if (n < 16) {
            for (int k = 0; k < n; k++) {
                dst[at + k] = src[from + k];
            }
        } else {
            System.arraycopy(src, from, dst, at, n);
        }
        return at + n;
    }
}
