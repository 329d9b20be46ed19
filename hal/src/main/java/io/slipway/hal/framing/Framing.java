package io.slipway.hal.framing;

import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;

/** A way of carrying frames over a serial byte stream: a factory of encoders and decoders. */
public interface Framing {
    /** SLIP, RFC 1055: IP packets. */
    Framing SLIP = new SlipFraming("slip", false);
    /**
     * CSLIP: SLIP's bytes on the line, and inside the frames IP packets whose TCP/IP headers are
     * compressed as RFC 1144 describes. The framing is SLIP's (RFC 1144 §3.1: the packet type is
     * the frame's first byte); the compression is the SLIP driver's work, above the adapter, as
     * Linux's slhc sits in its slip driver.
     */
    Framing CSLIP = new SlipFraming("cslip", true);
    /** Ethernet II frames, SLIP-stuffed, each followed by a CRC-32 frame check sequence. */
    Framing ETHERNET = new EthernetSerialFraming();

    /** {@code slip}, {@code cslip} or {@code ethernet}, as the command line names it. */
    String name();

    /**
     * Whether the frames carry RFC 1144 compressed TCP/IP headers, which the driver above must
     * make and undo. False by default.
     */
    default boolean compressesHeaders() {
        return false;
    }

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
            case "cslip":
                return CSLIP;
            case "ethernet":
                return ETHERNET;
            default:
                throw new IllegalArgumentException("unknown framing '" + name + "' (slip, cslip or ethernet)");
        }
    }
}
