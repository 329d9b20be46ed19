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

    /**
     * Adds a frame made of two parts, {@code head} then {@code body} (a datagram's addresses,
     * then its payload), without first copying them together; false, changing nothing, when the
     * frame does not fit.
     */
    public boolean offer(byte[] head, int headLen, byte[] body, int off, int len) {
        if (headLen < 0 || len < 0 || HEADER + headLen + len > ring.free()) {
            return false;
        }
        Bytes.put32(producerHeader, 0, headLen + len);
        ring.writeAt(0, producerHeader, 0, HEADER);
        ring.writeAt(HEADER, head, 0, headLen);
        ring.writeAt(HEADER + headLen, body, off, len);
        ring.commit(HEADER + headLen + len);
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

    /**
     * Takes the next frame as two parts: its first {@code headLen} bytes into {@code head}, then
     * at most {@code maxLen} of the rest into {@code dst} (what does not fit is dropped, as a
     * datagram socket cuts a datagram larger than the reader's buffer). Returns the frame's full
     * length, or -1 when empty; a frame shorter than {@code headLen} fills only its length.
     */
    public int poll(byte[] head, int headLen, byte[] dst, int off, int maxLen) {
        int len = peekLength();
        if (len < 0) {
            return -1;
        }
        int h = Math.min(len, headLen);
        ring.peek(HEADER, head, 0, h);
        ring.peek(HEADER + h, dst, off, Math.min(len - h, maxLen));
        ring.skip(HEADER + len);
        return len;
    }

    /** Bytes a frame of {@code length} bytes takes in the ring, its length header included. */
    public static int recordBytes(int length) {
        return HEADER + length;
    }

    /** Drops every frame; only when neither side is using the ring. */
    public void clear() {
        ring.clear();
    }
}
