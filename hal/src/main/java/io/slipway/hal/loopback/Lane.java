package io.slipway.hal.loopback;

import io.slipway.base.Clock;
import io.slipway.base.PacketBuffer;
import io.slipway.hal.DropReason;
import io.slipway.hal.framing.FrameDecoder;
import io.slipway.hal.framing.FrameEncoder;
import io.slipway.hal.framing.FrameSink;
import io.slipway.hal.framing.Framing;
import java.util.SplittableRandom;

/**
 * One direction of a {@link LoopbackCable}: the sender's transmit queue and line, the frames in
 * flight, and the receiver's decoder and receive queue.
 *
 * <p><b>Threads.</b> One thread sends (the sending end's stack) and one receives (the receiving
 * end's stack); the link may be switched from a third. The lane's state (slot pool, frames in
 * flight, random stream, decoder) is touched only under this lane's monitor, held for a few
 * microseconds at most; the two directions never contend. Within a direction the sender takes
 * it per frame, the receiver only once per batch: it takes queued frames from the
 * {@link ReceiveQueue} without it. Measured on the unpaced cable, a lock per received frame had
 * the two threads spinning on this monitor for a fifth of the sender's time. On an unframed
 * cable the sender copies its frame before it takes the lock (see {@link #staging}). Wake-ups
 * are called after the monitor is released.
 *
 * <p><b>Determinism.</b> Every impairment is decided when a frame is accepted, from this lane's own
 * random stream, so the outcome depends only on the order of this lane's transmits and on the
 * clock, never on how the two directions interleave. Arrivals move off the wire lazily, in
 * arrival order: by a receive that finds the queue empty, or by a transmit that needs a slot. A
 * frame whose time has come waits in its slot while frames are queued ahead of it, so the slots
 * add to the receive queue's room, as a line's own buffering would; a receiver that stops
 * taking frames still overflows the queue once the slots run out.
 *
 * <p><b>Memory.</b> Frames in flight live in a fixed pool of {@link InFlightFrame} slots, ordered
 * by arrival in an index array; the encoder, decoder and receive queue are built once. On a
 * cable that {@linkplain LoopbackCable.Builder#exchangeArrays exchanges arrays}, every array is
 * {@link PacketBuffer#EXCHANGE_CAPACITY} long and frames change hands without a copy: the
 * sender's buffer trades its array for a free slot's, the slot's array goes to the receive queue
 * in trade for a free one, and the receiver's buffer trades its array for the queued frame's.
 * Each array has one owner at a time; each trade happens under this lane's lock or across the
 * receive queue's published positions, which order the two threads' accesses to it.
 */
final class Lane {
    /** transmit() outcomes. */
    private static final int REFUSED = 0;
    private static final int GONE = 1;
    private static final int IN_FLIGHT = 2;

    private final Clock clock;
    private final Impairments impairments;
    private final SplittableRandom random;
    private final CableCounters counters = new CableCounters();
    private final CableEnd sender;
    private final CableEnd receiver;
    private final int headerLength;
    /** Null when the cable is unframed: frames cross as they are. */
    private final FrameEncoder encoder;
    private final FrameDecoder decoder;
    private final TransmitLine line;
    /** Whether exchangeable buffers trade arrays with this lane instead of being copied. */
    private final boolean exchange;
    private final InFlightFrame[] slots;
    /** Stack of free slot indices. */
    private final int[] free;
    private int freeCount;
    /** Indices of the slots in flight, earliest arrival first; equal arrivals in transmit order. */
    private final int[] byArrival;
    private int inFlight;
    private final ReceiveQueue received;
    /**
     * On an unframed cable, the sending thread's own array, as large as a slot's: a frame is
     * copied into it before the lock is taken, and under the lock it changes places with the
     * slot's array. The copy of a 64 KiB frame (segmentation offload) under the lock kept the
     * receiver waiting for it; now the lock covers only the swap. Null on a framed cable, whose
     * encoder runs under the lock.
     */
    private byte[] staging;
    /** {@link CableEnd#receiveLossesBefore()} of the frame {@link #receive} last returned; its thread's. */
    private long lossesBefore;
    /** Arrival time of the frame the decoder is being fed, for the frames it finds. */
    private long decodingArrival;
    private boolean up = true;

