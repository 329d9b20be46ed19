package io.slipway.driver.cslip;

import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import java.util.Arrays;

/** A compressor and a decompressor joined by a perfect line, for the tests: bytes in, bytes out. */
final class CslipCodec {
    static final int HEADROOM = 14;
    static final int MTU = 1500;

    final Counters<CslipEvent> sent = new Counters<>(CslipEvent.class);
    final Counters<CslipEvent> received = new Counters<>(CslipEvent.class);
    final CslipCompressor compressor = new CslipCompressor(sent);
    final CslipDecompressor decompressor = new CslipDecompressor(received);
    private final PacketBuffer rebuilt = PacketBuffer.standalone(HEADROOM + MTU, HEADROOM);

    /** The frame the compressor puts on the line for {@code packet}. */
    byte[] compress(byte[] packet) {
        byte[] out = new byte[packet.length];
        int n = compressor.compress(packet, 0, packet.length, out);
        compressor.commit(); // a perfect line: every frame arrives
        return n < 0 ? packet.clone() : Arrays.copyOf(out, n);
    }

    /** The IP packet the decompressor hands up for {@code frame}, or null when it dropped it. */
    byte[] decompress(byte[] frame) {
        PacketBuffer in = PacketBuffer.standalone(HEADROOM + frame.length, HEADROOM);
        in.append(frame, 0, frame.length);
        PacketBuffer out = decompressor.decompress(in, rebuilt, HEADROOM);
        return out == null ? null : Arrays.copyOfRange(out.data(), out.offset(), out.end());
    }
}
