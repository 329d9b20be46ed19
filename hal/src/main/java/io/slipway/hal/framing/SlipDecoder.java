package io.slipway.hal.framing;

import io.slipway.hal.DropReason;
import io.slipway.hal.LinkCounters;

/**
 * The RFC 1055 receive side as a byte-at-a-time state machine.
 *
 * <ul>
 *   <li>END closes a frame; an empty frame (END END, the flush the sender puts first) is ignored.
 *   <li>ESC ESC_END and ESC ESC_ESC stand for END and ESC; ESC followed by anything else is a
 *       protocol error: the frame is dropped ({@link DropReason#BAD_ESCAPE}).
 *   <li>A frame longer than the limit is dropped ({@link DropReason#FRAME_TOO_LONG}).
 *   <li>After a drop the decoder discards bytes until the next END, then starts afresh.
 * </ul>
 *
 * The frame is collected in one array allocated at construction; nothing else is allocated.
 */
final class SlipDecoder implements FrameDecoder {
    private enum State {
        /** Collecting frame bytes. */
        DATA,
        /** The previous byte was ESC. */
        ESCAPED,
        /** Dropped the current frame; waiting for END to resynchronise. */
        DISCARD
    }

    private final byte[] frame;
    private final FrameSink sink;
    private final LinkCounters counters;
    private State state = State.DATA;
    private int length;

    SlipDecoder(int maxFrameLength, FrameSink sink, LinkCounters counters) {
        if (maxFrameLength < 1) {
            throw new IllegalArgumentException("max frame length must be positive: " + maxFrameLength);
        }
        this.frame = new byte[maxFrameLength];
        this.sink = sink;
        this.counters = counters;
    }

    @Override
    public void accept(byte b) {
        switch (state) {
            case DATA:
                if (b == Slip.END) {
                    // Start the next frame before handing this one over, so that a sink that
                    // throws cannot leave these bytes in front of the next frame.
                    int n = length;
                    length = 0;
                    if (n > 0) {
                        sink.onFrame(frame, 0, n);
                    }
                } else if (b == Slip.ESC) {
                    state = State.ESCAPED;
                } else {
                    put(b);
                }
                break;
            case ESCAPED:
                if (b == Slip.ESC_END) {
                    state = State.DATA;
                    put(Slip.END);
                } else if (b == Slip.ESC_ESC) {
                    state = State.DATA;
                    put(Slip.ESC);
                } else {
                    drop(DropReason.BAD_ESCAPE);
                    if (b == Slip.END) {
                        // The END that follows the bad ESC already resynchronises.
                        state = State.DATA;
                    }
                }
                break;
            case DISCARD:
                if (b == Slip.END) {
                    state = State.DATA;
                }
                break;
            default:
                throw new AssertionError(state);
        }
    }

    /**
     * The same state machine, with the runs of plain bytes between END and ESC copied whole
     * rather than put one by one: what a line delivers is mostly such runs.
     */
    @Override
    public void accept(byte[] bytes, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (state == State.DATA) {
                int run = i;
                i = Slip.nextSpecial(bytes, i, end);
                putRun(bytes, run, i - run);
                if (i == end) {
                    return;
                }
            }
            accept(bytes[i++]);
        }
    }

    @Override
    public void reset() {
        state = State.DATA;
        length = 0;
    }

    /** {@link #put} for each of {@code n} plain bytes: dropped as too long once the frame is full. */
    private void putRun(byte[] b, int off, int n) {
        if (n > frame.length - length) {
            drop(DropReason.FRAME_TOO_LONG); // put would fill the frame, then drop at the next byte
            return;
        }
        System.arraycopy(b, off, frame, length, n);
        length += n;
    }

    private void put(byte b) {
        if (length == frame.length) {
            drop(DropReason.FRAME_TOO_LONG);
            return;
        }
        frame[length++] = b;
    }

    private void drop(DropReason reason) {
        counters.dropped(reason);
        length = 0;
        state = State.DISCARD;
    }
}