    Lane(Clock clock, Framing framing, Impairments impairments, SplittableRandom random, CableEnd sender,
            CableEnd receiver, int transmitQueueFrames, int inFlightFrames, int receiveQueueFrames,
            boolean exchange) {
        this.clock = clock;
        this.impairments = impairments;
        this.random = random;
        this.sender = sender;
        this.receiver = receiver;
        this.headerLength = receiver.medium().headerLength();
        int maxFrame = receiver.maxFrameLength();
        this.exchange = exchange;
        int slotCapacity;
        int queuedCapacity = maxFrame;
        if (framing == null) {
            this.encoder = null;
            this.decoder = null;
            if (exchange && maxFrame > PacketBuffer.EXCHANGE_CAPACITY) {
                throw new IllegalArgumentException("frames of " + maxFrame + " bytes do not fit exchanged arrays of "
                        + PacketBuffer.EXCHANGE_CAPACITY);
            }
            slotCapacity = exchange ? PacketBuffer.EXCHANGE_CAPACITY : maxFrame;
            queuedCapacity = slotCapacity; // the two trade arrays
            this.staging = new byte[slotCapacity];
        } else {
            this.encoder = framing.newEncoder();
            this.decoder = framing.newDecoder(maxFrame, new Decoded(), receiver.counters());
            slotCapacity = encoder.maxWireLength(maxFrame);
        }
        this.line = new TransmitLine(impairments.baud(), transmitQueueFrames);
        this.slots = new InFlightFrame[inFlightFrames];
        this.free = new int[inFlightFrames];
        this.byArrival = new int[inFlightFrames];
        for (int i = 0; i < inFlightFrames; i++) {
            slots[i] = new InFlightFrame(slotCapacity);
            free[i] = inFlightFrames - 1 - i;
        }
        this.freeCount = inFlightFrames;
        this.received = new ReceiveQueue(receiveQueueFrames, queuedCapacity);
    }

    /** Puts {@code wireBytes} on the line; when they finish arriving. */
    private long onLine(long now, int wireBytes) {
        counters.addWireBytes(wireBytes);
        return line.send(now, wireBytes);
    }

    CableCounters counters() {
        return counters;
    }

    Impairments impairments() {
        return impairments;
    }

    /**
     * Takes a frame no longer than the sender's maximum. Returns false when the transmit queue or
     * the slot pool is full; a frame sent while the link is down is taken and dropped.
     */
    boolean transmit(byte[] frame, int off, int len) {
        if (staging != null) {
            // Wasted if the frame is then refused or lost, which is rare; the sender's thread only.
            System.arraycopy(frame, off, staging, 0, len);
        }
        return transmit(frame, off, len, null);
    }

    /**
     * As {@link #transmit(byte[], int, int)} for the frame in {@code frame}'s window; on a lane
     * that exchanges arrays an exchangeable buffer's array goes in flight as it is, and the
     * buffer gets the free slot's array in exchange.
     */
    boolean transmit(PacketBuffer frame) {
        if (!exchange || !frame.isExchangeable()) {
            return transmit(frame.data(), frame.offset(), frame.length());
        }
        return transmit(frame.data(), frame.offset(), frame.length(), frame);
    }

    /** {@code exchangeWith}: the buffer whose array goes in flight, or null for the staged copy. */
    private boolean transmit(byte[] frame, int off, int len, PacketBuffer exchangeWith) {
        int outcome;
        synchronized (this) {
            outcome = transmitLocked(frame, off, len, exchangeWith);
        }
        if (outcome == IN_FLIGHT) {
            // In real time the receiver's runner sleeps until nextEventNanos(): let it recompute.
            receiver.wake();
        }
        return outcome != REFUSED;
    }

