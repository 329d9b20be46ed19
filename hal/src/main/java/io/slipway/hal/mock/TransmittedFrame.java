package io.slipway.hal.mock;

import java.util.Arrays;

/** A copy of one frame a {@link MockAdapter} accepted, with the clock time it was transmitted at. */
public final class TransmittedFrame {
    private final byte[] bytes;
    private final long atNanos;

    TransmittedFrame(byte[] bytes, long atNanos) {
        this.bytes = bytes;
        this.atNanos = atNanos;
    }

    /** The frame's bytes (the mock's own copy; changing it changes nothing else). */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    /** The adapter's clock when {@link MockAdapter#transmit} accepted the frame. */
    public long atNanos() {
        return atNanos;
    }

    @Override
    public String toString() {
        return "t=" + atNanos + " ns " + Hex.of(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransmittedFrame && ((TransmittedFrame) o).atNanos == atNanos
                && Arrays.equals(((TransmittedFrame) o).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Long.hashCode(atNanos);
    }
}
