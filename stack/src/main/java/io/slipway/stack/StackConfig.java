package io.slipway.stack;

import io.slipway.arp.ArpConfig;
import io.slipway.icmp.IcmpConfig;
import io.slipway.ip.Ipv4Config;
import io.slipway.socket.SocketConfig;
import io.slipway.tcp.TcpConfig;
import io.slipway.udp.UdpConfig;

/**
 * The fixed sizes of a stack: every table is bounded by configuration, never by what a peer sends.
 *
 * @param maxInterfaces interfaces (adapters) one stack can attach
 * @param maxTimers timers that can be scheduled at once
 * @param driverBacklogBytes each driver's transmit backlog, a power of two
 * @param ipv4 the IPv4 layer: routes, TTL, reassembly bounds
 * @param icmp ICMP: error rate limit, echo endpoints
 * @param arp ARP on each Ethernet interface: cache size, ageing, retries, wait queues
 * @param udp UDP: endpoints, the ephemeral port range
 * @param sockets the socket library: descriptors, datagram queues, services
 * @param tcp TCP: connections, buffers, timers
 */
public record StackConfig(int maxInterfaces, int maxTimers, int driverBacklogBytes, Ipv4Config ipv4,
        IcmpConfig icmp, ArpConfig arp, UdpConfig udp, SocketConfig sockets, TcpConfig tcp) {
    /**
     * A driver backlog of 128 KiB: a whole 64 KiB TCP window of frames waits there without a drop
     * when the adapter itself queues only a frame or two (which keeps low-delay frames fast).
     */
    public static final StackConfig DEFAULT = new StackConfig(4, 4096, 128 * 1024);

    public StackConfig {
        if (maxInterfaces < 1 || maxTimers < 1) {
            throw new IllegalArgumentException("a stack needs at least one interface and one timer");
        }
        if (Integer.bitCount(driverBacklogBytes) != 1) {
            throw new IllegalArgumentException("driver backlog must be a power of two: " + driverBacklogBytes);
        }
        if (ipv4.maxInterfaces() < maxInterfaces) {
            ipv4 = ipv4.withMaxInterfaces(maxInterfaces);
        }
        if (udp.maxEndpoints() < sockets.maxSockets()) {
            udp = udp.withMaxEndpoints(sockets.maxSockets()); // every descriptor may be a UDP socket
        }
    }

    /** Default IPv4 and ICMP settings. */
    public StackConfig(int maxInterfaces, int maxTimers, int driverBacklogBytes) {
        this(maxInterfaces, maxTimers, driverBacklogBytes, Ipv4Config.DEFAULT.withMaxInterfaces(maxInterfaces),
                IcmpConfig.DEFAULT, ArpConfig.DEFAULT, UdpConfig.DEFAULT, SocketConfig.DEFAULT, TcpConfig.DEFAULT);
    }

    public StackConfig withIpv4(Ipv4Config ipv4) {
        return new StackConfig(maxInterfaces, maxTimers, driverBacklogBytes, ipv4, icmp, arp, udp, sockets, tcp);
    }

    public StackConfig withIcmp(IcmpConfig icmp) {
        return new StackConfig(maxInterfaces, maxTimers, driverBacklogBytes, ipv4, icmp, arp, udp, sockets, tcp);
    }

    public StackConfig withArp(ArpConfig arp) {
        return new StackConfig(maxInterfaces, maxTimers, driverBacklogBytes, ipv4, icmp, arp, udp, sockets, tcp);
    }

    public StackConfig withUdp(UdpConfig udp) {
        return new StackConfig(maxInterfaces, maxTimers, driverBacklogBytes, ipv4, icmp, arp, udp, sockets, tcp);
    }

    public StackConfig withSockets(SocketConfig sockets) {
        return new StackConfig(maxInterfaces, maxTimers, driverBacklogBytes, ipv4, icmp, arp, udp, sockets, tcp);
    }

    public StackConfig withTcp(TcpConfig tcp) {
        return new StackConfig(maxInterfaces, maxTimers, driverBacklogBytes, ipv4, icmp, arp, udp, sockets, tcp);
    }
}
