package io.slipway.driver;

import io.slipway.base.Bytes;

/**
 * The Ethernet II header, a flyweight over a frame's bytes.
 *
 * <pre>
 *  0                   6                   12      14
 * +-------------------+-------------------+-------+----------
 * | destination MAC   | source MAC        | type  | payload
 * +-------------------+-------------------+-------+----------
 * </pre>
 * The frame check sequence is the adapter's business (hal framing): frames reach the driver
 * without it.
 */
public final class EthernetHeader {
    public static final int LENGTH = 14;
    static final int DESTINATION = 0;
    static final int SOURCE = 6;
    static final int TYPE = 12;

    private byte[] data;
    private int offset;

    /** Views the header at {@code offset}; the caller has checked there are {@link #LENGTH} bytes. */
    public EthernetHeader wrap(byte[] data, int offset) {
        this.data = data;
        this.offset = offset;
        return this;
    }

    public long destination() {
        return MacAddress.read(data, offset + DESTINATION);
    }

    public long source() {
        return MacAddress.read(data, offset + SOURCE);
    }

    public int etherType() {
        return Bytes.u16(data, offset + TYPE);
    }

    /** Writes a whole header at the wrapped offset. */
    public void write(long destination, long source, int etherType) {
        MacAddress.write(data, offset + DESTINATION, destination);
        MacAddress.write(data, offset + SOURCE, source);
        Bytes.put16(data, offset + TYPE, etherType);
    }
}
