package io.slipway.cli;

import io.slipway.driver.MacAddress;
import io.slipway.hal.Medium;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.SerialAdapter;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Config;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.StackConfig;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One serial link and the IP interface on it, checked: what {@link LinkOptions} says, with the
 * defaults filled in. Every check happens in {@link #of} so that a bad command line is refused
 * before a port is opened.
 *
 * @param serial the port's path as given
 * @param baud line speed in bit/s
 * @param framing SLIP, CSLIP (SLIP with RFC 1144 compressed TCP/IP headers) or Ethernet over serial
 * @param address our address and prefix length
 * @param peer the point-to-point peer, or {@link Ipv4Address#ANY}
 * @param gateway the default router, or {@link Ipv4Address#ANY} for no default route
 * @param mtu the link's IP MTU
 * @param mac our MAC on Ethernet, {@link MacAddress#NONE} on SLIP
 * @param pcap where to write a capture, or null
 * @param exclusiveLock whether to take the port's exclusive lock
 */
record LinkSettings(String serial, int baud, Framing framing, Ipv4Prefix address, int peer, int gateway, int mtu,
        long mac, Path pcap, boolean exclusiveLock) {
    /** RFC 791 §3.2: every internet module must take 68-octet datagrams in one piece. */
    static final int MIN_MTU = Ipv4Config.MIN_MTU;
    /**
     * The largest MTU: the one {@link StackConfig#DEFAULT}'s IPv4 layer is built for (its fragment
     * buffer's size). A constant, for the help text; a test keeps it equal to the stack's.
     */
    static final int MAX_MTU = 9000;

    /** Prefix length of {@code --ip} without {@code /N} on a SLIP link with a {@code --peer}. */
    static final int POINT_TO_POINT_PREFIX = 32;
    /** Prefix length of {@code --ip} without {@code /N} otherwise. */
    static final int DEFAULT_PREFIX = 24;

    /** Checks the options and fills in the defaults; throws with one line naming the option. */
    static LinkSettings of(String serial, String ip, String peerText, String gatewayText, String framingName, int baud,
            Integer mtuOrNull, String macText, Path pcap, boolean exclusiveLock) {
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException("--serial needs the path of a serial port, e.g. /dev/ttyUSB0");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("--baud must be a positive rate in bit/s, was " + baud);
        }
        Framing framing = option("--framing", () -> Framing.named(framingName));
        boolean slip = framing.medium() == Medium.IP; // SLIP or CSLIP: point to point

        int peer = Ipv4Address.ANY;
        if (peerText != null) {
            if (!slip) {
                throw new IllegalArgumentException("--peer is for point-to-point SLIP links; on an ethernet link "
                        + "neighbours are found by ARP");
            }
            peer = option("--peer", () -> Ipv4Address.parse(peerText));
        }
        int defaultPrefix = slip && peerText != null ? POINT_TO_POINT_PREFIX : DEFAULT_PREFIX;
        Ipv4Prefix address = option("--ip", () -> Ipv4Prefix.parse(ip, defaultPrefix));

        if (peerText != null) {
            requireHost("--peer", peer, address);
        }
        int gateway = Ipv4Address.ANY;
        if (gatewayText != null) {
            gateway = option("--gateway", () -> Ipv4Address.parse(gatewayText));
            requireHost("--gateway", gateway, address);
            boolean onLink = (address.prefixLength() < 32 && address.contains(gateway)) || gateway == peer;
            if (!onLink) {
                throw new IllegalArgumentException("--gateway " + Ipv4Address.format(gateway) + " is not on the link: "
                        + "outside " + address + (peerText != null ? " and not the --peer" : ""));
            }
        }

        int mtu = mtuOrNull != null ? mtuOrNull : slip ? SerialAdapter.SLIP_MTU : SerialAdapter.ETHERNET_MTU;
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw new IllegalArgumentException("--mtu must be " + MIN_MTU + ".." + MAX_MTU + ", was " + mtu);
        }

        long mac = MacAddress.NONE;
        if (macText != null) {
            if (slip) {
                throw new IllegalArgumentException("--mac is for --framing ethernet; a SLIP link has no MAC address");
            }
            mac = option("--mac", () -> MacAddress.parse(macText));
            if (MacAddress.isGroup(mac)) {
                throw new IllegalArgumentException("--mac " + MacAddress.format(mac)
                        + " is a group (multicast) address; an interface needs an individual one");
            }
            if (mac == MacAddress.NONE) {
                throw new IllegalArgumentException("--mac 00:00:00:00:00:00 is not an address");
            }
        } else if (!slip) {
            mac = defaultMac(address.address());
        }

        LinkSettings settings = new LinkSettings(serial, baud, framing, address, peer, gateway, mtu, mac, pcap,
                exclusiveLock);
        option("--ip", settings::interfaceConfig); // the stack's own checks: not the network or broadcast address
        return settings;
    }

    /**
     * A locally administered, individual MAC made from our IPv4 address: 02:00:a:b:c:d. Unique on a
     * link as long as the addresses are, and recognisable in a capture.
     */
    static long defaultMac(int address) {
        return 0x0200_0000_0000L | (address & 0xFFFF_FFFFL);
    }

    /** The stack's description of this interface. */
    InterfaceConfig interfaceConfig() {
        return framing.medium() == Medium.IP
                ? InterfaceConfig.pointToPoint(address, peer).withHeaderCompression(framing.compressesHeaders())
                : InterfaceConfig.ethernet(address, mac);
    }

    /**
     * Whether a datagram to {@code destination} has a route from this link alone: our address, the
     * prefix, the peer, or anything when there is a gateway. The stack decides in the end; this is
     * for saying so before a port is opened.
     */
    boolean routes(int destination) {
        return destination == address.address() || (address.prefixLength() < 32 && address.contains(destination))
                || (peer != Ipv4Address.ANY && destination == peer) || gateway != Ipv4Address.ANY;
    }

    /** {@code 10.0.0.2/24 on /dev/ttyUSB0 (slip, 115200 baud, mtu 1006)}, with the peer and MAC when set. */
    String describe() {
        StringBuilder s = new StringBuilder().append(address);
        if (peer != Ipv4Address.ANY) {
            s.append(" peer ").append(Ipv4Address.format(peer));
        }
        s.append(" on ").append(serial).append(" (").append(framing.name()).append(", ").append(baud)
                .append(" baud, mtu ").append(mtu);
        if (mac != MacAddress.NONE) {
            s.append(", mac ").append(MacAddress.format(mac));
        }
        return s.append(')').toString();
    }

    /** A neighbour's address must name one host that is not us. */
    private static void requireHost(String option, int host, Ipv4Prefix us) {
        String text = Ipv4Address.format(host);
        if (host == Ipv4Address.ANY || host == Ipv4Address.LIMITED_BROADCAST || Ipv4Address.isMulticast(host)
                || Ipv4Address.isLoopback(host)) {
            throw new IllegalArgumentException(option + " " + text + " is not a host address");
        }
        if (host == us.address()) {
            throw new IllegalArgumentException(option + " " + text + " is our own address (--ip)");
        }
        if (us.prefixLength() < 31 && us.contains(host) && (host == us.network() || host == us.broadcast())) {
            throw new IllegalArgumentException(option + " " + text + " is the "
                    + (host == us.network() ? "network" : "broadcast") + " address of " + us);
        }
    }

    /** Runs a parser or check, putting the option's name in front of its message. */
    private static <T> T option(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
