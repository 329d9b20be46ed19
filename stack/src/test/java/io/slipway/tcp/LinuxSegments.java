package io.slipway.tcp;

import io.slipway.hal.mock.Hex;
import io.slipway.ip.Ipv4Address;
import java.util.Arrays;

/**
 * TCP segments the Linux kernel wrote, whole IPv4 packets (the TCP segment starts at byte 20).
 *
 * <p>Captured on Linux 6.18.44 ({@code uname -r}: 6.18.44-fc-v1045) with the kernel's defaults
 * (timestamps, SACK, window scaling on; ECN only when asked). A Python script, run in a network
 * namespace of its own ({@code ip netns add tcphdr-cap; ip netns exec tcphdr-cap python3
 * capture.py}), opened {@code /dev/net/tun} with {@code TUNSETIFF} (0x400454ca) and
 * {@code IFF_TUN|IFF_NO_PI}, then {@code ip addr add 10.99.0.1/24 dev tcphdr0; ip link set tcphdr0
 * up}. A TUN device has no checksum offload, so every checksum here is the kernel's own. The
 * script played 10.99.0.2 and read what the kernel wrote:
 * <ol>
 * <li>a socket bound to 10.99.0.1:40001 connected to 10.99.0.2:80: Linux's {@link #SYN};
 * <li>the script wrote a SYN-ACK (ISN 0x12345678, MSS 1400, SACK-permitted, TSval 0x0badf00d,
 *     window scale 6): Linux's {@link #ACK};
 * <li>the socket sent {@code "GET / HTTP/1.0\r\n\r\n"}: {@link #DATA}, which the script acknowledged;
 * <li>the socket was closed: {@link #FIN}; the script answered FIN-ACK: {@link #LAST_ACK};
 * <li>the script wrote a SYN from 10.99.0.2:50000 to the closed port 10.99.0.1:81 with sequence
 *     number 0xffffffff: Linux's {@link #RST} acknowledges 0xffffffff + 1, which wraps to 0.
 * </ol>
 * Afterwards {@code ip netns del tcphdr-cap} removed the namespace and all in it.
 */
final class LinuxSegments {
    /** Linux's address, the source of every capture. */
    static final int LINUX = Ipv4Address.parse("10.99.0.1");
    /** The peer the script played. */
    static final int PEER = Ipv4Address.parse("10.99.0.2");

    /** SYN: MSS 1460, SACK-permitted, TSval 0xfa3ff077 TSecr 0, NOP, window scale 10. */
    static final byte[] SYN = Hex.bytes("4500003c 9982 4000 4006 8c71 0a630001 0a630002"
            + "9c41 0050 a8af40ad 00000000 a002 faf0 c79d 0000"
            + "020405b4 0402080a fa3ff077 00000000 0103030a");
    /** ACK of our SYN-ACK: NOP, NOP, timestamps. */
    static final byte[] ACK = Hex.bytes("45000034 9983 4000 4006 8c78 0a630001 0a630002"
            + "9c41 0050 a8af40ae 12345679 8010 003f 8ca6 0000"
            + "0101080a fa3ff077 0badf00d");
    /** PSH|ACK carrying 18 bytes of data. */
    static final byte[] DATA = Hex.bytes("45000046 9984 4000 4006 8c65 0a630001 0a630002"
            + "9c41 0050 a8af40ae 12345679 8018 003f adec 0000"
            + "0101080a fa3ff077 0badf00d"
            + "474554202f20485454502f312e300d0a0d0a");
    /** FIN|ACK after close(). */
    static final byte[] FIN = Hex.bytes("45000034 9985 4000 4006 8c76 0a630001 0a630002"
            + "9c41 0050 a8af40c0 12345679 8011 003f 8c5f 0000"
            + "0101080a fa3ff0aa 0badf00e");
    /** The ACK of our FIN. */
    static final byte[] LAST_ACK = Hex.bytes("45000034 9986 4000 4006 8c75 0a630001 0a630002"
            + "9c41 0050 a8af40c1 1234567a 8010 003f 8c5d 0000"
            + "0101080a fa3ff0aa 0badf00f");
    /** RST|ACK for a SYN to a closed port: sequence 0, acknowledgment 0 (0xffffffff + 1), no options. */
    static final byte[] RST = Hex.bytes("45000028 0000 4000 4006 2608 0a630001 0a630002"
            + "0051 c350 00000000 00000000 5014 0000 d766 0000");

    static final int IP_HEADER = 20;

    private LinuxSegments() {
    }

    /** The TCP segment of a captured packet, on its own. */
    static byte[] tcp(byte[] packet) {
        return Arrays.copyOfRange(packet, IP_HEADER, packet.length);
    }
}
