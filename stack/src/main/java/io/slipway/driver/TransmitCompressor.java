package io.slipway.driver;

/**
 * Rewrites each frame at the moment it goes to the adapter, in the order frames go on the line:
 * RFC 1144's compressor must see packets in line order, since each compressed header is a delta
 * from the one before it (and may omit a connection number that the one before it gave), so it
 * sits below the {@link LanDriver}'s backlog, whose low-delay lane reorders frames — as Linux's
 * slhc compresses in the slip driver's transmit, after the queueing discipline.
 *
 * <p>Two steps, so that the state moves only with frames the peer can receive: {@link #compress}
 * writes the frame and leaves the state as it was; {@link #commit} moves it on once the adapter
 * has put that frame on the line. RFC 1144's reference code (4.3BSD slstart) and Linux (sl_xmit)
 * compress only packets that go to the line; a frame the adapter refused (its queue full) or
 * dropped (the link down) never reached the peer's decompressor, and the next delta must not be
 * taken from it.
 */
public interface TransmitCompressor {
    /**
     * Writes the frame to send in place of {@code frame[off..off+len)} into {@code out} (room for
     * {@code len} bytes from 0) and returns its length, or returns -1 to send the frame as it is.
     * Changes no state: calling it again for the same frame gives the same bytes.
     */
    int compress(byte[] frame, int off, int len, byte[] out);

    /** The frame the last {@link #compress} call wrote (or passed as it is) went on the line. */
    void commit();
}
