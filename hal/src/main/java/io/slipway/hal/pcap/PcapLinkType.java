package io.slipway.hal.pcap;

import io.slipway.hal.Medium;

/**
 * The pcap link-layer header types slipway writes (tcpdump.org "Link-layer header types"; the
 * LinkType registry of draft-ietf-opsawg-pcaplinktype).
 */
public final class PcapLinkType {
    /** LINKTYPE_ETHERNET: IEEE 802.3 / Ethernet II frames, without the FCS. */
    public static final int ETHERNET = 1;
    /**
     * LINKTYPE_RAW: a bare IP packet, version read from its first nibble. Used for
     * {@link Medium#IP} rather than LINKTYPE_SLIP (8): an adapter hands over frames with SLIP's
     * END/ESC framing already removed, and LINKTYPE_SLIP expects a 16-byte direction and
     * compression pseudo-header that slipway does not have.
     */
    public static final int RAW = 101;

    private PcapLinkType() {
    }

    /** The link type of the frames a {@code medium} carries. */
    public static int of(Medium medium) {
        switch (medium) {
            case IP:
                return RAW;
            case ETHERNET:
                return ETHERNET;
            default:
                throw new IllegalArgumentException("no pcap link type for " + medium);
        }
    }
}
