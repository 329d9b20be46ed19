package io.slipway.cli.trace;

import io.slipway.hal.ForwardingAdapter;
import io.slipway.hal.LanAdapter;
import java.util.Objects;

/**
 * A {@link LanAdapter} that wraps another and shows every frame it carries to a {@link FrameWatcher},
 * as the pcap tap writes them to a file: each frame the inner adapter takes for transmission and
 * each frame it delivers. For {@code --trace}: the watcher decodes and prints, so this is not the
 * allocation-free hot path, and it is never used without the option.
 */
public final class TracingAdapter extends ForwardingAdapter {
    /** Sees each frame on the stack thread, before the stack goes on; must not keep the array. */
    public interface FrameWatcher {
        void onFrame(boolean outgoing, byte[] frame, int off, int len);
    }

    private final FrameWatcher watcher;

    public TracingAdapter(LanAdapter inner, FrameWatcher watcher) {
        super(inner);
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
}
