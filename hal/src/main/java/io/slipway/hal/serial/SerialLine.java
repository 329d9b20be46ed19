package io.slipway.hal.serial;

import java.io.IOException;

/**
 * A full-duplex byte stream: a serial port, a pseudo-terminal, or one end of a {@link BytePipe}.
 * It carries bytes, not frames; a framing on top finds the frame boundaries.
 *
 * <p>Threads: one thread reads and one thread writes, concurrently; {@link #close()} may be called
 * from any thread, at any time, and unblocks both.
 */
public interface SerialLine extends AutoCloseable {
    /** A short name for logs and stats, e.g. {@code ttyUSB0}. */
    String name();

    /**
     * Reads up to {@code len} bytes into {@code dst[off..off+len)}, waiting at most the line's read
     * timeout for the first one, and returns as soon as some bytes are there (semi-blocking: it
     * does not wait to fill the array).
     *
     * @return how many bytes were read; 0 when the timeout passed with nothing to read; -1 when the
     *     line is closed (by {@link #close()}, or by the other end once everything it sent has been
     *     read)
     * @throws IOException when the line failed (device unplugged, I/O error)
     */
    int read(byte[] dst, int off, int len) throws IOException;

    /**
     * Writes all of {@code src[off..off+len)}, blocking while the line's buffers are full.
     *
     * @throws IOException when the line is closed or failed; how much was written is then unknown
     */
    void write(byte[] src, int off, int len) throws IOException;

    /**
     * Closes the line: a blocked {@link #read} returns -1 and a blocked {@link #write} throws.
     * Idempotent; never throws.
     */
    @Override
    void close();
}
