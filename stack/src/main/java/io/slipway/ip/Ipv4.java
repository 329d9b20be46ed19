package io.slipway.ip;

import io.slipway.base.Bytes;
import io.slipway.base.Counters;
import io.slipway.base.FrameRing;
import io.slipway.base.InternetChecksum;
import io.slipway.base.PacketBuffer;
import io.slipway.base.TimerQueue;
import io.slipway.driver.EtherType;
import io.slipway.driver.EthernetHeader;
import io.slipway.driver.Link;
import io.slipway.driver.MacAddress;

/**
 * The IPv4 layer of one stack (RFC 791, RFC 1122 §3.2–3.3, RFC 1812 §5 for forwarding).
 *
 * <p>Receive: validate, then deliver to the protocol registered for the datagram (reassembling
 * fragments first), forward it when forwarding is on, or drop and count. Send: route by longest
 * prefix, add the header, fragment to the outgoing MTU, and hand each packet to the interface's
 * {@link NeighbourResolver}. Datagrams to our own addresses loop back through a queue drained by
 * {@link #poll}, so a reply is never built while the request's buffer is still in use.
 *
 * <p>Single-threaded (the stack thread); allocates nothing per packet.
 */
public final class Ipv4 {
    /** Headroom every packet needs for the largest link header below IP. */
    public static final int LINK_HEADROOM = EthernetHeader.LENGTH;
    /** Headroom a transport protocol leaves in its buffers: link header plus a plain IPv4 header. */
    public static final int HEADROOM = LINK_HEADROOM + Ipv4Header.MIN_LENGTH;

    private final Ipv4Config config;
    private final IpInterface[] interfaces;
    private int interfaceCount;
    private final RoutingTable routes;
    private final ProtocolHandler[] handlers = new ProtocolHandler[256];
    private final Counters<IpEvent> events = new Counters<>(IpEvent.class);
    private final Reassembler reassembler;
    private final Ipv4Header rxHeader = new Ipv4Header();
    private final Ipv4Header txHeader = new Ipv4Header();
    private final Fragmenter fragmenter;
    private final Fragmenter.PieceSender toLink = this::toLink;
    private final FrameRing loopback;
    private final PacketBuffer loopbackBuffer;
    private IcmpErrorSender icmp = (type, code, extra, original, offset, length, in, broadcast, now) -> { };
    private boolean forwarding;
    private int nextIdentification;

    /**
     * @param identificationSeed where datagram identifications start (pass a random value: RFC
     *     6864 §4 asks that they not be predictable across sources)
     */
    public Ipv4(Ipv4Config config, TimerQueue timers, int identificationSeed) {
        this.config = config;
        this.interfaces = new IpInterface[config.maxInterfaces()];
        this.routes = new RoutingTable(config.maxRoutes());
        this.reassembler = new Reassembler(config.reassembly(), HEADROOM, timers, events, this::reassemblyTimedOut);
        this.fragmenter = new Fragmenter(config.maxMtu(), events);
        this.loopback = new FrameRing(config.loopbackBytes());
        this.loopbackBuffer = PacketBuffer.standalone(HEADROOM + Ipv4Header.MAX_TOTAL_LENGTH, HEADROOM);
        this.nextIdentification = identificationSeed & 0xFFFF;
    }

    /**
     * Adds an interface on {@code link} with our address and prefix, and its connected routes:
     * the prefix's network, and the point-to-point {@code peer} (or {@link Ipv4Address#ANY}).
     *
     * @param resolver how packets reach neighbours; null for a point-to-point link
     */
    public IpInterface addInterface(Link link, Ipv4Prefix prefix, int peer, NeighbourResolver resolver) {
        if (interfaceCount == interfaces.length) {
            throw new IllegalStateException("no room for another interface (max " + interfaces.length + ")");
        }
        if (link.mtu() < Ipv4Config.MIN_MTU || link.mtu() > config.maxMtu()) {
            throw new IllegalArgumentException("MTU of " + link.name() + " must be " + Ipv4Config.MIN_MTU + ".."
                    + config.maxMtu() + ": " + link.mtu());
        }
        IpInterface in = new IpInterface(interfaceCount, link, prefix, peer, this);
        in.setResolver(resolver != null ? resolver : new PointToPoint(link));
        interfaces[interfaceCount++] = in;
        if (prefix.prefixLength() < 32) {
            routes.add(new Route(prefix.network(), prefix.prefixLength(), Ipv4Address.ANY, in));
        }
        if (peer != Ipv4Address.ANY && !(prefix.prefixLength() < 32 && prefix.contains(peer))) {
            routes.add(new Route(peer, 32, Ipv4Address.ANY, in));
        }
        return in;
    }

