package io.slipway.hal.pcap;

import io.slipway.base.Bytes;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes the classic libpcap file format (draft-ietf-opsawg-pcap; tcpdump.org pcap-savefile(5)):
 * a 24-byte file header, then per packet a 16-byte record header and the captured bytes.
 *
 * <pre>
 *  file header                          record header
 *  0      magic 0xa1b2c3d4 (µs)         0   timestamp, seconds since 1970
 *  4      major 2 | minor 4             4   timestamp, microseconds 0..999999
 *  8      reserved (thiszone) 0         8   captured length (at most snaplen)
 *  12     reserved (sigfigs) 0          12  original length on the wire
 *  16     snaplen
 *  20     link type
 * </pre>
 *
 * <p>Microsecond resolution (magic 0xa1b2c3d4) rather than nanosecond (0xa1b23c4d): every pcap
 * reader ever written reads it, while the nanosecond magic needs libpcap 1.5 or newer; and a
 * 1500-byte frame takes 130 ms at 115200 bit/s, so microseconds lose nothing a serial link can
 * show.
 *
 * <p>Fields are written big-endian, in network byte order like every other field in slipway: the
 * format stores them in the writer's byte order and readers tell which from the magic number.
 *
 * <p>One record header array is reused, so {@link #write} allocates nothing. Not thread-safe: one
 * thread (the stack thread) writes.
 */
public final class PcapWriter implements Closeable {
    /** Magic number of a file with microsecond timestamps. */
    public static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
    public static final int VERSION_MAJOR = 2;
    public static final int VERSION_MINOR = 4;
    public static final int FILE_HEADER_LENGTH = 24;
    public static final int RECORD_HEADER_LENGTH = 16;
    /** tcpdump's default snapshot length (libpcap MAXIMUM_SNAPLEN): no frame is cut. */
    public static final int DEFAULT_SNAPLEN = 262_144;

    private static final int BUFFER = 64 * 1024;

    private final OutputStream out;
    private final int linkType;
    private final int snaplen;
    private final byte[] recordHeader = new byte[RECORD_HEADER_LENGTH];

    /** Writes the file header to {@code out} now; records follow with {@link #write}. */
    public PcapWriter(OutputStream out, int linkType, int snaplen) throws IOException {
        if (snaplen < 1) {
            throw new IllegalArgumentException("snaplen must be positive, was " + snaplen);
        }
        this.out = Objects.requireNonNull(out, "out");
        this.linkType = linkType;
        this.snaplen = snaplen;
        byte[] h = new byte[FILE_HEADER_LENGTH];
        Bytes.put32(h, 0, MAGIC_MICROSECONDS);
        Bytes.put16(h, 4, VERSION_MAJOR);
        Bytes.put16(h, 6, VERSION_MINOR);
        // bytes 8..15: thiszone and sigfigs, which the format says to write as 0
        Bytes.put32(h, 16, snaplen);
        Bytes.put32(h, 20, linkType);
        out.write(h);
    }

    /** A buffered capture file at {@code file}, created or truncated, with the default snaplen. */
    public static PcapWriter toFile(Path file, int linkType) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
        try {
            return new PcapWriter(out, linkType, DEFAULT_SNAPLEN);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * Appends one packet seen at {@code epochNanos} (nanoseconds since 1970-01-01 UTC, cut down to
     * microseconds), keeping at most snaplen of its {@code len} bytes.
     */
    public void write(long epochNanos, byte[] frame, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, frame.length);
        int captured = Math.min(len, snaplen);
        // floor, not truncation toward zero, keeps the microsecond field in 0..999999
        long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        int micros = (int) (Math.floorMod(epochNanos, 1_000_000_000L) / 1_000);
        // an unsigned 32-bit field: good until 2106
        Bytes.put32(recordHeader, 0, (int) seconds);
        Bytes.put32(recordHeader, 4, micros);
        Bytes.put32(recordHeader, 8, captured);
        Bytes.put32(recordHeader, 12, len);
        out.write(recordHeader, 0, RECORD_HEADER_LENGTH);
        out.write(frame, off, captured);
    }

    public int linkType() {
        return linkType;
    }

    public int snaplen() {
        return snaplen;
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
