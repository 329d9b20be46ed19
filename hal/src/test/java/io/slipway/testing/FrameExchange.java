package io.slipway.testing;

import io.slipway.hal.LanAdapter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs two {@link LanAdapter}s against each other in both directions at once: each side has a
 * driver thread that plays the stack thread (transmits, receives, parks until the adapter's
 * wake-up) and sends {@code frames} frames from a {@link FramePattern} while it checks, byte for
 * byte and in order, the frames the other side sends.
 *
 * <p>A serial line has no flow control, and a receive ring that overflows drops frames, which is
 * right for a link (TCP above recovers). This test stands in for TCP's window: a side sends at most
 * {@code window} frames that the other side's driver has not yet taken, so a driver thread that the
 * OS deschedules for a while cannot make the adapter drop. Any drop or difference is then a bug.
 */
public final class FrameExchange {
    /**
     * @param frames frames each side sends
     * @param window frames a side may have in flight; keep {@code window * (maxFrame + 4)} within
     *     the receive ring
     * @param timeout for the whole exchange
     */
    public record Config(int frames, int window, Duration timeout) {
    }

    /** What happened: null failure means every frame arrived intact, in order, both ways. */
    public record Result(String failure, long nanos, long bytesLeftToRight, long bytesRightToLeft) {
        public boolean ok() {
            return failure == null;
        }

        /** Payload throughput of one direction in MB/s (10^6 bytes per second). */
        public double megabytesPerSecond() {
            return Math.max(bytesLeftToRight, bytesRightToLeft) * 1e3 / Math.max(1, nanos);
        }
    }

    private FrameExchange() {
    }

    /** Runs the exchange; {@code leftPattern} frames go left to right, {@code rightPattern} back. */
    public static Result run(LanAdapter left, FramePattern leftPattern, LanAdapter right, FramePattern rightPattern,
            Config config) throws InterruptedException {
        AtomicReference<String> failure = new AtomicReference<>();
        Side l = new Side("left " + left.name(), left, leftPattern, rightPattern, config, failure);
        Side r = new Side("right " + right.name(), right, rightPattern, leftPattern, config, failure);
        l.peer = r;
        r.peer = l;
        long start = System.nanoTime();
        long deadline = start + config.timeout().toNanos();
        l.deadline = deadline;
        r.deadline = deadline;
        l.thread.start();
        r.thread.start();
        l.thread.join();
        r.thread.join();
        long nanos = System.nanoTime() - start;
        return new Result(failure.get(), nanos, l.bytesSent, r.bytesSent);
    }

    private static final class Side implements Runnable {
        final String name;
        final LanAdapter adapter;
        final FramePattern sending;
        final FramePattern receiving;
        final Config config;
        final AtomicReference<String> failure;
        final Thread thread;
        /** Frames this side's driver has taken and checked; read by the peer for its window. */
        final AtomicInteger taken = new AtomicInteger();
        Side peer;
        long deadline;
        long bytesSent;

        Side(String name, LanAdapter adapter, FramePattern sending, FramePattern receiving, Config config,
                AtomicReference<String> failure) {
            this.name = name;
            this.adapter = adapter;
            this.sending = sending;
            this.receiving = receiving;
            this.config = config;
            this.failure = failure;
            this.thread = new Thread(this, "exchange-" + adapter.name());
            this.thread.setDaemon(true);
            adapter.setWakeup(() -> LockSupport.unpark(thread));
        }

        @Override
        public void run() {
            byte[] out = new byte[sending.maxLength()];
            byte[] in = new byte[adapter.maxFrameLength()];
            byte[] expected = new byte[receiving.maxLength()];
            int sent = 0;
            int received = 0;
            int frames = config.frames();
            while ((sent < frames || received < frames) && failure.get() == null) {
                boolean progress = false;
                while (sent < frames && sent - peer.taken.get() < config.window() && adapter.canTransmit()) {
                    int len = sending.fill(sent, out, 0);
                    if (!adapter.transmit(out, 0, len)) {
                        break;
                    }
                    bytesSent += len;
                    sent++;
                    progress = true;
                }
                int n;
                int before = received;
                while (received < frames && (n = adapter.receive(in, 0, in.length)) >= 0) {
                    String mismatch = receiving.mismatch(received, in, 0, n, expected);
                    if (mismatch != null) {
                        fail("received " + mismatch);
                        return;
                    }
                    received++;
                }
                if (received != before) {
                    taken.set(received);
                    LockSupport.unpark(peer.thread); // its window opened
                    progress = true;
                }
                if (!progress) {
                    if (!adapter.isLinkUp()) {
                        fail("link went down after " + sent + " sent, " + received + " received");
                        return;
                    }
                    if (System.nanoTime() - deadline > 0) {
                        fail("timed out after " + sent + " sent, " + received + " received"
                                + (adapter.canTransmit() ? "" : " (transmit ring full)"));
                        return;
                    }
                    // Wake-ups come from the adapter and the peer; the bound only caps a lost one.
                    LockSupport.parkNanos(this, 50_000_000L);
                }
            }
            LockSupport.unpark(peer.thread);
        }

        private void fail(String what) {
            failure.compareAndSet(null, name + ": " + what + "; adapter " + adapter);
            LockSupport.unpark(peer.thread);
        }
    }
}