    public int interfaceCount() {
        return interfaceCount;
    }

    public IpInterface interfaceAt(int index) {
        if (index < 0 || index >= interfaceCount) {
            throw new IndexOutOfBoundsException("no interface " + index);
        }
        return interfaces[index];
    }

    public RoutingTable routes() {
        return routes;
    }

    public Counters<IpEvent> events() {
        return events;
    }

    public Reassembler reassembler() {
        return reassembler;
    }

    /** Registers the protocol above IP that takes datagrams of {@code protocol}. */
    public void register(int protocol, ProtocolHandler handler) {
        handlers[protocol & 0xFF] = handler;
    }

    public void setIcmpErrorSender(IcmpErrorSender icmp) {
        this.icmp = icmp;
    }

    /** Routers forward; hosts must not, unless configured to (RFC 1122 §3.3.4.1). */
    public void setForwarding(boolean forwarding) {
        this.forwarding = forwarding;
    }

    public boolean isForwarding() {
        return forwarding;
    }

    /** The largest MTU an interface of this layer may have: the size of its buffers. */
    public int maxMtu() {
        return config.maxMtu();
    }

    public int defaultTtl() {
        return config.defaultTtl();
    }

    /** One of our interfaces' addresses. */
    public boolean isLocalAddress(int address) {
        for (int i = 0; i < interfaceCount; i++) {
            if (interfaces[i].address() == address) {
                return true;
            }
        }
        return false;
    }

    /** Datagrams we sent to ourselves wait for the next {@link #poll}. */
    public boolean hasPendingWork() {
        return !loopback.isEmpty();
    }

    /** Delivers the datagrams we sent to ourselves. */
    public void poll(long nowNanos) {
        while (!loopback.isEmpty()) {
            PacketBuffer b = loopbackBuffer.reset(HEADROOM);
            int len = loopback.poll(b.data(), b.offset(), b.capacity() - b.offset());
            b.set(b.offset(), len);
            Ipv4Header h = rxHeader.wrap(b.data(), b.offset(), len);
            events.increment(IpEvent.PACKETS_IN);
            deliverLocal(h, b, interfaces[0], false, nowNanos);
        }
    }

    // ---------------------------------------------------------------- receive

    /** A packet from {@code in}'s link; the buffer is lent for the call. */
    void receive(IpInterface in, PacketBuffer packet, boolean linkBroadcast, long nowNanos) {
        events.increment(IpEvent.PACKETS_IN);
        Ipv4Header h = rxHeader.wrap(packet.data(), packet.offset(), packet.length());
        IpEvent bad = h.check();
        if (bad != null) {
            events.increment(bad);
            return;
        }
        packet.truncate(h.totalLength()); // strip link padding
        int source = h.source();
        if (isBadSource(source, in)) {
            events.increment(IpEvent.DROP_BAD_SOURCE);
            return;
        }
        int destination = h.destination();
        if (Ipv4Address.isMulticast(destination)) {
            events.increment(IpEvent.DROP_MULTICAST);
            return;
        }
        boolean broadcast = linkBroadcast || in.isBroadcast(destination);
        if (h.headerLength() > Ipv4Header.MIN_LENGTH) {
            int pointer = h.badOptionPointer();
            if (pointer >= 0) {
                events.increment(IpEvent.DROP_BAD_OPTIONS);
                // RFC 1122 §3.2.2.5: a host SHOULD say which byte it could not parse.
                icmp.sendError(IcmpTypes.PARAMETER_PROBLEM, 0, pointer, packet.data(), packet.offset(),
                        packet.length(), in, broadcast, nowNanos);
                return;
            }
        }
        if (broadcast || isLocalAddress(destination)) {
            deliverLocal(h, packet, in, broadcast, nowNanos);
        } else if (forwarding) {
            forward(h, packet, in, nowNanos);
        } else {
            events.increment(IpEvent.DROP_NOT_FOR_US);
        }
    }

    /** RFC 1122 §3.2.1.3: a source may not be a broadcast, multicast, loopback or class E address. */
    private static boolean isBadSource(int source, IpInterface in) {
        return Ipv4Address.isMulticast(source) || Ipv4Address.isLoopback(source) || in.isBroadcast(source)
                || (source >>> 28) == 0xF;
    }

