package io.slipway.hal.framing;

/** Turns a frame into the bytes that go on the line. Not thread-safe: one writer uses it. */
public interface FrameEncoder {
    /** The most bytes a frame of {@code frameLength} can take on the line (every byte escaped). */
    int maxWireLength(int frameLength);

    /** The exact bytes this frame takes on the line, framing and escaping included. */
    int wireLength(byte[] frame, int off, int len);

    /**
     * Encodes the frame into {@code dst} at {@code dstOff}, which must have
     * {@link #maxWireLength(int)} bytes of room; returns how many bytes were written.
     */
    int encode(byte[] frame, int off, int len, byte[] dst, int dstOff);
}
