package io.slipway.driver;

import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import io.slipway.hal.Medium;

/**
 * A link as the network layer sees it: it sends a network-layer packet (an IPv4 datagram or an
 * ARP message) to a neighbour and hands received ones up to a {@link LinkReceiver}. Two kinds:
 * {@link SlipDriver} (point-to-point, IP straight on the line, no addresses) and
 * {@link EthernetDriver} (MAC addresses, EtherType demultiplexing, broadcast).
 */
public interface Link {
    String name();

    Medium medium();

    /** The largest network-layer packet the link carries (the IP MTU). */
    int mtu();

    /**
     * The largest TCP segment's packet the link carries whole: above the MTU when the adapter
     * offers segmentation offload ({@link io.slipway.hal.LanAdapter#segmentOffloadLength}), else
     * the MTU. Only TCP uses it, cutting its segments to multiples of the MSS.
     */
    default int segmentOffloadLength() {
        return mtu();
    }

    /**
     * Whether TCP may leave its checksum uncomputed on packets sent here and unchecked on
     * packets received here ({@link io.slipway.hal.LanAdapter#checksumOffload}).
     */
    default boolean checksumOffload() {
        return false;
    }

    /** Bytes of link header {@link #send} puts in front of a packet: the headroom it needs. */
    int headerLength();

    /** Our MAC address, or {@link MacAddress#NONE} on a point-to-point link. */
    long macAddress();

    boolean isUp();

    /**
     * Sends the packet in {@code payload}'s window to {@code destinationMac} (ignored on a
     * point-to-point link). The payload must have {@link #headerLength} bytes of headroom; the
     * link may write its header there. The buffer is only read during the call. Returns false
     * when the packet was dropped (and counted).
     */
    boolean send(PacketBuffer payload, int etherType, long destinationMac);

    void setReceiver(LinkReceiver receiver);

    Counters<LinkEvent> events();

    /** The frame-level driver underneath, for its backlog and the adapter's counters. */
    LanDriver lanDriver();
}