    private void deliverLocal(Ipv4Header h, PacketBuffer packet, IpInterface in, boolean broadcast, long nowNanos) {
        if (!h.isFragment()) {
            deliver(h, packet, in, broadcast, nowNanos);
            return;
        }
        events.increment(IpEvent.FRAGMENTS_IN);
        PacketBuffer whole = reassembler.add(h, packet, in, nowNanos);
        if (whole == null) {
            return;
        }
        events.increment(IpEvent.REASSEMBLED);
        try {
            deliver(rxHeader.wrap(whole.data(), whole.offset(), whole.length()), whole, in, broadcast, nowNanos);
        } finally {
            reassembler.release(whole);
        }
    }

    private void deliver(Ipv4Header h, PacketBuffer packet, IpInterface in, boolean broadcast, long nowNanos) {
        ProtocolHandler handler = handlers[h.protocol()];
        if (handler == null) {
            events.increment(IpEvent.DROP_UNKNOWN_PROTOCOL);
            // RFC 1122 §3.2.2.1: protocol unreachable (code 2).
            icmp.sendError(IcmpTypes.DESTINATION_UNREACHABLE, IcmpTypes.PROTOCOL_UNREACHABLE, 0, packet.data(),
                    packet.offset(), packet.length(), in, broadcast, nowNanos);
            return;
        }
        events.increment(IpEvent.DELIVERED);
        packet.consume(h.headerLength());
        handler.onDatagram(h, packet, in, broadcast, nowNanos);
    }

    // ---------------------------------------------------------------- forward

    /** RFC 1812 §5.2–5.3: a datagram passing through us to another network. */
    private void forward(Ipv4Header h, PacketBuffer packet, IpInterface in, long nowNanos) {
        if (h.ttl() <= 1) {
            events.increment(IpEvent.DROP_TTL_EXPIRED);
            icmp.sendError(IcmpTypes.TIME_EXCEEDED, IcmpTypes.TTL_EXCEEDED_IN_TRANSIT, 0, packet.data(),
                    packet.offset(), packet.length(), in, false, nowNanos);
            return;
        }
        int destination = h.destination();
        Route route = routes.lookup(destination);
        if (route == null) {
            events.increment(IpEvent.DROP_NO_ROUTE);
            icmp.sendError(IcmpTypes.DESTINATION_UNREACHABLE, IcmpTypes.NET_UNREACHABLE, 0, packet.data(),
                    packet.offset(), packet.length(), in, false, nowNanos);
            return;
        }
        IpInterface out = route.out();
        if (out.isBroadcast(destination)) {
            // RFC 2644: routers must not forward directed broadcasts by default (smurf attacks).
            events.increment(IpEvent.DROP_DIRECTED_BROADCAST);
            return;
        }
        if (packet.length() > out.mtu() && h.dontFragment()) {
            events.increment(IpEvent.DROP_FRAGMENTATION_NEEDED);
            // RFC 1191 §4: the next-hop MTU goes in the low 16 bits of the unused word.
            icmp.sendError(IcmpTypes.DESTINATION_UNREACHABLE, IcmpTypes.FRAGMENTATION_NEEDED, out.mtu(),
                    packet.data(), packet.offset(), packet.length(), in, false, nowNanos);
            return;
        }
        if (in.checksumOffload() && !out.checksumOffload() && h.protocol() == IpProtocol.TCP && !h.isFragment()) {
            completeTcpChecksum(h, packet); // its sender left the sum to a link that vouched for it
        }
        h.setTtl(h.ttl() - 1);
        h.updateChecksum();
        events.increment(IpEvent.FORWARDED);
        transmit(out, route.nextHop(destination), packet, h, out.mtu(), nowNanos);
    }

    // ---------------------------------------------------------------- send

    /**
     * Sends {@code payload} (its window: the transport header and data, with {@link #HEADROOM}
     * in front) as one datagram, fragmented if it is larger than the outgoing MTU. On return the
     * buffer's window holds the datagram; the buffer is the caller's again. An exchangeable
     * buffer's bytes may be gone by then: an adapter that trades arrays may have taken its array
     * whole ({@link io.slipway.hal.LanAdapter#transmit(PacketBuffer)}).
     *
     * @param source our address to send from, or {@link Ipv4Address#ANY} for the outgoing
     *     interface's address
     * @param ttl the TTL, or 0 for the default
     */
    public SendResult send(PacketBuffer payload, int source, int destination, int protocol, int ttl,
            boolean dontFragment, long nowNanos) {
        return send(payload, source, destination, protocol, ttl, 0, dontFragment, nowNanos);
    }

