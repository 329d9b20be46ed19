package io.slipway.hal.framing;

/** Receives each whole, valid frame a decoder finds. */
@FunctionalInterface
public interface FrameSink {
    /** {@code frame[off..off+len)} is valid only during the call; copy what must be kept. */
    void onFrame(byte[] frame, int off, int len);
}
