package io.slipway.icmp;

import io.slipway.base.Bytes;
import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import io.slipway.ip.IcmpErrorSender;
import io.slipway.ip.IcmpTypes;
import io.slipway.ip.IpInterface;
import io.slipway.ip.IpProtocol;
import io.slipway.ip.Ipv4;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Header;
import io.slipway.ip.SendResult;

/**
 * ICMP for one stack (RFC 792, RFC 1122 §3.2.2): answers echo requests, delivers echo replies
 * and errors about our echo requests to {@link EchoEndpoint}s, and sends the errors IP reports
 * — unless RFC 1122 §3.2.2 forbids it or the rate limit (RFC 1812 §4.3.2.8) says wait.
 *
 * <p>Single-threaded (the stack thread). Echo replies are built in the request's own buffer;
 * errors in one reused buffer: nothing is allocated per message.
 */
public final class Icmp implements io.slipway.ip.ProtocolHandler, IcmpErrorSender {
    private final Ipv4 ip;
    private final IcmpConfig config;
    private final Counters<IcmpEvent> events = new Counters<>(IcmpEvent.class);
    private final IcmpHeader rx = new IcmpHeader();
    private final IcmpHeader tx = new IcmpHeader();
    private final Ipv4Header quoted = new Ipv4Header();
    private final PacketBuffer errorBuffer;
    private final EchoEndpoint[] endpoints;
    private int endpointCount;
    private final TransportErrorListener[] errorListeners = new TransportErrorListener[256];
    /** Token bucket for errors: tokens now, and when the last one was added. */
    private int tokens;
    private long tokensAt = Long.MIN_VALUE;

    public Icmp(Ipv4 ip, IcmpConfig config) {
        this.ip = ip;
        this.config = config;
        this.errorBuffer = PacketBuffer.standalone(
                Ipv4.HEADROOM + IcmpHeader.LENGTH + Ipv4Header.MAX_LENGTH + config.errorQuoteBytes(), Ipv4.HEADROOM);
        this.endpoints = new EchoEndpoint[config.maxEchoEndpoints()];
        this.tokens = config.errorBurst();
        ip.register(IpProtocol.ICMP, this);
        ip.setIcmpErrorSender(this);
    }

    public Counters<IcmpEvent> events() {
        return events;
    }

    void count(IcmpEvent event) {
        events.increment(event);
    }

    /**
     * Opens an echo endpoint for {@code identifier} (a ping), whose requests carry up to
     * {@code maxPayload} data bytes. Control path: allocates its buffer once.
     */
    public EchoEndpoint openEcho(int identifier, int maxPayload, EchoListener listener) {
        if (endpointCount == endpoints.length) {
            throw new IllegalStateException("too many echo endpoints open (max " + endpoints.length + ")");
        }
        if (findEndpoint(identifier & 0xFFFF) != null) {
            throw new IllegalArgumentException("echo identifier " + identifier + " is in use");
        }
        EchoEndpoint e = new EchoEndpoint(this, ip, identifier & 0xFFFF, listener, maxPayload);
        endpoints[endpointCount++] = e;
        return e;
    }

    /** Registers the transport protocol that hears errors about its datagrams ({@code protocol}: 17 for UDP). */
    public void registerErrorListener(int protocol, TransportErrorListener listener) {
        errorListeners[protocol & 0xFF] = listener;
    }

    void closeEcho(EchoEndpoint endpoint) {
        for (int i = 0; i < endpointCount; i++) {
            if (endpoints[i] == endpoint) {
                endpoints[i] = endpoints[--endpointCount];
                endpoints[endpointCount] = null;
                return;
            }
        }
    }

