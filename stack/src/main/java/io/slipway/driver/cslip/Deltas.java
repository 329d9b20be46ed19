package io.slipway.driver.cslip;

/**
 * RFC 1144 §3.2.3's encoding of a changed field: a value of 1..255 in one byte; 0 or 256..65535
 * as a 0 byte followed by the value in two bytes, most significant first. Deltas that are sent
 * only when not zero (window, acknowledgment, sequence) never need the zero case; the urgent
 * pointer and the IP identification delta may be 0 and then take the three-byte form.
 */
final class Deltas {
    /** The most bytes the deltas of one packet take: five fields of three bytes (U, W, A, S, I). */
    static final int MAX_BYTES = 15;

    private Deltas() {
    }

    /** Writes {@code value} (0..65535) at {@code at}; returns where the next byte goes. */
    static int put(int value, byte[] out, int at) {
        if (value == 0 || value > 0xFF) {
            out[at] = 0;
            out[at + 1] = (byte) (value >>> 8);
            out[at + 2] = (byte) value;
            return at + 3;
        }
        out[at] = (byte) value;
        return at + 1;
    }
}
