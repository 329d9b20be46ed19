package io.slipway.hal;

/** What a frame on the link carries. */
public enum Medium {
    /** IP packets straight on the link, as SLIP carries them (no link header, no ARP). */
    IP(0),
    /** Ethernet II frames: destination MAC, source MAC, EtherType, then the payload. */
    ETHERNET(14);

    private final int headerLength;

    Medium(int headerLength) {
        this.headerLength = headerLength;
    }

    /** Bytes of link header in front of the payload. */
    public int headerLength() {
        return headerLength;
    }
}
