package io.slipway.base;

/**
 * A bounded queue of variable-length frames in one power-of-two byte ring: each record is a
 * 4-byte length followed by the frame's bytes. A frame becomes visible to the consumer whole or
 * not at all.
 *
 * <p>Safe for one producer thread and one consumer thread (a serial reader thread handing decoded
 * frames to the stack thread), as {@link ByteRing} is; nothing allocates after construction.
 */
public final class FrameRing {
    private static final int HEADER = 4;

    private final ByteRing ring;
    private final byte[] producerHeader = new byte[HEADER];
    private final byte[] consumerHeader = new byte[HEADER];

    /** A ring of {@code capacityBytes} (a power of two), headers included. */
    public FrameRing(int capacityBytes) {
        this.ring = new ByteRing(capacityBytes);
    }

    /** Bytes of ring, headers included. */
    public int capacity() {
        return ring.capacity();
    }

    /** The largest frame that an empty ring accepts. */
    public int maxFrameLength() {
        return ring.capacity() - HEADER;
    }

    public boolean isEmpty() {
        return ring.isEmpty();
    }

    /** Bytes in use, headers included. */
    public int usedBytes() {
        return ring.size();
    }

    /** Adds a frame; returns false, changing nothing, when it does not fit. */
    public boolean offer(byte[] src, int off, int len) {
        if (len < 0 || HEADER + len > ring.free()) {
            return false;
        }
        Bytes.put32(producerHeader, 0, len);
        ring.writeAt(0, producerHeader, 0, HEADER);
        ring.writeAt(HEADER, src, off, len);
        ring.commit(HEADER + len);
        return true;
    }

    /** Length of the next frame, or -1 when the ring is empty. */
    public int peekLength() {
        if (ring.peek(0, consumerHeader, 0, HEADER) < HEADER) {
            return -1;
        }
        return Bytes.i32(consumerHeader, 0);
    }

    /**
     * Takes the next frame, copying at most {@code maxLen} bytes of it into {@code dst}. Returns the
     * frame's full length (larger than {@code maxLen} when it was cut), or -1 when empty.
     */
    public int poll(byte[] dst, int off, int maxLen) {
        int len = peekLength();
        if (len < 0) {
            return -1;
        }
        ring.peek(HEADER, dst, off, Math.min(len, maxLen));
        ring.skip(HEADER + len);
        return len;
    }

    /** Drops every frame; only when neither side is using the ring. */
    public void clear() {
        ring.clear();
    }
}
