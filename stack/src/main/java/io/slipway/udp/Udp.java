package io.slipway.udp;

import io.slipway.base.Bytes;
import io.slipway.base.Counters;
import io.slipway.base.EphemeralPorts;
import io.slipway.base.PacketBuffer;
import io.slipway.icmp.Icmp;
import io.slipway.icmp.TransportErrorListener;
import io.slipway.ip.IcmpErrorSender;
import io.slipway.ip.IcmpTypes;
import io.slipway.ip.IpInterface;
import io.slipway.ip.IpProtocol;
import io.slipway.ip.Ipv4;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Header;
import io.slipway.ip.ProtocolHandler;
import io.slipway.ip.SendResult;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;

/**
 * UDP for one stack (RFC 768, RFC 1122 §4.1): a bounded table of endpoints, demultiplexing by
 * port and address, the checksum both ways, ICMP port unreachable for datagrams nobody listens
 * for, and ICMP errors handed to the connected endpoint they concern.
 *
 * <p>Demultiplexing picks, among the endpoints on the destination port, the most specific: a
 * connected endpoint whose remote address and port match the source beats one bound to the
 * destination address, which beats one bound to every address. An endpoint bound to one address
 * never sees datagrams to another address, broadcasts included (as in BSD).
 *
 * <p>Single-threaded (the stack thread); nothing allocates per datagram. The table is searched
 * linearly: it holds tens of endpoints, and a scan is simple and allocation-free.
 */
public final class Udp implements ProtocolHandler, TransportErrorListener {
    /** Headroom a buffer handed to {@link #send} needs: link, IPv4 and UDP headers. */
    public static final int HEADROOM = Ipv4.HEADROOM + UdpHeader.LENGTH;
    private final Ipv4 ip;
    private final IcmpErrorSender icmp;
    private final UdpEndpoint[] endpoints;
    private final EphemeralPorts ephemeral;
    private final IntPredicate portInUse = this::portInUse;
    private final Counters<UdpEvent> events = new Counters<>(UdpEvent.class);
    private final UdpHeader rx = new UdpHeader();
    private final UdpHeader tx = new UdpHeader();
    private int open;

    public Udp(Ipv4 ip, Icmp icmp, UdpConfig config, RandomGenerator random) {
        this.ip = ip;
        this.icmp = icmp;
        this.endpoints = new UdpEndpoint[config.maxEndpoints()];
        this.ephemeral = new EphemeralPorts(config.ephemeralFirst(), config.ephemeralLast(), random);
        ip.register(IpProtocol.UDP, this);
        icmp.registerErrorListener(IpProtocol.UDP, this);
    }

    public Counters<UdpEvent> events() {
        return events;
    }

    /** Endpoints open now. */
    public int openCount() {
        return open;
    }

    /** The most endpoints that can be open at once. */
    public int capacity() {
        return endpoints.length;
    }

    // ---------------------------------------------------------------- control

    /** A new, unbound endpoint delivering to {@code receiver}; null when the table is full. */
    public UdpEndpoint open(UdpReceiver receiver) {
        for (int i = 0; i < endpoints.length; i++) {
            if (endpoints[i] == null) {
                endpoints[i] = new UdpEndpoint(i, receiver);
                open++;
                return endpoints[i];
            }
        }
        return null;
    }

    /**
     * Binds to {@code address} (one of ours, or {@link Ipv4Address#ANY}) and {@code port} (0 for
     * an ephemeral port, chosen at random: RFC 6056). Two endpoints may not share a port when
     * their addresses are equal or either is ANY: there is no SO_REUSEADDR.
     */
    public BindResult bind(UdpEndpoint e, int address, int port) {
        if (e.isBound() || port < 0 || port > 0xFFFF) {
            return BindResult.INVALID;
        }
        if (address != Ipv4Address.ANY && !ip.isLocalAddress(address)) {
            return BindResult.ADDRESS_NOT_AVAILABLE;
        }
        if (port == 0) {
            port = ephemeral.choose(portInUse);
            if (port < 0) {
                return BindResult.NO_FREE_PORT;
            }
        } else if (conflicts(address, port)) {
            return BindResult.ADDRESS_IN_USE;
        }
        e.localAddress = address;
        e.localPort = port;
        return BindResult.OK;
    }

