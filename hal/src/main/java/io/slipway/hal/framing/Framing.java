package io.slipway.hal.framing;

import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;

/** A way of carrying frames over a serial byte stream: a factory of encoders and decoders. */
public interface Framing {
    /** SLIP, RFC 1055: IP packets. */
    Framing SLIP = new SlipFraming();
    /** Ethernet II frames, SLIP-stuffed, each followed by a CRC-32 frame check sequence. */
    Framing ETHERNET = new EthernetSerialFraming();

    /** {@code slip} or {@code ethernet}, as the command line names it. */
    String name();

    Medium medium();

    FrameEncoder newEncoder();

    /**
     * A decoder for frames of at most {@code maxFrameLength} bytes (link header included, FCS
     * excluded) that hands valid frames to {@code sink} and counts drops in {@code counters}.
     */
    FrameDecoder newDecoder(int maxFrameLength, FrameSink sink, LinkCounters counters);

    /** The framing a command-line name stands for. */
    static Framing named(String name) {
        switch (name) {
            case "slip":
                return SLIP;
            case "ethernet":
                return ETHERNET;
            default:
                throw new IllegalArgumentException("unknown framing '" + name + "' (slip or ethernet)");
        }
    }
}
