package io.slipway.arp;

import io.slipway.base.PacketBuffer;

/**
 * The packets waiting for one address to resolve, oldest first: a fixed ring of buffer
 * references. The buffers belong to {@link Arp}'s shared pool; this only orders them.
 */
final class WaitQueue {
    private final PacketBuffer[] ring;
    private int head;
    private int size;

    WaitQueue(int capacity) {
        this.ring = new PacketBuffer[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == ring.length;
    }

    int size() {
        return size;
    }

    /** Adds at the tail; the caller has checked {@link #isFull}. */
    void add(PacketBuffer b) {
        ring[(head + size) % ring.length] = b;
        size++;
    }

    /** Takes the oldest, or {@code null} when empty. */
    PacketBuffer poll() {
        if (size == 0) {
            return null;
        }
        PacketBuffer b = ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
        return b;
    }
}