    /**
     * Connects to {@code address:port}: datagrams go there by default and only datagrams from
     * there are received, and ICMP errors are reported. An unbound endpoint is bound to an
     * ephemeral port first; one bound to every address takes the source address the route gives
     * (as BSD's in_pcbconnect does). {@link Ipv4Address#ANY} with port 0 disconnects, and gives
     * back an address connect chose; the port stays bound.
     */
    public BindResult connect(UdpEndpoint e, int address, int port) {
        if (address == Ipv4Address.ANY && port == 0) {
            e.remoteAddress = Ipv4Address.ANY;
            e.remotePort = 0;
            if (e.addressFromConnect) {
                // As Linux (inet_reset_saddr) and BSD do: bound to every address again.
                e.localAddress = Ipv4Address.ANY;
                e.addressFromConnect = false;
            }
            return BindResult.OK;
        }
        if (port <= 0 || port > 0xFFFF) {
            return BindResult.INVALID;
        }
        int source = ip.sourceAddressFor(address);
        if (source == Ipv4Address.ANY) {
            return BindResult.NO_ROUTE;
        }
        if (!e.isBound()) {
            BindResult bound = bind(e, Ipv4Address.ANY, 0);
            if (bound != BindResult.OK) {
                return bound;
            }
        }
        if (e.localAddress == Ipv4Address.ANY && address != Ipv4Address.LIMITED_BROADCAST) {
            e.localAddress = source;
            e.addressFromConnect = true;
        }
        e.remoteAddress = address;
        e.remotePort = port;
        return BindResult.OK;
    }

    /** Closes the endpoint: its port is free again and nothing more is delivered to it. */
    public void close(UdpEndpoint e) {
        if (endpoints[e.slot()] == e) {
            endpoints[e.slot()] = null;
            e.receiver = null;
            open--;
        }
    }

    private boolean conflicts(int address, int port) {
        for (UdpEndpoint other : endpoints) {
            if (other != null && other.localPort == port && (other.localAddress == address
                    || other.localAddress == Ipv4Address.ANY || address == Ipv4Address.ANY)) {
                return true;
            }
        }
        return false;
    }

