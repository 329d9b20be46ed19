package io.slipway.driver.cslip;

/**
 * RFC 1144 §3.2: on a CSLIP line the first byte of a frame says what it carries. IP's version
 * nibble is 4, so the types that are not IP are told apart by values IPv4 never has there.
 */
final class PacketType {
    /** An IP packet sent as it is: first nibble 4, the IPv4 version. */
    static final int TYPE_IP = 0x40;
    /**
     * A TCP/IP packet sent whole, first nibble 7 instead of 4, its IP protocol field holding the
     * connection (slot) number; it (re)sets that slot's state on the far side.
     */
    static final int UNCOMPRESSED_TCP = 0x70;
    /** A compressed header: the top bit set, the low seven bits the change mask ({@link ChangeMask}). */
    static final int COMPRESSED_TCP = 0x80;

    /** RFC 1144's MAX_STATES: connection slots each way, numbered 0..15. */
    static final int MAX_STATES = 16;

    private PacketType() {
    }

    /** {@link #TYPE_IP}, {@link #UNCOMPRESSED_TCP} or {@link #COMPRESSED_TCP} for a frame's first byte, else -1. */
    static int of(byte first) {
        int b = first & 0xFF;
        if ((b & COMPRESSED_TCP) != 0) {
            return COMPRESSED_TCP;
        }
        int nibble = b & 0xF0;
        return nibble == UNCOMPRESSED_TCP || nibble == TYPE_IP ? nibble : -1;
    }
}
