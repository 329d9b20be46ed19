package io.slipway.hal.serial;

import io.slipway.base.ByteRing;
import io.slipway.base.Bytes;
import io.slipway.base.Clock;
import io.slipway.base.FrameRing;
import io.slipway.hal.DropReason;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;
import io.slipway.hal.framing.FrameDecoder;
import io.slipway.hal.framing.FrameEncoder;
import io.slipway.hal.framing.Framing;
import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link LanAdapter} over a {@link SerialLine}: frames go out encoded by a {@link Framing} (SLIP,
 * RFC 1055, or Ethernet over serial) and come back through its decoder.
 *
 * <pre>
 *   stack thread                       reader thread                 the line
 *   receive() ◀── FrameRing (SPSC) ◀── FrameDecoder ◀── read() ◀────── bytes in
 *   transmit() ─▶ encode ─▶ ByteRing (SPSC) ──▶ writer thread ─▶ write() ──▶ bytes out
 * </pre>
 *
 * <p>The stack thread never touches the line, so it never blocks on it: the reader thread does
 * semi-blocking reads into one reused array and feeds the decoder, which offers whole frames to the
 * receive ring and then calls the wake-up; the writer thread drains the transmit ring to the line,
 * parking when it is empty, and calls the wake-up when it has freed room the stack was waiting for.
 * Nothing is allocated per frame on any of the three threads.
 *
 * <p>The line has no flow control (SLIP has none, and the port is opened without RTS/CTS): a frame
 * that finds the receive ring full is dropped ({@link DropReason#RX_QUEUE_FULL}), as a NIC drops
 * when its receive descriptors run out; TCP above recovers it. Transmit is back-pressured instead:
 * {@link #transmit} returns false when the encoded frame does not fit.
 *
 * <p>The link is up while the line is open. When the line fails or the other end hangs up, the
 * adapter counts {@link DropReason#LINE_ERROR} once, takes the link down, closes the line and calls
 * the wake-up; it does not reopen the line.
 *
 * <p>Counters, each with a single writer thread (as {@link io.slipway.base.Counters} requires):
 * <ul>
 *   <li>reader thread: {@code FRAME_TOO_LONG}, {@code BAD_ESCAPE}, {@code BAD_FCS}, {@code RUNT}
 *       (from the decoder), {@code RX_QUEUE_FULL}, {@code LINE_ERROR};
 *   <li>stack thread, in {@link #receive}: frames and bytes in, {@code BUFFER_TOO_SMALL};
 *   <li>stack thread, in {@link #transmit}: frames and bytes out, {@code TX_TOO_LONG},
 *       {@code LINK_DOWN};
 *   <li>writer thread: none (a write failure closes the line, and the reader counts it).
 * </ul>
 */
public final class SerialAdapter implements LanAdapter {
    /**
     * SLIP's MTU: RFC 1055 suggests 1006 bytes, the largest packet of the Berkeley UNIX SLIP
     * drivers, "including the IP and transport protocol headers (not including the framing
     * characters themselves)".
     */
    public static final int SLIP_MTU = 1006;
    /** Ethernet's MTU (RFC 894): 1500 bytes of payload after the 14-byte header. */
    public static final int ETHERNET_MTU = 1500;
    /** Default size of a ring: 64 KiB holds dozens of full-size frames (the transmit ring of {@link #SerialAdapter(SerialLine, Framing)}). */
    public static final int DEFAULT_RING_BYTES = 1 << 16;
    /**
     * Default size of the receive ring: 128 KiB, so that it holds a whole TCP receive window of
     * 64 KiB (slipway's default) in full-size frames with their 12-byte marks — 68 SLIP frames of
     * 1006 bytes take 69 KB. A ring smaller than the window drops frames the window invited
     * whenever the stack thread falls that far behind: on the unpaced pty of benchmark 2, 1 to
     * 25 frames a mebibyte with 64 KiB.
     */
    public static final int DEFAULT_RECEIVE_RING_BYTES = 1 << 17;

    /** Bytes taken from the line per read; a semi-blocking read returns whatever is there. */
    private static final int READ_CHUNK = 4096;
    /** Bytes handed to the line per write. */
    private static final int WRITE_CHUNK = 4096;
    /** How long close() waits for each thread to finish. */
    private static final long JOIN_MILLIS = 5_000;
    private static final Runnable NO_WAKEUP = () -> { };

    private final SerialLine line;
    private final Medium medium;
    private final int mtu;
    private final int maxFrameLength;
    private final LinkCounters counters = new LinkCounters();

    /**
     * Bytes in front of each frame in {@link #receiveRing}: the receive losses the reader had
     * found when it queued the frame (RFC 1144 §4.1: a loss is told at its place in the stream).
     */
    private static final int MARK = 8;

    /** Decoded frames, each behind its {@link #MARK}: the reader thread offers, the stack thread polls. */
    private final FrameRing receiveRing;
    /** Reader thread: the mark of the frame it is offering. */
    private final byte[] markOut = new byte[MARK];
    /** Stack thread: the mark of the frame it took. */
    private final byte[] markIn = new byte[MARK];
    /** Stack thread: {@link #receiveLossesBefore()} of the frame {@link #receive} last returned. */
    private long lossesBefore;
    /** Owned by the reader thread. */
    private final FrameDecoder decoder;
    /** Reader thread only: a frame was offered since the last wake-up. */
    private boolean delivered;

    /** Encoded bytes: the stack thread writes, the writer thread reads. */
    private final ByteRing transmitRing;
    /** Owned by the stack thread, as is the scratch array it encodes into. */
    private final FrameEncoder encoder;
    private final byte[] encoded;
    /** The most bytes a frame of {@link #maxFrameLength} takes on the line. */
    private final int maxWireLength;

    private final Thread reader;
    private final Thread writer;
    private volatile Runnable wakeup = NO_WAKEUP;
    /** Invariant: false once the line has failed or the adapter is closed; never true again. */
    private volatile boolean linkUp = true;
    /** False once close() began: the threads then stop and a line error is expected, not counted. */
    private volatile boolean running = true;
    /** The stack found too little transmit room and waits for a wake-up when the writer frees some. */
    private volatile boolean transmitWaiting;
    private final AtomicReference<IOException> lineError = new AtomicReference<>();

    /**
     * A transmit ring of two encoded frames of {@code mtu} at most (a power of two): enough to
     * keep the line busy while the stack hands over the next frame, and no more, so that the LAN
     * driver's queue, which sends low-delay frames first, is where frames wait. A deep ring here
     * would put a keystroke behind seconds of bulk data on a slow line (64 KiB is 5.7 s at 115200
     * baud). The operating system's own serial buffer below it still adds its delay.
     */
    public static int transmitRingFor(Framing framing, int mtu) {
        int maxWire = framing.newEncoder().maxWireLength(mtu + framing.medium().headerLength());
        return Integer.highestOneBit(2 * maxWire - 1) << 1;
    }

    /** An adapter with the framing's usual MTU ({@link #SLIP_MTU} or {@link #ETHERNET_MTU}). */
    public SerialAdapter(SerialLine line, Framing framing) {
        this(line, framing, defaultMtu(framing), DEFAULT_RECEIVE_RING_BYTES, DEFAULT_RING_BYTES);
    }

    /**
     * An adapter whose receive ring holds {@code receiveRingBytes} (frames plus 12 bytes each) and
     * whose transmit ring holds {@code transmitRingBytes} of encoded bytes; both powers of two, large
     * enough for one frame of {@code mtu} plus the medium's header. Starts its two threads.
     */
    public SerialAdapter(SerialLine line, Framing framing, int mtu, int receiveRingBytes, int transmitRingBytes) {
        this.line = Objects.requireNonNull(line, "line");
        Objects.requireNonNull(framing, "framing");
        if (mtu < 1) {
            throw new IllegalArgumentException("mtu must be positive: " + mtu);
        }
        this.medium = framing.medium();
        this.mtu = mtu;
        this.maxFrameLength = mtu + medium.headerLength();
        this.receiveRing = new FrameRing(receiveRingBytes);
        if (receiveRing.maxFrameLength() < MARK + maxFrameLength) {
            throw new IllegalArgumentException("receive ring of " + receiveRingBytes
                    + " bytes cannot hold a frame of " + maxFrameLength);
        }
        this.decoder = framing.newDecoder(maxFrameLength, this::offerReceived, counters);
        this.encoder = framing.newEncoder();
        this.maxWireLength = encoder.maxWireLength(maxFrameLength);
        this.encoded = new byte[maxWireLength];
        this.transmitRing = new ByteRing(transmitRingBytes);
        if (transmitRingBytes < maxWireLength) {
            throw new IllegalArgumentException("transmit ring of " + transmitRingBytes
                    + " bytes cannot hold an encoded frame of up to " + maxWireLength);
        }
        String name = line.name();
        this.reader = new Thread(this::readLoop, "slipway-serial-rx-" + name);
        this.writer = new Thread(this::writeLoop, "slipway-serial-tx-" + name);
        reader.setDaemon(true);
        writer.setDaemon(true);
        // Started last: Thread.start() publishes every field assigned above to the new threads.
        reader.start();
        writer.start();
    }

    /** {@link #SLIP_MTU} for a medium without link header, else {@link #ETHERNET_MTU}. */
    public static int defaultMtu(Framing framing) {
        return framing.medium() == Medium.IP ? SLIP_MTU : ETHERNET_MTU;
    }

    @Override
    public String name() {
        return line.name();
    }

    @Override
    public Medium medium() {
        return medium;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public boolean isLinkUp() {
        return linkUp;
    }

    /** What took the link down, or null while it is up or when it was closed deliberately. */
    public IOException lineError() {
        return lineError.get();
    }

    @Override
    public boolean canTransmit() {
        // A frame sent while the link is down is accepted (and dropped), so that is "can".
        if (!linkUp || transmitRing.free() >= maxWireLength) {
            return true;
        }
        return waitForRoom(maxWireLength);
    }

    @Override
    public boolean transmit(byte[] frame, int off, int len) {
        Objects.checkFromIndexSize(off, len, frame.length);
        if (len > maxFrameLength) {
            counters.dropped(DropReason.TX_TOO_LONG);
            return true;
        }
        if (!linkUp) {
            counters.dropped(DropReason.LINK_DOWN);
            return true;
        }
        int n = encoder.encode(frame, off, len, encoded, 0);
        if (transmitRing.free() < n && !waitForRoom(n)) {
            return false;
        }
        transmitRing.write(encoded, 0, n);
        counters.transmitted(len);
        LockSupport.unpark(writer);
        return true;
    }

    @Override
    public int receive(byte[] into, int off, int maxLen) {
        Objects.checkFromIndexSize(off, maxLen, into.length);
        while (true) {
            int len = receiveRing.peekLength() - MARK;
            if (len < 0) {
                return -1;
            }
            if (len > maxLen) {
                receiveRing.poll(markIn, MARK, into, off, 0);
                counters.dropped(DropReason.BUFFER_TOO_SMALL);
                continue;
            }
            receiveRing.poll(markIn, MARK, into, off, maxLen);
            // The reader's losses before this frame, and this thread's own, all of which were
            // frames ahead of it.
            long found = (Bytes.u32(markIn, 0) << 32) | Bytes.u32(markIn, 4);
            lossesBefore = found + counters.drops(DropReason.BUFFER_TOO_SMALL);
            counters.received(len);
            return len;
        }
    }

    @Override
    public long receiveLossesBefore() {
        return lossesBefore;
    }

    @Override
    public long nextEventNanos() {
        return Clock.NEVER;
    }

    @Override
    public void setWakeup(Runnable wakeup) {
        this.wakeup = wakeup == null ? NO_WAKEUP : wakeup;
    }

    @Override
    public LinkCounters counters() {
        return counters;
    }

    /**
     * Stops both threads and closes the line; frames still queued for transmission are discarded.
     * Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        linkUp = false;
        line.close(); // unblocks a read or a write in progress
        LockSupport.unpark(writer);
        join(reader);
        join(writer);
    }

    @Override
    public String toString() {
        return "serial " + name() + " (" + medium + ", mtu " + mtu + ", link " + (linkUp ? "up" : "down")
                + "): " + counters;
    }

    /** Whether the reader and writer threads have finished; for leak checks. */
    boolean threadsFinished() {
        return !reader.isAlive() && !writer.isAlive();
    }

    /**
     * Stack thread: declares that it waits for {@code need} bytes of transmit room, then checks
     * again. The writer frees room and then reads the flag; the fences order each side's write
     * before its read, so at least one side sees the other's and no wake-up is lost.
     */
    private boolean waitForRoom(int need) {
        transmitWaiting = true;
        VarHandle.fullFence();
        return transmitRing.free() >= need;
    }

    /** Reader thread: the decoder's sink. */
    private void offerReceived(byte[] frame, int off, int len) {
        // Exact: every reason summed here is counted on this thread (see the class comment).
        long found = counters.receiveLossesExcept(DropReason.BUFFER_TOO_SMALL);
        Bytes.put32(markOut, 0, (int) (found >>> 32));
        Bytes.put32(markOut, 4, (int) found);
        if (receiveRing.offer(markOut, MARK, frame, off, len)) {
            delivered = true;
        } else {
            counters.dropped(DropReason.RX_QUEUE_FULL);
        }
    }

    private void readLoop() {
        byte[] chunk = new byte[READ_CHUNK];
        boolean normalExit = false;
        try {
            while (running) {
                int n;
                try {
                    n = line.read(chunk, 0, chunk.length);
                } catch (IOException e) {
                    lineFailed(e);
                    normalExit = true;
                    return;
                }
                if (n < 0) {
                    // The line closed under us: the other end hung up, or the writer failed.
                    lineFailed(new IOException(line.name() + ": closed by the other end"));
                    normalExit = true;
                    return;
                }
                if (n > 0) {
                    decoder.accept(chunk, 0, n);
                    if (delivered) {
                        // One wake-up per read, however many frames it completed.
                        delivered = false;
                        wakeup.run();
                    }
                }
            }
            normalExit = true;
        } finally {
            if (!normalExit) {
                // A bug below (decoder, wake-up) killed this thread: do not leave a silent link up.
                lineFailed(new IOException(line.name() + ": receive thread failed"));
            }
        }
    }

    private void writeLoop() {
        byte[] chunk = new byte[WRITE_CHUNK];
        while (running && linkUp) {
            int n = transmitRing.read(chunk, 0, chunk.length);
            if (n == 0) {
                LockSupport.park(this);
                continue;
            }
            VarHandle.fullFence(); // see waitForRoom
            if (transmitWaiting && transmitRing.free() >= maxWireLength) {
                transmitWaiting = false;
                wakeup.run();
            }
            try {
                line.write(chunk, 0, n);
            } catch (IOException e) {
                if (running) {
                    // Close the line so that the reader sees it go and counts the error once.
                    lineError.compareAndSet(null, e);
                    linkUp = false;
                    line.close();
                }
                return;
            }
        }
    }

    /** Reader thread: the line failed or was hung up while the adapter was running. */
    private void lineFailed(IOException cause) {
        if (!running) {
            return; // close() closed the line: not an error
        }
        lineError.compareAndSet(null, cause);
        counters.dropped(DropReason.LINE_ERROR);
        linkUp = false;
        line.close();
        LockSupport.unpark(writer);
        wakeup.run();
    }

    private static void join(Thread thread) {
        if (thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
