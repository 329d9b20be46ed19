package io.slipway.driver.cslip;

/**
 * Reads the {@link Deltas} of one compressed header, never past its end: a read that would go
 * beyond it returns 0 and marks the header truncated, so the caller checks once at the end.
 * Reused for every packet.
 */
final class DeltaReader {
    private byte[] bytes;
    private int at;
    private int end;
    private boolean truncated;

    /** Starts reading {@code bytes[at..end)}. */
    DeltaReader wrap(byte[] bytes, int at, int end) {
        this.bytes = bytes;
        this.at = at;
        this.end = end;
        this.truncated = false;
        return this;
    }

    /** The next value, 0..65535; 0 and {@link #truncated()} when the bytes ran out. */
    int next() {
        if (at >= end) {
            truncated = true;
            return 0;
        }
        int first = bytes[at] & 0xFF;
        if (first != 0) {
            at++;
            return first;
        }
        if (end - at < 3) {
            truncated = true;
            at = end;
            return 0;
        }
        int value = (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF);
        at += 3;
        return value;
    }

    boolean truncated() {
        return truncated;
    }

    /** Where the next byte after the deltas read so far is: the packet's data, once all are read. */
    int position() {
        return at;
    }
}