    /**
     * As {@link #send(PacketBuffer, int, int, int, int, boolean, long)}, with the header's type of
     * service byte (RFC 791 §3.1, RFC 2474's DS field): {@link Ipv4Header#TOS_LOW_DELAY} asks the
     * LAN driver to send the datagram ahead of bulk traffic.
     */
    public SendResult send(PacketBuffer payload, int source, int destination, int protocol, int ttl, int tos,
            boolean dontFragment, long nowNanos) {
        int total = payload.length() + Ipv4Header.MIN_LENGTH;
        if (total > Ipv4Header.MAX_TOTAL_LENGTH) {
            events.increment(IpEvent.DROP_TOO_BIG);
            return SendResult.TOO_BIG;
        }
        IpInterface out;
        int nextHop;
        if (destination == Ipv4Address.LIMITED_BROADCAST) {
            out = interfaceFor(source);
            nextHop = destination;
        } else if (isLocalAddress(destination)) {
            out = null;
            nextHop = destination;
        } else {
            Route route = routes.lookup(destination);
            if (route == null) {
                events.increment(IpEvent.DROP_NO_ROUTE);
                return SendResult.NO_ROUTE;
            }
            out = route.out();
            nextHop = route.nextHop(destination);
        }
        if (out == null && destination == Ipv4Address.LIMITED_BROADCAST) {
            events.increment(IpEvent.DROP_NO_ROUTE);
            return SendResult.NO_ROUTE;
        }
        if (source == Ipv4Address.ANY) {
            source = out != null ? out.address() : destination;
        }
        int start = payload.prepend(Ipv4Header.MIN_LENGTH);
        Ipv4Header h = txHeader.wrap(payload.data(), start, total);
        int flags = dontFragment ? Ipv4Header.FLAG_DONT_FRAGMENT : 0;
        h.write(tos, total, nextIdentification(), flags, ttl == 0 ? config.defaultTtl() : ttl, protocol, source,
                destination);
        events.increment(IpEvent.PACKETS_OUT);
        if (out == null) {
            return loopback.offer(payload.data(), payload.offset(), payload.length()) ? SendResult.SENT
                    : drop(IpEvent.DROP_LINK);
        }
        // A TCP segment cut for the interface's segmentation offload goes whole; anything else
        // above the MTU is fragmented (RFC 791 §3.2).
        int whole = protocol == IpProtocol.TCP ? out.segmentOffloadLength() : out.mtu();
        if (total > whole && dontFragment) {
            events.increment(IpEvent.DROP_FRAGMENTATION_NEEDED);
            return SendResult.FRAGMENTATION_NEEDED;
        }
        return transmit(out, nextHop, payload, h, whole, nowNanos);
    }

    /**
     * The source address a datagram to {@code destination} would leave with: the address of the
     * interface the route goes out of (RFC 1122 §3.3.4.3), the destination itself when it is ours,
     * or {@link Ipv4Address#ANY} when there is no route. Transport protocols need it before they
     * send, for their checksum's pseudo-header.
     */
    public int sourceAddressFor(int destination) {
        if (destination == Ipv4Address.LIMITED_BROADCAST) {
            IpInterface out = interfaceFor(Ipv4Address.ANY);
            return out == null ? Ipv4Address.ANY : out.address();
        }
        if (isLocalAddress(destination)) {
            return destination;
        }
        Route route = routes.lookup(destination);
        return route == null ? Ipv4Address.ANY : route.out().address();
    }

    /**
     * The MTU of the link a datagram to {@code destination} leaves by, for TCP's MSS (RFC 9293
     * §3.7.1); 0 when there is no route. Our own addresses loop back: the first interface's MTU.
     */
    public int mtuFor(int destination) {
        if (isLocalAddress(destination) || destination == Ipv4Address.LIMITED_BROADCAST) {
            return interfaceCount > 0 ? interfaces[0].mtu() : 0;
        }
        Route route = routes.lookup(destination);
        return route == null ? 0 : route.out().mtu();
    }

