package io.slipway.hal.pcap;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent reader of classic pcap files for the tests, written from pcap-savefile(5), not
 * from PcapWriter: it accepts either byte order and either timestamp resolution, as libpcap does,
 * so the round trip checks the format rather than the writer against itself.
 */
final class PcapReader {
    static final class Capture {
        int magic;
        boolean swapped;
        boolean nanosecond;
        int versionMajor;
        int versionMinor;
        int thiszone;
        int sigfigs;
        int snaplen;
        int linkType;
        final List<Record> records = new ArrayList<>();
    }

    static final class Record {
        long seconds;
        long fraction;
        int capturedLength;
        int originalLength;
        byte[] data;

        /** The timestamp in nanoseconds since 1970, whatever the file's resolution. */
        long epochNanos(boolean nanosecond) {
            return seconds * 1_000_000_000L + (nanosecond ? fraction : fraction * 1_000);
        }
    }

    private PcapReader() {
    }

    static Capture read(byte[] file) throws IOException {
        return read(new ByteArrayInputStream(file));
    }

    static Capture read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Capture c = new Capture();
        int magic = data.readInt();
        switch (magic) {
            case 0xa1b2c3d4:
                break;
            case 0xa1b23c4d:
                c.nanosecond = true;
                break;
            case 0xd4c3b2a1:
                c.swapped = true;
                break;
            case 0x4d3cb2a1:
                c.swapped = true;
                c.nanosecond = true;
                break;
            default:
                throw new IOException("not a pcap file: magic " + Integer.toHexString(magic));
        }
        c.magic = c.swapped ? Integer.reverseBytes(magic) : magic;
        c.versionMajor = u16(data, c.swapped);
        c.versionMinor = u16(data, c.swapped);
        c.thiszone = i32(data, c.swapped);
        c.sigfigs = i32(data, c.swapped);
        c.snaplen = i32(data, c.swapped);
        c.linkType = i32(data, c.swapped);
        while (true) {
            Record r = new Record();
            try {
                r.seconds = Integer.toUnsignedLong(i32(data, c.swapped));
            } catch (EOFException end) {
                return c;
            }
            r.fraction = Integer.toUnsignedLong(i32(data, c.swapped));
            r.capturedLength = i32(data, c.swapped);
            r.originalLength = i32(data, c.swapped);
            if (r.capturedLength < 0 || r.capturedLength > c.snaplen || r.capturedLength > r.originalLength) {
                throw new IOException("bad captured length " + r.capturedLength);
            }
            if (r.fraction >= (c.nanosecond ? 1_000_000_000L : 1_000_000L)) {
                throw new IOException("timestamp fraction out of range: " + r.fraction);
            }
            r.data = new byte[r.capturedLength];
            data.readFully(r.data);
            c.records.add(r);
        }
    }

    private static int i32(DataInputStream in, boolean swapped) throws IOException {
        int v = in.readInt();
        return swapped ? Integer.reverseBytes(v) : v;
    }

    private static int u16(DataInputStream in, boolean swapped) throws IOException {
        int v = in.readUnsignedShort();
        return swapped ? ((v & 0xff) << 8) | (v >>> 8) : v;
    }
}
