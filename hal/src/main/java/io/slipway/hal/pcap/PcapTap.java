package io.slipway.hal.pcap;

import io.slipway.base.Clock;
import io.slipway.base.Counters;
import io.slipway.hal.ForwardingAdapter;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.Medium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@link LanAdapter} that wraps another and writes every frame it carries to a pcap capture, as
 * smoltcp's {@code PcapWriter} and gVisor's {@code sniffer} wrap a device: each frame the inner
 * adapter accepts for transmission and each frame it delivers is recorded, so Wireshark or tcpdump
 * show the conversation exactly as the stack saw it. As with tcpdump, an outgoing frame is
 * recorded when the adapter takes it, even if the adapter then drops it (link down, too long).
 *
 * <p>Timestamps are {@code clock.nanos() + epochOffsetNanos}, the offset fixed at construction:
 * with a {@link io.slipway.base.ManualClock} and a constant offset a simulated run writes the same
 * bytes every time; in real time, {@link #wallClockOffset} lines the capture up with the calendar.
 *
 * <p>The capture never breaks the link: on the first I/O error the tap stops capturing, closes the
 * capture, logs one warning and counts the error; frames keep flowing to and from the inner
 * adapter and are counted as {@link Capture#FRAMES_LOST}.
 *
 * <p>Used from the stack thread, which calls {@link #transmit} and {@link #receive}; nothing is
 * allocated per frame. The capture counters may be read from any thread.
 */
public final class PcapTap extends ForwardingAdapter {
    private static final System.Logger LOG = System.getLogger(PcapTap.class.getName());

    /** What the tap counts. */
    public enum Capture {
        /** Frames written to the capture. */
        FRAMES,
        /** Bytes of frames written, before any snaplen cut. */
        BYTES,
        /** Frames carried but not written because the capture had failed. */
        FRAMES_LOST,
        /** I/O errors on the capture: at most one while capturing, plus one if closing failed. */
        ERRORS
    }

    private final PcapWriter writer;
    private final Clock clock;
    private final long epochOffsetNanos;
    private final Counters<Capture> counters = new Counters<>(Capture.class);
    private boolean capturing = true;
    private boolean closed;
    private IOException error;

    /**
     * Taps {@code inner}, writing to {@code writer}, whose link type must be the one for the inner
     * adapter's medium ({@link PcapLinkType#of}).
     */
    public PcapTap(LanAdapter inner, PcapWriter writer, Clock clock, long epochOffsetNanos) {
        super(inner);
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.epochOffsetNanos = epochOffsetNanos;
        Medium medium = inner.medium();
        if (writer.linkType() != PcapLinkType.of(medium)) {
            throw new IllegalArgumentException("capture link type " + writer.linkType() + " does not fit "
                    + medium + " frames (" + PcapLinkType.of(medium) + ")");
        }
    }

    /** Taps {@code inner} into a new capture file at {@code file} (created or truncated). */
    public static PcapTap toFile(LanAdapter inner, Path file, Clock clock, long epochOffsetNanos)
            throws IOException {
        return new PcapTap(inner, PcapWriter.toFile(file, PcapLinkType.of(inner.medium())), clock, epochOffsetNanos);
    }

    /**
     * The offset that turns {@code clock}'s time into nanoseconds since 1970, from the wall clock
     * now: read once, so the capture's timestamps then move with the monotonic clock alone.
     */
    public static long wallClockOffset(Clock clock) {
        return System.currentTimeMillis() * 1_000_000L - clock.nanos();
    }

    @Override
    public boolean transmit(byte[] frame, int off, int len) {
        boolean accepted = inner.transmit(frame, off, len);
        if (accepted) {
            capture(frame, off, len);
        }
        return accepted;
    }

    @Override
    public int receive(byte[] into, int off, int maxLen) {
        int len = inner.receive(into, off, maxLen);
        if (len >= 0) {
            capture(into, off, len);
        }
        return len;
    }

    private void capture(byte[] frame, int off, int len) {
        if (!capturing) {
            counters.increment(Capture.FRAMES_LOST);
            return;
        }
        try {
            writer.write(clock.nanos() + epochOffsetNanos, frame, off, len);
            counters.increment(Capture.FRAMES);
            counters.add(Capture.BYTES, len);
        } catch (IOException e) {
            fail(e);
        } catch (UncheckedIOException e) {
            fail(e.getCause());
        }
    }

    private void fail(IOException e) {
        capturing = false;
        error = e;
        counters.increment(Capture.ERRORS);
        counters.increment(Capture.FRAMES_LOST);
        LOG.log(Level.WARNING, "pcap capture of " + inner.name() + " stopped; the link carries on", e);
        try {
            writer.close();
        } catch (IOException closing) {
            e.addSuppressed(closing);
        }
    }

    /** False once an I/O error stopped the capture, or after {@link #close}. */
    public boolean isCapturing() {
        return capturing;
    }

    /** The error that stopped the capture, or null. */
    public IOException captureError() {
        return error;
    }

    /** Frames written, frames lost, capture errors. */
    public Counters<Capture> captureCounters() {
        return counters;
    }

    /** The adapter being tapped. */
    public LanAdapter inner() {
        return inner;
    }

    /** Closes the inner adapter, then flushes and closes the capture. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            inner.close();
        } finally {
            if (capturing) {
                capturing = false;
                try {
                    writer.close();
                } catch (IOException e) {
                    error = e;
                    counters.increment(Capture.ERRORS);
                    LOG.log(Level.WARNING, "pcap capture of " + inner.name() + " could not be closed", e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "pcap tap on " + inner;
    }
}
