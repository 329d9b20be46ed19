package io.slipway.driver;

import io.slipway.base.Counters;
import io.slipway.base.FrameRing;
import io.slipway.base.PacketBuffer;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.Medium;

/**
 * The LAN driver of one adapter, run on the stack thread.
 *
 * <p>Receive: {@link #poll} takes up to a budget of frames off the adapter into one reused buffer
 * and hands each to the {@link FrameReceiver}. Transmit: {@link #send} gives a frame to the
 * adapter, or, when the adapter's own queue is full, keeps a copy in a bounded backlog that
 * {@link #poll} flushes as the adapter frees space; a frame that finds the backlog full too is
 * dropped and counted. The backlog has two lanes: low-delay frames ({@link TrafficClass}: ACKs,
 * keystrokes, ARP) leave before bulk ones, each lane in order — on a 115200-baud line a second
 * of bulk frames would otherwise stand in front of every keystroke. Nothing here allocates after
 * construction.
 */
public final class LanDriver {
    /**
     * Room kept in front of every received frame for the largest link header, so a packet that
     * arrives on one link can leave by another (a router forwarding from SLIP to Ethernet) or be
     * answered in place without being copied.
     */
    public static final int RECEIVE_HEADROOM = EthernetHeader.LENGTH;

    private final LanAdapter adapter;
    private final PacketBuffer rx;
    private final FrameRing backlog;
    private final FrameRing lowDelayBacklog;
    private final byte[] backlogFrame;
    private final Counters<DriverEvent> events = new Counters<>(DriverEvent.class);
    private FrameReceiver receiver;
    /** Rewrites frames as they leave (RFC 1144 on a CSLIP line), or null. */
    private TransmitCompressor compressor;
    /** Where {@link #compressor} writes a frame; as long as the longest frame. */
    private final byte[] compressedFrame;
    /** The adapter's receive losses the receiver has been told of ({@link LanAdapter#receiveLossesBefore}). */
    private long receiveLossesSeen;
    /** The link state the receiver was last told about; starts down so "up" is reported once. */
    private boolean linkUp;

    /**
     * @param adapter the adapter this driver controls
     * @param backlogBytes bytes of transmit backlog (a power of two at least one frame plus 4)
     */
    public LanDriver(LanAdapter adapter, int backlogBytes) {
        this.adapter = adapter;
        // An adapter that trades arrays hands frames up in its own; they fit an exchangeable buffer.
        boolean exchange = adapter.exchangesArrays()
                && RECEIVE_HEADROOM + adapter.maxFrameLength() <= PacketBuffer.EXCHANGE_CAPACITY;
        this.rx = exchange ? PacketBuffer.exchangeable(RECEIVE_HEADROOM)
                : PacketBuffer.standalone(RECEIVE_HEADROOM + adapter.maxFrameLength(), RECEIVE_HEADROOM);
        this.backlog = new FrameRing(backlogBytes);
        if (backlog.maxFrameLength() < adapter.maxFrameLength()) {
            throw new IllegalArgumentException("backlog of " + backlogBytes
                    + " bytes cannot hold a frame of " + adapter.maxFrameLength());
        }
        this.backlogFrame = new byte[adapter.maxFrameLength()];
        this.compressedFrame = new byte[adapter.maxFrameLength()];
        // A quarter of the backlog, at least a frame: low-delay frames are few and small.
        int lowDelayBytes = Math.max(backlogBytes / 4, Integer.highestOneBit(adapter.maxFrameLength() + 4) * 2);
        this.lowDelayBacklog = new FrameRing(lowDelayBytes);
    }

    public LanAdapter adapter() {
        return adapter;
    }

    public Medium medium() {
        return adapter.medium();
    }

    public int mtu() {
        return adapter.mtu();
    }

    /** The largest packet the adapter carries whole ({@link LanAdapter#segmentOffloadLength}). */
    public int segmentOffloadLength() {
        return adapter.segmentOffloadLength();
    }

    /** Whether the adapter vouches for the bytes it carries ({@link LanAdapter#checksumOffload}). */
    public boolean checksumOffload() {
        return adapter.checksumOffload();
    }

    public void setReceiver(FrameReceiver receiver) {
        this.receiver = receiver;
    }

    public Counters<DriverEvent> events() {
        return events;
    }

    /**
     * Has every frame rewritten by {@code compressor} as it goes to the adapter, after the
     * backlog, so in line order ({@link TransmitCompressor}); null for none.
     */
    public void setTransmitCompressor(TransmitCompressor compressor) {
        this.compressor = compressor;
    }

    /**
     * Sends one frame, copying it. Frames keep their order: while older frames wait in the
     * backlog, new ones queue behind them. Returns false when the frame was dropped: the backlog
     * was full, or the frame was longer than the link takes.
     */
    public boolean send(byte[] frame, int off, int len) {
        return send(frame, off, len, null);
    }

    /**
     * Sends the packet in {@code buffer}'s window, as {@link #send(byte[], int, int)}. An
     * exchangeable buffer that goes to the adapter at once may trade its array for one of the
     * adapter's ({@link LanAdapter#transmit(PacketBuffer)}): its bytes are then gone, its window
     * as it was.
     */
    public boolean send(PacketBuffer buffer) {
        return send(buffer.data(), buffer.offset(), buffer.length(), buffer.isExchangeable() ? buffer : null);
    }

