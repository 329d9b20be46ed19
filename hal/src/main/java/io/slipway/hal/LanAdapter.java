package io.slipway.hal;

import io.slipway.base.PacketBuffer;

/**
 * The LAN adapter a LAN driver controls: it puts frames on the link and takes frames off it.
 *
 * <p>Frame level: a frame is what the medium carries (an IP packet for {@link Medium#IP}, an
 * Ethernet II frame without FCS for {@link Medium#ETHERNET}); framing such as SLIP or the FCS is
 * the adapter's business. The stack thread calls {@link #transmit} and {@link #receive} with
 * buffers it owns and lends; nothing is allocated per frame and the adapter keeps no reference to
 * the caller's arrays, unless it {@linkplain #exchangesArrays exchanges arrays} with exchangeable
 * buffers: then it takes their arrays in trade for its own. Whatever happens on the link, these
 * methods do not throw for a peer's bad input: bad frames are dropped and counted in
 * {@link #counters()}.
 *
 * <p>An adapter reports readiness through the wake-up it is given ({@link #setWakeup}: a frame
 * arrived, transmit space freed, the link changed) and, for adapters that model time such as the
 * loopback cable, through {@link #nextEventNanos()}.
 */
public interface LanAdapter extends AutoCloseable {
    /** A short name for logs and stats, e.g. {@code ttyUSB0} or {@code cable0.a}. */
    String name();

    Medium medium();

    /** Largest payload (IP packet) a frame carries. */
    int mtu();

    /**
     * Largest packet a frame carries: the MTU, or more on an adapter with segmentation offload,
     * which carries a TCP segment of up to this many bytes whole, as Linux's loopback device
     * does with TSO and GSO on (its 64 KiB segments cross as they are and are taken up as one).
     * The adapter does not look into frames: the stack sends packets above the MTU only as TCP
     * segments cut to the MSS's multiples.
     */
    default int segmentOffloadLength() {
        return mtu();
    }

    /**
     * Whether the adapter vouches for the bytes it carries, so that TCP neither computes nor
     * verifies its checksum over them: checksum offload, as a network card sums and checks in
     * hardware and as Linux's loopback device marks its packets as checked. A stack that
     * forwards a packet from such an adapter to one without it sums it first.
     */
    default boolean checksumOffload() {
        return false;
    }

    /** Largest frame: the largest packet ({@link #segmentOffloadLength}) plus the medium's link header. */
    default int maxFrameLength() {
        return segmentOffloadLength() + medium().headerLength();
    }

    /** Whether the link is up (carrier present, port open). Frames sent while down are dropped. */
    boolean isLinkUp();

    /**
     * Whether {@link #transmit} would take a frame of up to {@link #maxFrameLength()} bytes now.
     */
    boolean canTransmit();

    /**
     * Queues one frame for transmission, copying it. Returns false, taking nothing, when the
     * transmit queue is full: the caller keeps the frame and tries again after a wake-up. A frame
     * longer than {@link #maxFrameLength()} or sent while the link is down is accepted, dropped and
     * counted as a drop ({@link DropReason#TX_TOO_LONG}, {@link DropReason#LINK_DOWN}), not as a
     * frame out: {@code FRAMES_OUT} counts only frames that go on the link.
     */
    boolean transmit(byte[] frame, int off, int len);

    /**
     * Takes the next received frame into {@code into[off..off+maxLen)}. Returns its length, or -1
     * when no frame is waiting. A frame longer than {@code maxLen} is dropped and counted
     * ({@link DropReason#BUFFER_TOO_SMALL}), and the next one is tried.
     */
    int receive(byte[] into, int off, int maxLen);

    /**
     * Whether this adapter trades arrays with {@linkplain PacketBuffer#isExchangeable exchangeable}
     * buffers in {@link #transmit(PacketBuffer)} and {@link #receive(PacketBuffer, int)} instead of
     * copying frames: a driver then receives into such a buffer. An adapter wrapping another
     * ({@link ForwardingAdapter}) does not, unless it says so: it sees every frame copied.
     */
    default boolean exchangesArrays() {
        return false;
    }

    /**
     * Queues the frame in {@code frame}'s window, as {@link #transmit(byte[], int, int)} does. An
     * adapter that {@linkplain #exchangesArrays exchanges arrays} may, when the buffer is
     * exchangeable, keep the buffer's array and give it one of its own in exchange: after this
     * returns true the buffer's bytes are no longer the frame's. Refused (false), the buffer is
     * as it was.
     */
    default boolean transmit(PacketBuffer frame) {
        return transmit(frame.data(), frame.offset(), frame.length());
    }

    /**
     * Takes the next received frame into {@code into}, as {@link #receive(byte[], int, int)} does
     * at {@code headroom}, and sets the buffer's window to it; returns its length, or -1. An
     * adapter that {@linkplain #exchangesArrays exchanges arrays} may instead give an
     * exchangeable buffer the array the frame is in, taking the buffer's own: the frame then
     * starts at least {@code headroom} bytes in.
     */
    default int receive(PacketBuffer into, int headroom) {
        int len = receive(into.data(), headroom, into.capacity() - headroom);
        if (len >= 0) {
            into.set(headroom, len);
        }
        return len;
    }

    /**
     * The receive losses ({@link DropReason#isReceiveLoss}) found before the frame the last
     * {@link #receive} returned, in the order the line delivered them: a count that grows by the
     * losses between that frame and the one before it. RFC 1144 §4.1 wants the framer's error
     * reported at its place in the frame stream; {@link LinkCounters#receiveLosses()} counts a loss
     * when the reader finds it, ahead of frames still queued before it. An adapter that queues
     * frames records this with each one; the default, the counters as they are, is right for an
     * adapter that finds every loss inside {@link #receive}.
     */
    default long receiveLossesBefore() {
        return counters().receiveLosses();
    }

    /**
     * When this adapter next has something to do by itself (a frame in flight arrives, a queued
     * frame finishes leaving), in {@link io.slipway.base.Clock} nanoseconds, or
     * {@link io.slipway.base.Clock#NEVER} when it signals only through the wake-up.
     */
    long nextEventNanos();

    /**
     * Sets what to call, from any thread, when a frame has arrived, transmit space has been freed
     * or the link has changed. It must be quick and must not call back into the adapter.
     */
    void setWakeup(Runnable wakeup);

    LinkCounters counters();

    /** Stops the adapter and releases its port or threads. Idempotent. */
    @Override
    void close();
}