    /**
     * Sums the TCP segment in {@code packet} into its checksum field (RFC 9293 §3.1: over the
     * pseudo-header and the segment), for a packet that leaves by a link without checksum
     * offload after arriving by one with it, whose sender may have left the field unsummed; as
     * Linux's skb_checksum_help before a device that cannot sum.
     */
    private static void completeTcpChecksum(Ipv4Header h, PacketBuffer packet) {
        int segment = packet.offset() + h.headerLength();
        int length = packet.length() - h.headerLength();
        if (length < TCP_CHECKSUM_OFFSET + 2) {
            return; // no room for a checksum: TCP at the far end drops it as truncated
        }
        byte[] data = packet.data();
        Bytes.put16(data, segment + TCP_CHECKSUM_OFFSET, 0);
        long sum = InternetChecksum.pseudoHeader(h.source(), h.destination(), IpProtocol.TCP, length);
        sum = InternetChecksum.add(sum, data, segment, length);
        Bytes.put16(data, segment + TCP_CHECKSUM_OFFSET, InternetChecksum.finish(sum));
    }

    /** Where the checksum sits in a TCP header (RFC 9293 §3.1). */
    private static final int TCP_CHECKSUM_OFFSET = 16;

    /** Whether TCP's checksum to {@code destination} is left to its interface ({@link IpInterface#checksumOffload}). */
    public boolean checksumOffloadFor(int destination) {
        if (isLocalAddress(destination) || destination == Ipv4Address.LIMITED_BROADCAST) {
            return false;
        }
        Route route = routes.lookup(destination);
        return route != null && route.out().checksumOffload();
    }

    /**
     * The largest TCP datagram to {@code destination} its interface carries whole
     * ({@link IpInterface#segmentOffloadLength}): above {@link #mtuFor} only on an interface with
     * segmentation offload. Our own addresses: the MTU, the loopback queue offers none.
     */
    public int segmentOffloadFor(int destination) {
        if (isLocalAddress(destination) || destination == Ipv4Address.LIMITED_BROADCAST) {
            return mtuFor(destination);
        }
        Route route = routes.lookup(destination);
        return route == null ? 0 : route.out().segmentOffloadLength();
    }

    /** Whether the interface a datagram to {@code destination} leaves by asks TCP for timestamps (RFC 7323). */
    public boolean tcpTimestampsFor(int destination) {
        if (isLocalAddress(destination) || destination == Ipv4Address.LIMITED_BROADCAST) {
            return interfaceCount > 0 && interfaces[0].tcpTimestamps();
        }
        Route route = routes.lookup(destination);
        return route != null && route.out().tcpTimestamps();
    }

    /** True when {@code address} is a broadcast address of one of our interfaces (or the limited one). */
    public boolean isBroadcast(int address) {
        for (int i = 0; i < interfaceCount; i++) {
            if (interfaces[i].isBroadcast(address)) {
                return true;
            }
        }
        return address == Ipv4Address.LIMITED_BROADCAST;
    }

    private int nextIdentification() {
        int id = nextIdentification;
        nextIdentification = (nextIdentification + 1) & 0xFFFF;
        return id;
    }

    /** The interface that owns {@code source}, or the first one. */
    private IpInterface interfaceFor(int source) {
        for (int i = 0; i < interfaceCount; i++) {
            if (interfaces[i].address() == source) {
                return interfaces[i];
            }
        }
        return interfaceCount > 0 ? interfaces[0] : null;
    }

    private SendResult drop(IpEvent reason) {
        events.increment(reason);
        return SendResult.DROPPED;
    }

    /**
     * Puts a complete datagram on {@code out}'s link, in fragments if it is longer than
     * {@code whole}: the MTU, or the segmentation offload's limit for a TCP segment we send.
     */
    private SendResult transmit(IpInterface out, int nextHop, PacketBuffer datagram, Ipv4Header h, int whole,
            long nowNanos) {
        if (datagram.length() > whole) {
            return fragmenter.fragment(out, nextHop, datagram, h, toLink, nowNanos);
        }
        return toLink(out, nextHop, datagram, nowNanos) ? SendResult.SENT : drop(IpEvent.DROP_LINK);
    }

    private boolean toLink(IpInterface out, int nextHop, PacketBuffer datagram, long nowNanos) {
        if (out.isBroadcast(nextHop)) {
            return out.link().send(datagram, EtherType.IPV4, MacAddress.BROADCAST);
        }
        return out.resolver().send(datagram, nextHop, nowNanos);
    }

    private void reassemblyTimedOut(byte[] data, int offset, int length, IpInterface in, long nowNanos) {
        // RFC 1122 §3.3.2: time exceeded, code 1, only when fragment zero was received.
        icmp.sendError(IcmpTypes.TIME_EXCEEDED, IcmpTypes.FRAGMENT_REASSEMBLY_TIME_EXCEEDED, 0, data, offset, length,
                in, false, nowNanos);
    }
}