    /** {@code whole}: the exchangeable buffer whose window the frame is, or null. */
    private boolean send(byte[] frame, int off, int len, PacketBuffer whole) {
        if (len > backlogFrame.length) {
            // Too long for the link: the adapter drops it and counts TX_TOO_LONG.
            adapter.transmit(frame, off, len);
            return false;
        }
        boolean lowDelay = TrafficClass.isLowDelay(adapter.medium(), frame, off, len);
        // A frame queues behind its own lane and, if bulk, behind the low-delay one too.
        boolean mayGoNow = lowDelayBacklog.isEmpty() && (lowDelay || backlog.isEmpty());
        // With a compressor, ask first: compressing a frame the adapter then refuses is wasted work.
        if (mayGoNow && (compressor == null || adapter.canTransmit()) && transmitNow(frame, off, len, whole)) {
            return true;
        }
        if ((lowDelay ? lowDelayBacklog : backlog).offer(frame, off, len)) {
            events.increment(lowDelay ? DriverEvent.BACKLOGGED_LOW_DELAY : DriverEvent.BACKLOGGED);
            return true;
        }
        events.increment(DriverEvent.BACKLOG_FULL);
        return false;
    }

    /** Whether frames are waiting for the adapter's queue to free space. */
    public boolean hasBacklog() {
        return !backlog.isEmpty() || !lowDelayBacklog.isEmpty();
    }

    /**
     * Flushes the backlog as far as the adapter takes it, then delivers up to {@code budget}
     * received frames. Returns the number delivered: equal to the budget when more may be waiting.
     */
    public int poll(long nowNanos, int budget) {
        boolean up = adapter.isLinkUp();
        if (up != linkUp && receiver != null) {
            linkUp = up;
            receiver.onLinkStateChanged(this, up, nowNanos);
        }
        flushBacklog();
        int delivered = 0;
        while (delivered < budget) {
            // The window is set by the adapter: at RECEIVE_HEADROOM, or further in for a frame
            // whose array an exchanging adapter handed over as it was sent.
            if (adapter.receive(rx, RECEIVE_HEADROOM) < 0) {
                break;
            }
            delivered++;
            reportReceiveLosses(nowNanos);
            if (receiver == null) {
                events.increment(DriverEvent.NO_RECEIVER);
            } else {
                receiver.onFrame(this, rx, nowNanos);
            }
        }
        return delivered;
    }

    /** When the adapter next has something to do by itself ({@link LanAdapter#nextEventNanos}). */
    public long nextDeadline() {
        return adapter.nextEventNanos();
    }

    /**
     * Gives a frame to the adapter, rewritten by the compressor if there is one. The compressor's
     * state moves on only if the frame went on the line, which the adapter tells by counting it a
     * frame out ({@link LanAdapter#transmit}): not when it refused the frame (it may wait and be
     * compressed again), nor when it took and dropped it because the link was down. RFC 1144's
     * compressor, as 4.3BSD's and Linux's, sees only packets that go to the line; one the peer never
     * got would make the next delta wrong there, with nothing to tell it to toss (§4.1).
     */
    private boolean transmitNow(byte[] frame, int off, int len, PacketBuffer whole) {
        if (compressor == null) {
            return whole != null ? adapter.transmit(whole) : adapter.transmit(frame, off, len);
        }
        int n = compressor.compress(frame, off, len, compressedFrame);
        long framesOut = adapter.counters().framesOut();
        boolean taken = n >= 0 ? adapter.transmit(compressedFrame, 0, n) : adapter.transmit(frame, off, len);
        if (adapter.counters().framesOut() != framesOut) {
            compressor.commit();
        }
        return taken;
    }

    /**
     * Tells the receiver of losses just before the first frame that followed them on the line
     * (RFC 1144 §4.1: the framer reports an error at its place in the frame stream, where
     * sl_uncompress_tcp gets TYPE_ERROR). The adapter's counters are no guide: it counts a loss
     * when it finds it, while frames that arrived before it may still wait in its queue, and a
     * toss raised then would throw those good frames away, or be cleared by one of them too soon.
     * A loss with no frame after it yet is told with that frame: until a frame comes there is
     * nothing for the decompressor to toss.
     */
    private void reportReceiveLosses(long nowNanos) {
        long losses = adapter.receiveLossesBefore();
        if (losses != receiveLossesSeen) {
            receiveLossesSeen = losses;
            if (receiver != null) {
                receiver.onReceiveLoss(this, nowNanos);
            }
        }
    }

    private void flushBacklog() {
        while (hasBacklog() && adapter.canTransmit()) {
            FrameRing lane = lowDelayBacklog.isEmpty() ? backlog : lowDelayBacklog;
            int len = lane.poll(backlogFrame, 0, backlogFrame.length);
            if (!transmitNow(backlogFrame, 0, len, null)) {
                // canTransmit promised room for a maximum frame; an adapter that breaks that
                // promise loses this frame rather than reordering the ones behind it.
                events.increment(DriverEvent.BACKLOG_FULL);
            }
        }
    }
}
