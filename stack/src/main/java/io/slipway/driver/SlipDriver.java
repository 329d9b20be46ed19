package io.slipway.driver;

import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import io.slipway.driver.cslip.CslipCompressor;
import io.slipway.driver.cslip.CslipDecompressor;
import io.slipway.driver.cslip.CslipEvent;
import io.slipway.hal.Medium;

/**
 * The SLIP driver: a point-to-point line carrying bare IPv4 datagrams (RFC 1055), so no link
 * header, no addresses and no ARP. A frame that is not IPv4 (version nibble other than 4) is
 * counted and dropped: SLIP has no type field, the version is all there is to go on.
 *
 * <p>With header compression (CSLIP, RFC 1144) the first byte of a frame also tells an
 * uncompressed or compressed TCP/IP packet from a plain IP one: frames coming in go through the
 * {@link CslipDecompressor} here, in line order; packets going out are compressed by the
 * {@link CslipCompressor} as they leave the LAN driver, below its backlog, in line order too.
 */
public final class SlipDriver extends AbstractLinkDriver {
    private final Counters<CslipEvent> cslipEvents = new Counters<>(CslipEvent.class);
    /** Null without header compression. */
    private final CslipDecompressor decompressor;
    /** Where a compressed packet is rebuilt, with the same headroom as a received frame. */
    private final PacketBuffer rebuilt;

    public SlipDriver(LanDriver lan) {
        this(lan, false);
    }

    /** {@code compressHeaders}: CSLIP, RFC 1144, which the peer must speak too. */
    public SlipDriver(LanDriver lan, boolean compressHeaders) {
        super(lan, Medium.IP, "SLIP");
        if (compressHeaders) {
            this.decompressor = new CslipDecompressor(cslipEvents);
            this.rebuilt = PacketBuffer.standalone(LanDriver.RECEIVE_HEADROOM + lan.mtu(), LanDriver.RECEIVE_HEADROOM);
            lan.setTransmitCompressor(new CslipCompressor(cslipEvents));
        } else {
            this.decompressor = null;
            this.rebuilt = null;
        }
    }

    @Override
    public Medium medium() {
        return Medium.IP;
    }

    /** Without header compression, the adapter's; CSLIP compresses only packets within the MTU. */
    @Override
    public int segmentOffloadLength() {
        return decompressor == null ? lan.segmentOffloadLength() : lan.mtu();
    }

    /** Without header compression, the adapter's (CSLIP carries the checksum as the RFC does). */
    @Override
    public boolean checksumOffload() {
        return decompressor == null && lan.checksumOffload();
    }

    @Override
    public int headerLength() {
        return 0;
    }

    @Override
    public long macAddress() {
        return MacAddress.NONE;
    }

    /** Whether this line compresses TCP/IP headers (CSLIP). */
    public boolean compressesHeaders() {
        return decompressor != null;
    }

    /** What header compression did each way; all zero without it. */
    public Counters<CslipEvent> headerCompressionEvents() {
        return cslipEvents;
    }

    @Override
    public boolean send(PacketBuffer payload, int etherType, long destinationMac) {
        if (etherType != EtherType.IPV4) {
            events.increment(LinkEvent.DROP_UNKNOWN_TYPE);
            return false;
        }
        if (payload.length() > segmentOffloadLength()) {
            events.increment(LinkEvent.DROP_TOO_BIG);
            return false;
        }
        return transmit(payload);
    }

    @Override
    public void onFrame(LanDriver driver, PacketBuffer frame, long nowNanos) {
        PacketBuffer packet = frame;
        if (decompressor != null) {
            packet = decompressor.decompress(frame, rebuilt, LanDriver.RECEIVE_HEADROOM);
            if (packet == null) {
                return; // counted in the header-compression events
            }
        } else if (frame.length() == 0 || (frame.data()[frame.offset()] & 0xF0) != 0x40) {
            events.increment(LinkEvent.DROP_UNKNOWN_TYPE);
            return;
        }
        deliver(EtherType.IPV4, packet, false, nowNanos);
    }

    /** RFC 1144 §4.1: the framing lost a frame, so the decompressor's state may be behind. */
    @Override
    public void onReceiveLoss(LanDriver driver, long nowNanos) {
        if (decompressor != null) {
            decompressor.frameLost();
        }
    }

    @Override
    public String toString() {
        return (decompressor != null ? "CSLIP " : "SLIP ") + name();
    }
}
