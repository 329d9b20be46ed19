package io.slipway.driver;

import io.slipway.hal.Medium;

/**
 * Which frames the driver sends first, as Linux's pfifo_fast does from the IP header's type of
 * service: IPv4 datagrams marked "minimize delay" (RFC 1349; TCP marks its ACKs and the small
 * segments of interactive connections so), and on Ethernet the link's own control traffic (ARP),
 * which is small and holds up everything behind it until answered. Everything else is bulk.
 * Reads two bytes of the frame; knows nothing else of the layers above.
 */
final class TrafficClass {
    /** RFC 1349's low-delay bit of the type of service byte (the second byte of an IPv4 header). */
    static final int TOS_LOW_DELAY = 0x10;
    private static final int ETHERNET_HEADER = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;

    private TrafficClass() {
    }

    static boolean isLowDelay(Medium medium, byte[] frame, int off, int len) {
        int ip = off;
        if (medium == Medium.ETHERNET) {
            if (len < ETHERNET_HEADER) {
                return false;
            }
            int type = (frame[off + 12] & 0xFF) << 8 | (frame[off + 13] & 0xFF);
            if (type != ETHERTYPE_IPV4) {
                return true; // ARP and other link control
            }
            ip = off + ETHERNET_HEADER;
        }
        return ip + 2 <= off + len && (frame[ip] & 0xF0) == 0x40 && (frame[ip + 1] & TOS_LOW_DELAY) != 0;
    }
}
