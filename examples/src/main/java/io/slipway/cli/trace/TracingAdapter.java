package io.slipway.cli.trace;

import io.slipway.hal.LanAdapter;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;
import java.util.Objects;

/**
 * A {@link LanAdapter} that wraps another and shows every frame it carries to a {@link FrameWatcher},
 * as the pcap tap writes them to a file: each frame the inner adapter takes for transmission and
 * each frame it delivers. For {@code --trace}: the watcher decodes and prints, so this is not the
 * allocation-free hot path, and it is never used without the option.
 */
public final class TracingAdapter implements LanAdapter {
    /** Sees each frame on the stack thread, before the stack goes on; must not keep the array. */
    public interface FrameWatcher {
        void onFrame(boolean outgoing, byte[] frame, int off, int len);
    }

    private final LanAdapter inner;
    private final FrameWatcher watcher;

    public TracingAdapter(LanAdapter inner, FrameWatcher watcher) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.watcher = Objects.requireNonNull(watcher, "watcher");
    }

    @Override
    public boolean transmit(byte[] frame, int off, int len) {
        boolean accepted = inner.transmit(frame, off, len);
        if (accepted) {
            watcher.onFrame(true, frame, off, len);
        }
        return accepted;
    }

    @Override
    public int receive(byte[] into, int off, int maxLen) {
        int len = inner.receive(into, off, maxLen);
        if (len >= 0) {
            watcher.onFrame(false, into, off, len);
        }
        return len;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Medium medium() {
        return inner.medium();
    }

    @Override
    public int mtu() {
        return inner.mtu();
    }

    @Override
    public boolean isLinkUp() {
        return inner.isLinkUp();
    }

    @Override
    public boolean canTransmit() {
        return inner.canTransmit();
    }

    @Override
    public long nextEventNanos() {
        return inner.nextEventNanos();
    }

    @Override
    public void setWakeup(Runnable wakeup) {
        inner.setWakeup(wakeup);
    }

    @Override
    public LinkCounters counters() {
        return inner.counters();
    }

    @Override
    public void close() {
        inner.close();
    }
}
