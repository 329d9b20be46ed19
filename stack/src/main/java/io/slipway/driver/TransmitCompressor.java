package io.slipway.driver;

/**
 * Rewrites each frame at the moment it goes to the adapter, in the order frames go on the line:
 * RFC 1144's compressor must see packets in line order, since each compressed header is a delta
 * from the one before it (and may omit a connection number that the one before it gave), so it
 * sits below the {@link LanDriver}'s backlog, whose low-delay lane reorders frames — as Linux's
 * slhc compresses in the slip driver's transmit, after the queueing discipline.
 */
@FunctionalInterface
public interface TransmitCompressor {
    /**
     * Writes the frame to send in place of {@code frame[off..off+len)} into {@code out} (room for
     * {@code len} bytes from 0) and returns its length, or returns -1 to send the frame as it is.
     * Called on the stack thread only when the adapter has room, so the frame will leave.
     */
    int compress(byte[] frame, int off, int len, byte[] out);
}
