package io.slipway.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command that starts a stack shares: which serial port, how it is framed, and
 * how the one IP interface on it is set up. A picocli mixin; {@link #settings()} checks them and
 * turns them into a {@link LinkSettings}, throwing {@link IllegalArgumentException} with one clear
 * line for anything wrong, so that {@link Slipway} exits with 2 before any port is opened.
 *
 * <p>Addresses are kept as text here, not converted by picocli, so that the message names the
 * option and says what is wrong with the value.
 */
final class LinkOptions {
    @Option(names = "--serial", paramLabel = "PATH", required = true, order = 1,
            description = "Serial port: a device (/dev/ttyUSB0), a link to one (/dev/serial/by-id/...), "
                    + "or one end of a socat pty pair.")
    String serial;

    @Option(names = "--ip", paramLabel = "A.B.C.D[/N]", required = true, order = 2,
            description = "Our address on the link, with its prefix length. Without /N: /32 on a SLIP "
                    + "link with --peer (the peer gets a host route, as 'ip addr add A peer P' does), "
                    + "/24 otherwise.")
    String ip;

    @Option(names = "--peer", paramLabel = "A.B.C.D", order = 3,
            description = "The far end of a point-to-point SLIP link.")
    String peer;

    @Option(names = "--gateway", paramLabel = "A.B.C.D", order = 4,
            description = "Default route via this router; it must be on the link (in the --ip prefix, "
                    + "or the --peer).")
    String gateway;

    @Option(names = "--framing", paramLabel = "slip|cslip|ethernet", defaultValue = "slip", order = 5,
            description = "What the line carries: slip (RFC 1055, IP packets), cslip (SLIP with TCP/IP "
                    + "headers compressed, RFC 1144; the peer must use it too, as slattach -p cslip) or "
                    + "ethernet (Ethernet frames, SLIP-stuffed, with a CRC-32). Default: ${DEFAULT-VALUE}.")
    String framing;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200", order = 6,
            description = "Line speed in bit/s, 8N1, no flow control (pseudo-terminals ignore it). "
                    + "Default: ${DEFAULT-VALUE}.")
    int baud;

    @Option(names = "--mtu", paramLabel = "N", order = 7,
            description = "Largest IP packet on the link, " + LinkSettings.MIN_MTU + ".." + LinkSettings.MAX_MTU
                    + ". Default: 1006 for slip and cslip (RFC 1055), 1500 for ethernet.")
    Integer mtu;

    @Option(names = "--mac", paramLabel = "XX:XX:XX:XX:XX:XX", order = 8,
            description = "Our MAC address (ethernet only). Default: a locally administered address "
                    + "made from --ip, 02:00 followed by its four bytes.")
    String mac;

    @Option(names = "--pcap", paramLabel = "FILE", order = 9,
            description = "Write every frame on the link to FILE (pcap; Wireshark and tcpdump read it).")
    Path pcap;

    @Option(names = "--no-lock", order = 10,
            description = "Do not take the exclusive lock on the port, so that another program may have "
                    + "it open too (a pty shared with a bridge or slattach).")
    boolean noLock;

    /** The checked settings; throws {@link IllegalArgumentException} naming the bad option. */
    LinkSettings settings() {
        return LinkSettings.of(serial, ip, peer, gateway, framing, baud, mtu, mac, pcap, !noLock);
    }
}