    private int transmitLocked(byte[] frame, int off, int len, PacketBuffer exchangeWith) {
        if (!up) {
            sender.counters().dropped(DropReason.LINK_DOWN);
            return GONE;
        }
        long now = clock.nanos();
        line.retire(now);
        if (freeCount == 0) {
            // Frames that have already arrived leave the wire now, freeing their slots.
            advance(now);
        }
        if (line.isFull() || freeCount == 0) {
            return REFUSED;
        }
        sender.counters().transmitted(len);
        if (len - headerLength > impairments.mtuCap()) {
            // Sent by the sender, so it takes its time on the line, then vanishes.
            counters.increment(CableEvent.MTU_CAPPED);
            onLine(now, wireLength(frame, off, len));
            return GONE;
        }
        if (chance(impairments.loss())) {
            counters.increment(CableEvent.LOST);
            onLine(now, wireLength(frame, off, len));
            return GONE;
        }
        int index = free[--freeCount];
        InFlightFrame f = slots[index];
        if (encoder == null) {
            byte[] slotArray = f.bytes; // free, so nobody else holds it
            if (exchangeWith != null) {
                f.bytes = exchangeWith.exchange(slotArray);
                f.offset = off;
            } else {
                f.bytes = staging;
                staging = slotArray;
                f.offset = 0;
            }
            f.length = len;
        } else {
            f.length = encoder.encode(frame, off, len, f.bytes, 0);
            f.offset = 0;
        }
        long arrival = onLine(now, f.length) + impairments.propagationDelayNanos();
        if (chance(impairments.corruption()) && f.length > 0) {
            int bit = random.nextInt(f.length * 8);
            f.bytes[f.offset + (bit >>> 3)] ^= (byte) (1 << (bit & 7));
            counters.increment(CableEvent.CORRUPTED);
        }
        f.duplicate = chance(impairments.duplication());
        if (f.duplicate) {
            counters.increment(CableEvent.DUPLICATED);
        }
        if (chance(impairments.reorder())) {
            arrival += impairments.reorderHoldNanos();
            counters.increment(CableEvent.REORDERED);
        }
        f.arrivalNanos = arrival;
        insertByArrival(index);
        return IN_FLIGHT;
    }

    /** Whether {@link #transmit} would take a frame now. */
    synchronized boolean canTransmit() {
        long now = clock.nanos();
        line.retire(now);
        if (freeCount == 0) {
            advance(now);
        }
        return !line.isFull() && freeCount > 0;
    }

    /**
     * Takes the next arrived frame into {@code into[off..off+maxLen)}; returns its length or -1.
     * Frames longer than {@code maxLen} are dropped and counted. Receiving end's thread only.
     *
     * <p>Frames already queued are taken without this lane's lock ({@link ReceiveQueue} is a
     * single-consumer ring); only when the queue is empty is the lock taken, to move every frame
     * that has arrived since off the wire at once. Frames in flight arrive after every queued
     * one, so the order is the line's either way.
     */
    int receive(byte[] into, int off, int maxLen) {
        return receive(into, off, maxLen, null);
    }

    /**
     * Takes the next arrived frame into {@code into} at {@code headroom} and sets its window, as
     * {@link io.slipway.hal.LanAdapter#receive(PacketBuffer, int)}; on a lane that exchanges arrays an
     * exchangeable buffer gets the queued frame's array in exchange for its own.
     */
    int receive(PacketBuffer into, int headroom) {
        PacketBuffer exchangeInto = exchange && into.isExchangeable() ? into : null;
        int len = receive(into.data(), headroom, into.capacity() - headroom, exchangeInto);
        if (len >= 0 && exchangeInto == null) {
            into.set(headroom, len);
        }
        return len;
    }

    /** {@code exchangeInto}: the buffer {@code into} belongs to, when it may take the frame's array; else null. */
    private int receive(byte[] into, int off, int maxLen, PacketBuffer exchangeInto) {
        int n = takeQueued(into, off, maxLen, exchangeInto);
        if (n >= 0) {
            return n;
        }
        boolean freedSlot;
        synchronized (this) {
            freedSlot = advance(clock.nanos());
        }
        if (freedSlot) {
            // The sender was refused for want of a slot: transmit space has been freed.
            sender.wake();
        }
        return takeQueued(into, off, maxLen, exchangeInto);
    }

    private int takeQueued(byte[] into, int off, int maxLen, PacketBuffer exchangeInto) {
        while (!received.isEmpty()) {
            int len = received.peekLength();
            if (len > maxLen) {
                received.skip();
                receiver.counters().dropped(DropReason.BUFFER_TOO_SMALL);
                continue;
            }
            // Losses found before the frame was queued, and frames ahead of it dropped since.
            lossesBefore = received.peekLossMark() + receiver.counters().drops(DropReason.BUFFER_TOO_SMALL);
            int n = exchangeInto != null ? received.poll(exchangeInto, off) : received.poll(into, off);
            receiver.counters().received(n);
            return n;
        }
        return -1;
    }

    /**
     * The receive losses before the frame {@link #receive} last returned (LanAdapter's contract).
     * Read by the thread that called receive, which wrote it: no lock.
     */
    long receiveLossesBefore() {
        return lossesBefore;
    }

    /** The receiver's next event: the earliest frame waiting or in flight, or NEVER. */
    synchronized long nextArrivalNanos() {
        long next = received.isEmpty() ? Clock.NEVER : received.peekArrival();
        if (inFlight > 0) {
            next = Math.min(next, slots[byArrival[0]].arrivalNanos);
        }
        return next;
    }

