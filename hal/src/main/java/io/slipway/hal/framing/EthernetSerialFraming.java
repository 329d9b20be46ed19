package io.slipway.hal.framing;

import io.slipway.base.Bytes;
import io.slipway.hal.DropReason;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;
import java.util.zip.CRC32;

/**
 * Ethernet II frames over a serial line: the frame followed by its IEEE 802.3 CRC-32 frame check
 * sequence (least significant byte first, as Ethernet sends it), the whole SLIP-stuffed between
 * END bytes. A frame whose FCS does not match is dropped ({@link DropReason#BAD_FCS}); one too
 * short to hold an Ethernet header and FCS is a {@link DropReason#RUNT}.
 */
final class EthernetSerialFraming implements Framing {
    static final int FCS_LENGTH = 4;

    @Override
    public String name() {
        return "ethernet";
    }

    @Override
    public Medium medium() {
        return Medium.ETHERNET;
    }

    @Override
    public FrameEncoder newEncoder() {
        return new Encoder();
    }

    @Override
    public FrameDecoder newDecoder(int maxFrameLength, FrameSink sink, LinkCounters counters) {
        // A maximum below the header would make every frame a runt; one near Integer.MAX_VALUE
        // would overflow once the FCS is added.
        if (maxFrameLength < Medium.ETHERNET.headerLength() || maxFrameLength > Integer.MAX_VALUE - FCS_LENGTH) {
            throw new IllegalArgumentException("max Ethernet frame length out of range: " + maxFrameLength);
        }
        return new SlipDecoder(maxFrameLength + FCS_LENGTH, new FcsCheck(sink, counters), counters);
    }

    @Override
    public String toString() {
        return name();
    }

    private static final class Encoder implements FrameEncoder {
        private final CRC32 crc = new CRC32();
        private final byte[] fcs = new byte[FCS_LENGTH];

        @Override
        public int maxWireLength(int frameLength) {
            return 2 * (frameLength + FCS_LENGTH) + 2;
        }

        @Override
        public int wireLength(byte[] frame, int off, int len) {
            computeFcs(frame, off, len);
            return Slip.stuffedLength(frame, off, len) + Slip.stuffedLength(fcs, 0, FCS_LENGTH) + 2;
        }

        @Override
        public int encode(byte[] frame, int off, int len, byte[] dst, int dstOff) {
            computeFcs(frame, off, len);
            int at = dstOff;
            dst[at++] = Slip.END;
            at = Slip.stuff(frame, off, len, dst, at);
            at = Slip.stuff(fcs, 0, FCS_LENGTH, dst, at);
            dst[at++] = Slip.END;
            return at - dstOff;
        }

        private void computeFcs(byte[] frame, int off, int len) {
            crc.reset();
            crc.update(frame, off, len);
            Bytes.put32le(fcs, 0, (int) crc.getValue());
        }
    }

    /** Checks and strips the FCS of each frame the SLIP decoder finds. */
    private static final class FcsCheck implements FrameSink {
        private final CRC32 crc = new CRC32();
        private final FrameSink sink;
        private final LinkCounters counters;

        FcsCheck(FrameSink sink, LinkCounters counters) {
            this.sink = sink;
            this.counters = counters;
        }

        @Override
        public void onFrame(byte[] frame, int off, int len) {
            if (len < Medium.ETHERNET.headerLength() + FCS_LENGTH) {
                counters.dropped(DropReason.RUNT);
                return;
            }
            int payload = len - FCS_LENGTH;
            crc.reset();
            crc.update(frame, off, payload);
            if ((int) crc.getValue() != Bytes.i32le(frame, off + payload)) {
                counters.dropped(DropReason.BAD_FCS);
                return;
            }
            sink.onFrame(frame, off, payload);
        }
    }
}
