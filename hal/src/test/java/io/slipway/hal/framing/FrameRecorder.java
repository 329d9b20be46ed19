package io.slipway.hal.framing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sink that copies every frame it is handed, since the decoder's array is valid only during
 * {@link FrameSink#onFrame} (tests only: it allocates per frame).
 */
final class FrameRecorder implements FrameSink {
    private final List<byte[]> frames = new ArrayList<>();

    @Override
    public void onFrame(byte[] frame, int off, int len) {
        frames.add(Arrays.copyOfRange(frame, off, off + len));
    }

    List<byte[]> frames() {
        return frames;
    }

    int count() {
        return frames.size();
    }

    byte[] frame(int i) {
        return frames.get(i);
    }

    byte[] last() {
        return frames.get(frames.size() - 1);
    }

    void clear() {
        frames.clear();
    }
}
