package io.slipway.hal.framing;

/**
 * Turns the bytes read from a line back into frames, delivering each valid one to its
 * {@link FrameSink} and counting each bad one. Never throws for what the line delivers; memory is
 * fixed at construction. Not thread-safe: one reader feeds it.
 */
public interface FrameDecoder {
    /** Feeds one byte from the line. */
    void accept(byte b);

    /** Feeds bytes from the line. */
    default void accept(byte[] bytes, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            accept(bytes[i]);
        }
    }

    /** Forgets a half-received frame (the line was reopened); it is not counted. */
    void reset();
}
