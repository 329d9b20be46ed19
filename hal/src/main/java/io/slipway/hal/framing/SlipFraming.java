package io.slipway.hal.framing;

import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;

/**
 * SLIP, RFC 1055: an END before and after each IP packet, END and ESC bytes inside escaped. The
 * leading END flushes any line noise the receiver collected, as Linux's slip driver does.
 */
final class SlipFraming implements Framing {
    private final String name;
    private final boolean compressesHeaders;

    /** {@code compressesHeaders}: the CSLIP variant, the same bytes on the line (RFC 1144 §3.1). */
    SlipFraming(String name, boolean compressesHeaders) {
        this.name = name;
        this.compressesHeaders = compressesHeaders;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean compressesHeaders() {
        return compressesHeaders;
    }

    @Override
    public Medium medium() {
        return Medium.IP;
    }

    @Override
    public FrameEncoder newEncoder() {
        return new FrameEncoder() {
            @Override
            public int maxWireLength(int frameLength) {
                return 2 * frameLength + 2;
            }

            @Override
            public int wireLength(byte[] frame, int off, int len) {
                return Slip.stuffedLength(frame, off, len) + 2;
            }

            @Override
            public int encode(byte[] frame, int off, int len, byte[] dst, int dstOff) {
                int at = dstOff;
                dst[at++] = Slip.END;
                at = Slip.stuff(frame, off, len, dst, at);
                dst[at++] = Slip.END;
                return at - dstOff;
            }
        };
    }

    @Override
    public FrameDecoder newDecoder(int maxFrameLength, FrameSink sink, LinkCounters counters) {
        return new SlipDecoder(maxFrameLength, sink, counters);
    }

    @Override
    public String toString() {
        return name();
    }
}
