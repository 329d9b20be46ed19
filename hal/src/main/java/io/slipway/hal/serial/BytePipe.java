package io.slipway.hal.serial;

import io.slipway.base.ByteRing;
import java.io.IOException;
import java.util.Objects;

/**
 * Two {@link SerialLine}s joined in memory, like a null-modem cable: bytes written at {@link #a()}
 * are read at {@link #b()} and the other way round. For tests of what runs over a line, without a
 * port, a pseudo-terminal or a clock of its own.
 *
 * <p>Each direction is a bounded {@link ByteRing}: a write blocks while the ring is full (as a
 * port's write blocks on a full output buffer), a read waits up to the pipe's read timeout.
 * Closing either end is a hang-up: that end's reads return -1 at once, the other end reads what
 * is left and then -1, and writes towards a closed end fail as on a broken pipe.
 *
 * <p>Waiting uses the ring's monitor ({@code wait}/{@code notifyAll}); nothing allocates per read or
 * write.
 */
public final class BytePipe {
    private final End a;
    private final End b;

    /**
     * A pipe holding up to {@code capacity} bytes (a power of two) in each direction, whose reads
     * wait up to {@code readTimeoutMillis} for a first byte.
     */
    public BytePipe(int capacity, long readTimeoutMillis) {
        this("pipe", capacity, readTimeoutMillis);
    }

    /** As {@link #BytePipe(int, long)}, with ends named {@code name.a} and {@code name.b}. */
    public BytePipe(String name, int capacity, long readTimeoutMillis) {
        if (readTimeoutMillis <= 0) {
            throw new IllegalArgumentException("read timeout must be positive: " + readTimeoutMillis);
        }
        Direction aToB = new Direction(capacity);
        Direction bToA = new Direction(capacity);
        this.a = new End(name + ".a", bToA, aToB, readTimeoutMillis);
        this.b = new End(name + ".b", aToB, bToA, readTimeoutMillis);
    }

    public SerialLine a() {
        return a;
    }

    public SerialLine b() {
        return b;
    }

    /** One direction of the pipe; its monitor guards the ring and both flags. */
    private static final class Direction {
        final ByteRing ring;
        /** The writing end was closed: the reader drains the ring, then sees -1. */
        boolean writerClosed;
        /** The reading end was closed: its reads return -1, writes towards it fail. */
        boolean readerClosed;

        Direction(int capacity) {
            this.ring = new ByteRing(capacity);
        }
    }

    private static final class End implements SerialLine {
        private final String name;
        private final Direction in;
        private final Direction out;
        private final long readTimeoutNanos;

        End(String name, Direction in, Direction out, long readTimeoutMillis) {
            this.name = name;
            this.in = in;
            this.out = out;
            this.readTimeoutNanos = readTimeoutMillis * 1_000_000L;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int read(byte[] dst, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, dst.length);
            long deadline = System.nanoTime() + readTimeoutNanos;
            synchronized (in) {
                while (true) {
                    if (in.readerClosed) {
                        return -1;
                    }
                    int n = in.ring.read(dst, off, len);
                    if (n > 0) {
                        in.notifyAll(); // space freed for a writer blocked on a full ring
                        return n;
                    }
                    if (in.writerClosed) {
                        return -1; // hang-up seen only once the ring is drained
                    }
                    if (len == 0) {
                        return 0;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return 0;
                    }
                    waitOn(in, left);
                }
            }
        }

        @Override
        public void write(byte[] src, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, src.length);
            synchronized (out) {
                while (true) {
                    if (out.writerClosed) {
                        throw new IOException(name + ": closed");
                    }
                    if (out.readerClosed) {
                        throw new IOException(name + ": other end closed (broken pipe)");
                    }
                    int n = out.ring.write(src, off, len);
                    if (n > 0) {
                        out.notifyAll(); // bytes for a reader waiting on an empty ring
                        off += n;
                        len -= n;
                    }
                    if (len == 0) {
                        return;
                    }
                    if (n == 0) {
                        waitOn(out, Long.MAX_VALUE);
                    }
                }
            }
        }

        @Override
        public void close() {
            synchronized (out) {
                out.writerClosed = true;
                out.notifyAll();
            }
            synchronized (in) {
                in.readerClosed = true;
                in.notifyAll();
            }
        }

        @Override
        public String toString() {
            return name;
        }

        /** Waits on the held monitor; an interrupt ends the wait as a failure of the line. */
        private void waitOn(Object monitor, long nanos) throws IOException {
            try {
                if (nanos == Long.MAX_VALUE) {
                    monitor.wait();
                } else {
                    long millis = nanos / 1_000_000L;
                    monitor.wait(millis, (int) (nanos % 1_000_000L));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(name + ": interrupted", e);
            }
        }
    }
}