    private boolean portInUse(int port) {
        for (UdpEndpoint other : endpoints) {
            if (other != null && other.localPort == port) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- send

    /**
     * Sends {@code payload} (its window: the data, with {@link Ipv4#HEADROOM} plus
     * {@link UdpHeader#LENGTH} bytes free in front) from the bound endpoint to
     * {@code destination:port}. The buffer is the caller's again on return; an exchangeable
     * buffer's bytes may be gone by then (see {@link Ipv4#send}).
     */
    public SendStatus send(UdpEndpoint e, int destination, int port, PacketBuffer payload, long nowNanos) {
        if (payload.length() > UdpHeader.MAX_PAYLOAD) {
            events.increment(UdpEvent.DROP_SEND_FAILED);
            return SendStatus.TOO_BIG;
        }
        int source = e.localAddress;
        if (source == Ipv4Address.ANY) {
            source = ip.sourceAddressFor(destination);
            if (source == Ipv4Address.ANY) {
                events.increment(UdpEvent.DROP_SEND_FAILED);
                return SendStatus.NO_ROUTE;
            }
        }
        int length = payload.length();
        int start = payload.prepend(UdpHeader.LENGTH);
        tx.wrap(payload.data(), start, UdpHeader.LENGTH + length).write(e.localPort, port, length, source, destination);
        events.increment(UdpEvent.DATAGRAMS_OUT);
        SendResult result = ip.send(payload, source, destination, IpProtocol.UDP, 0, false, nowNanos);
        switch (result) {
            case SENT:
                return SendStatus.SENT;
            case NO_ROUTE:
                events.increment(UdpEvent.DROP_SEND_FAILED);
                return SendStatus.NO_ROUTE;
            case TOO_BIG:
                events.increment(UdpEvent.DROP_SEND_FAILED);
                return SendStatus.TOO_BIG;
            default:
                events.increment(UdpEvent.DROP_SEND_FAILED);
                return SendStatus.DROPPED;
        }
    }

    // ---------------------------------------------------------------- receive

    @Override
    public void onDatagram(Ipv4Header header, PacketBuffer payload, IpInterface in, boolean broadcast,
            long nowNanos) {
        events.increment(UdpEvent.DATAGRAMS_IN);
        int source = header.source();
        int destination = header.destination();
        UdpHeader h = rx.wrap(payload.data(), payload.offset(), payload.length());
        UdpEvent bad = h.check(source, destination);
        if (bad != null) {
            events.increment(bad);
            return;
        }
        UdpEndpoint e = find(destination, h.destinationPort(), source, h.sourcePort());
        if (e == null) {
            events.increment(UdpEvent.DROP_NO_PORT);
            // RFC 1122 §4.1.3.1: SHOULD send port unreachable; ICMP leaves out broadcasts.
            icmp.sendError(IcmpTypes.DESTINATION_UNREACHABLE, IcmpTypes.PORT_UNREACHABLE, 0, header.data(),
                    header.offset(), header.totalLength(), in, broadcast, nowNanos);
            return;
        }
        if (!e.receiver.onDatagram(e, source, h.sourcePort(), destination, payload.data(), h.payloadOffset(),
                h.payloadLength(), nowNanos)) {
            events.increment(UdpEvent.DROP_RECEIVE_QUEUE_FULL);
        }
    }

    /** The most specific endpoint for a datagram, or null. */
    private UdpEndpoint find(int destination, int port, int source, int sourcePort) {
        UdpEndpoint best = null;
        int bestScore = -1;
        for (UdpEndpoint e : endpoints) {
            if (e == null || e.localPort != port) {
                continue;
            }
            if (e.localAddress != Ipv4Address.ANY && e.localAddress != destination) {
                continue;
            }
            if (e.isConnected() && (e.remoteAddress != source || e.remotePort != sourcePort)) {
                continue;
            }
            int score = (e.isConnected() ? 2 : 0) + (e.localAddress != Ipv4Address.ANY ? 1 : 0);
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return best;
    }

    /** RFC 1122 §4.1.3.3: an ICMP error about one of our datagrams goes to the connected endpoint that sent it. */
    @Override
    public void onIcmpError(int reporter, int type, int code, int info, int originalSource, int originalDestination,
            byte[] data, int offset, int length, long nowNanos) {
        events.increment(UdpEvent.ICMP_ERRORS_IN);
        UdpError error = UdpError.of(type, code);
        if (error == null) {
            return;
        }
        int localPort = Bytes.u16(data, offset + UdpHeader.SOURCE_PORT);
        int remotePort = Bytes.u16(data, offset + UdpHeader.DESTINATION_PORT);
        for (UdpEndpoint e : endpoints) {
            // Only a connected endpoint hears errors: on an unconnected one, an error could be
            // about any of its peers, and BSD and Linux stay silent there too.
            if (e != null && e.isConnected() && e.localPort == localPort && e.remotePort == remotePort
                    && e.remoteAddress == originalDestination
                    && (e.localAddress == Ipv4Address.ANY || e.localAddress == originalSource)) {
                events.increment(UdpEvent.ICMP_ERRORS_DELIVERED);
                e.receiver.onError(e, error, reporter, nowNanos);
                return;
            }
        }
    }
}