    private EchoEndpoint findEndpoint(int identifier) {
        for (int i = 0; i < endpointCount; i++) {
            if (endpoints[i].identifier() == identifier) {
                return endpoints[i];
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- receive

    @Override
    public void onDatagram(Ipv4Header header, PacketBuffer payload, IpInterface in, boolean broadcast, long nowNanos) {
        events.increment(IcmpEvent.MESSAGES_IN);
        IcmpHeader m = rx.wrap(payload.data(), payload.offset(), payload.length());
        IcmpEvent bad = m.check();
        if (bad != null) {
            events.increment(bad);
            return;
        }
        switch (m.type()) {
            case IcmpTypes.ECHO_REQUEST -> answerEcho(header, payload, m, broadcast, nowNanos);
            case IcmpTypes.ECHO_REPLY -> {
                events.increment(IcmpEvent.ECHO_REPLIES_IN);
                EchoEndpoint e = findEndpoint(m.identifier());
                if (e == null) {
                    events.increment(IcmpEvent.DROP_UNMATCHED_REPLY);
                } else {
                    e.deliverReply(header.source(), header.ttl(), m, nowNanos);
                }
            }
            case IcmpTypes.DESTINATION_UNREACHABLE, IcmpTypes.TIME_EXCEEDED, IcmpTypes.PARAMETER_PROBLEM ->
                    deliverError(header.source(), m, nowNanos);
            default -> events.increment(IcmpEvent.DROP_UNHANDLED_TYPE);
        }
    }

    /** RFC 792 / RFC 1122 §3.2.2.6: the reply returns the request's data unchanged, addresses swapped. */
    private void answerEcho(Ipv4Header header, PacketBuffer payload, IcmpHeader request, boolean broadcast,
            long nowNanos) {
        events.increment(IcmpEvent.ECHO_REQUESTS_IN);
        if (broadcast) {
            events.increment(IcmpEvent.DROP_BROADCAST_ECHO);
            return;
        }
        // Read the addresses before send() writes the reply's IP header over the request's.
        int requester = header.source();
        int us = header.destination();
        request.setType(IcmpTypes.ECHO_REPLY);
        request.updateChecksum();
        events.increment(IcmpEvent.ECHO_REPLIES_OUT);
        if (ip.send(payload, us, requester, IpProtocol.ICMP, 0, false, nowNanos) != SendResult.SENT) {
            events.increment(IcmpEvent.DROP_SEND_FAILED);
        }
    }

    /** An error about a datagram we sent: give it to whoever sent that datagram. */
    private void deliverError(int from, IcmpHeader m, long nowNanos) {
        events.increment(IcmpEvent.ERRORS_IN);
        Ipv4Header original = quoted.wrap(m.data(), m.dataOffset(), m.dataLength());
        if (m.dataLength() < Ipv4Header.MIN_LENGTH || original.version() != 4
                || original.headerLength() < Ipv4Header.MIN_LENGTH
                || m.dataLength() < original.headerLength() + IcmpHeader.LENGTH) {
            events.increment(IcmpEvent.DROP_TRUNCATED);
            return;
        }
        int inner = m.dataOffset() + original.headerLength();
        byte[] d = m.data();
        if (original.protocol() == IpProtocol.ICMP && Bytes.u8(d, inner) == IcmpTypes.ECHO_REQUEST) {
            EchoEndpoint e = findEndpoint(Bytes.u16(d, inner + IcmpHeader.IDENTIFIER));
            if (e != null) {
                e.deliverError(from, m.type(), m.code(), m.restOfHeader(), Bytes.u16(d, inner + IcmpHeader.SEQUENCE),
                        nowNanos);
                return;
            }
        }
        TransportErrorListener transport = errorListeners[original.protocol()];
        if (transport != null && original.fragmentOffset() == 0) {
            // The length check above leaves at least 8 bytes of the transport header: both ports.
            transport.onIcmpError(from, m.type(), m.code(), m.restOfHeader(), original.source(),
                    original.destination(), d, inner, m.dataLength() - original.headerLength(), nowNanos);
            return;
        }
        events.increment(IcmpEvent.DROP_UNMATCHED_ERROR);
    }

    // ---------------------------------------------------------------- errors

    @Override
    public void sendError(int type, int code, int extra, byte[] original, int offset, int length, IpInterface in,
            boolean broadcast, long nowNanos) {
        if (mustNotReport(original, offset, length, broadcast)) {
            events.increment(IcmpEvent.ERROR_SUPPRESSED);
            return;
        }
        if (!takeToken(nowNanos)) {
            events.increment(IcmpEvent.ERROR_RATE_LIMITED);
            return;
        }
        Ipv4Header o = quoted.wrap(original, offset, length);
        int quote = Math.min(length, o.headerLength() + config.errorQuoteBytes());
        int destination = o.source();
        PacketBuffer b = errorBuffer.reset(Ipv4.HEADROOM);
        int start = b.append(IcmpHeader.LENGTH);
        b.append(original, offset, quote);
        IcmpHeader h = tx.wrap(b.data(), start, IcmpHeader.LENGTH + quote);
        h.write(type, code, restOfHeader(type, code, extra));
        h.updateChecksum();
        events.increment(IcmpEvent.ERRORS_OUT);
        int source = in != null ? in.address() : Ipv4Address.ANY;
        if (ip.send(b, source, destination, IpProtocol.ICMP, 0, false, nowNanos) != SendResult.SENT) {
            events.increment(IcmpEvent.DROP_SEND_FAILED);
        }
    }

    /** The second header word: RFC 792's pointer in its first byte, RFC 1191's MTU in its last two. */
    private static int restOfHeader(int type, int code, int extra) {
        if (type == IcmpTypes.PARAMETER_PROBLEM) {
            return (extra & 0xFF) << 24;
        }
        if (type == IcmpTypes.DESTINATION_UNREACHABLE && code == IcmpTypes.FRAGMENTATION_NEEDED) {
            return extra & 0xFFFF;
        }
        return 0;
    }

    /**
     * RFC 1122 §3.2.2: an ICMP error message MUST NOT be sent as the result of receiving an ICMP
     * error, a datagram to a broadcast or multicast address, a link-layer broadcast, a non-initial
     * fragment, or a datagram whose source does not name a single host.
     */
    private boolean mustNotReport(byte[] original, int offset, int length, boolean broadcast) {
        if (broadcast || length < Ipv4Header.MIN_LENGTH) {
            return true;
        }
        Ipv4Header o = quoted.wrap(original, offset, length);
        if (o.headerLength() < Ipv4Header.MIN_LENGTH || o.headerLength() > length) {
            return true;
        }
        if (o.fragmentOffset() != 0) {
            return true;
        }
        int source = o.source();
        if (source == Ipv4Address.ANY || source == Ipv4Address.LIMITED_BROADCAST || Ipv4Address.isMulticast(source)
                || Ipv4Address.isLoopback(source) || (source >>> 28) == 0xF) {
            return true;
        }
        if (Ipv4Address.isMulticast(o.destination()) || o.destination() == Ipv4Address.LIMITED_BROADCAST) {
            return true;
        }
        if (o.protocol() == IpProtocol.ICMP) {
            int icmpAt = offset + o.headerLength();
            // An error about an error is forbidden; a message too short to tell is treated as one.
            return icmpAt >= offset + length || IcmpTypes.isError(Bytes.u8(original, icmpAt));
        }
        return false;
    }

    /** A token bucket refilled by elapsed time: at most a burst, then one per interval. */
    private boolean takeToken(long nowNanos) {
        if (tokensAt == Long.MIN_VALUE) {
            tokensAt = nowNanos;
        }
        long elapsed = nowNanos - tokensAt;
        if (elapsed >= config.errorIntervalNanos()) {
            long add = elapsed / config.errorIntervalNanos();
            tokens = (int) Math.min(config.errorBurst(), tokens + add);
            tokensAt += add * config.errorIntervalNanos();
        }
        if (tokens == 0) {
            return false;
        }
        tokens--;
        return true;
    }
}
