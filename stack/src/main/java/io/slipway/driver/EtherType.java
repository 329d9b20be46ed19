package io.slipway.driver;

/** EtherType values the stack speaks (IEEE 802 numbers, as in the Ethernet II type field). */
public final class EtherType {
    public static final int IPV4 = 0x0800;
    public static final int ARP = 0x0806;

    private EtherType() {
    }
}