    /**
     * The sender's next event: when the oldest queued frame finishes leaving, and, while the slot
     * pool is exhausted, when the first frame in flight arrives and frees a slot; or NEVER.
     */
    synchronized long nextSenderEventNanos() {
        line.retire(clock.nanos());
        long next = line.oldestDepartureNanos();
        if (freeCount == 0 && inFlight > 0) {
            next = Math.min(next, slots[byArrival[0]].arrivalNanos);
        }
        return next;
    }

    /**
     * Takes the lane up or down. Going down, frames that have already arrived are kept for the
     * receiver, and every frame still queued or in flight is lost.
     */
    synchronized void setUp(boolean nowUp) {
        if (up && !nowUp) {
            advance(clock.nanos());
            for (int i = 0; i < inFlight; i++) {
                free[freeCount++] = byArrival[i];
                counters.increment(CableEvent.LINK_DOWN_LOST);
            }
            inFlight = 0;
            line.clear();
            if (decoder != null) {
                // Whatever half frame the decoder held went with the line.
                decoder.reset();
            }
        }
        up = nowUp;
    }

    /** Frames the receive queue holds; for tests. */
    synchronized int receiveQueueSize() {
        return received.size();
    }

    /** Frames between transmit and arrival that will arrive (queued or on the wire); for tests. */
    synchronized int framesInFlight() {
        return inFlight;
    }

    /**
     * Moves every frame due by {@code now} off the wire, in arrival order, through the decoder
     * into the receive queue. Returns whether this freed a slot of an exhausted pool.
     */
    private boolean advance(long now) {
        boolean wasExhausted = freeCount == 0;
        while (inFlight > 0) {
            int index = byArrival[0];
            InFlightFrame f = slots[index];
            if (f.arrivalNanos > now) {
                break;
            }
            inFlight--;
            System.arraycopy(byArrival, 1, byArrival, 0, inFlight);
            if (f.duplicate) {
                deliver(f);
            }
            if (decoder == null) {
                // The last delivery hands the slot's array over instead of copying it.
                f.bytes = handOver(f);
            } else {
                deliver(f);
            }
            free[freeCount++] = index;
        }
        return wasExhausted && freeCount > 0;
    }

    private void deliver(InFlightFrame f) {
        if (decoder == null) {
            // A copy at the frame's own place, so a receiver can take its array as the original's.
            enqueue(f.bytes, f.offset, f.length, f.offset, f.arrivalNanos);
        } else {
            decodingArrival = f.arrivalNanos;
            decoder.accept(f.bytes, 0, f.length);
        }
    }

    private void enqueue(byte[] frame, int off, int len, int at, long arrivalNanos) {
        if (!received.offer(frame, off, len, at, arrivalNanos, lossMark())) {
            receiver.counters().dropped(DropReason.RX_QUEUE_FULL);
        }
    }

    /** Queues an unframed slot's frame without a copy; returns the array the slot keeps. */
    private byte[] handOver(InFlightFrame f) {
        byte[] kept = received.handOver(f.bytes, f.offset, f.length, f.arrivalNanos, lossMark());
        if (kept == f.bytes) {
            receiver.counters().dropped(DropReason.RX_QUEUE_FULL);
        }
        return kept;
    }

    /**
     * The receive losses so far, the mark a frame queued now carries. Under this lane's lock, as
     * every count summed here is: exact, in line order. Frames dropped by receive() itself are
     * added when a frame is taken, since they were ahead.
     */
    private long lossMark() {
        return receiver.counters().receiveLossesExcept(DropReason.BUFFER_TOO_SMALL);
    }

    /** Keeps the slots in flight sorted by arrival; a new frame goes after equal arrivals. */
    private void insertByArrival(int index) {
        long arrival = slots[index].arrivalNanos;
        int i = inFlight;
        while (i > 0 && slots[byArrival[i - 1]].arrivalNanos > arrival) {
            byArrival[i] = byArrival[i - 1];
            i--;
        }
        byArrival[i] = index;
        inFlight++;
    }

    private int wireLength(byte[] frame, int off, int len) {
        return encoder == null ? len : encoder.wireLength(frame, off, len);
    }

    /** Draws only for impairments that are on, so a perfect wire consumes no randomness. */
    private boolean chance(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    /** Where the decoder puts each frame it finds in the wire bytes. */
    private final class Decoded implements FrameSink {
        @Override
        public void onFrame(byte[] frame, int off, int len) {
            enqueue(frame, off, len, 0, decodingArrival);
        }
    }
}
