package io.slipway.icmp;

import io.slipway.base.Bytes;
import io.slipway.base.PacketBuffer;
import io.slipway.ip.IcmpTypes;
import io.slipway.ip.IpProtocol;
import io.slipway.ip.Ipv4;
import io.slipway.ip.SendResult;

/**
 * The application side of echo (ping): sends echo requests with one identifier and hears the
 * replies and errors that carry it (RFC 792 "Echo or Echo Reply Message": the identifier and
 * sequence number "may be used by the echo sender to aid in matching the replies"). Used on the
 * stack thread; reuses one buffer.
 */
public final class EchoEndpoint implements AutoCloseable {
    /** The payload starts with the send time, as Linux ping's does, so a reply carries its RTT. */
    public static final int TIMESTAMP_BYTES = 8;

    private final Icmp icmp;
    private final Ipv4 ip;
    private final int identifier;
    private final EchoListener listener;
    private final PacketBuffer buffer;
    private final IcmpHeader header = new IcmpHeader();
    private boolean open = true;

    EchoEndpoint(Icmp icmp, Ipv4 ip, int identifier, EchoListener listener, int maxPayload) {
        this.icmp = icmp;
        this.ip = ip;
        this.identifier = identifier;
        this.listener = listener;
        this.buffer = PacketBuffer.standalone(Ipv4.HEADROOM + IcmpHeader.LENGTH + maxPayload, Ipv4.HEADROOM);
    }

    public int identifier() {
        return identifier;
    }

    /** The largest payload {@link #send} takes. */
    public int maxPayload() {
        return buffer.capacity() - Ipv4.HEADROOM - IcmpHeader.LENGTH;
    }

    /**
     * Sends an echo request of {@code payloadLength} data bytes: the send time first (when 8 or
     * more bytes), then the byte pattern Linux ping uses (0x10, 0x11, ...).
     *
     * @param ttl the TTL, or 0 for the default
     */
    public SendResult send(int destination, int sequence, int payloadLength, int ttl, long nowNanos) {
        if (!open) {
            throw new IllegalStateException("echo endpoint " + identifier + " is closed");
        }
        if (payloadLength < 0 || payloadLength > maxPayload()) {
            throw new IllegalArgumentException("payload must be 0.." + maxPayload() + " bytes: " + payloadLength);
        }
        PacketBuffer b = buffer.reset(Ipv4.HEADROOM);
        int start = b.append(IcmpHeader.LENGTH + payloadLength);
        byte[] d = b.data();
        int data = start + IcmpHeader.LENGTH;
        int i = 0;
        if (payloadLength >= TIMESTAMP_BYTES) {
            Bytes.put32(d, data, (int) (nowNanos >>> 32));
            Bytes.put32(d, data + 4, (int) nowNanos);
            i = TIMESTAMP_BYTES;
        }
        for (; i < payloadLength; i++) {
            d[data + i] = (byte) (0x10 + i - (payloadLength >= TIMESTAMP_BYTES ? TIMESTAMP_BYTES : 0));
        }
        IcmpHeader h = header.wrap(d, start, IcmpHeader.LENGTH + payloadLength);
        h.write(IcmpTypes.ECHO_REQUEST, 0, (identifier << 16) | (sequence & 0xFFFF));
        h.updateChecksum();
        icmp.count(IcmpEvent.ECHO_REQUESTS_OUT);
        return ip.send(b, 0, destination, IpProtocol.ICMP, ttl, false, nowNanos);
    }

    void deliverReply(int from, int ttl, IcmpHeader reply, long nowNanos) {
        int payloadLength = reply.dataLength();
        long sent = 0;
        if (payloadLength >= TIMESTAMP_BYTES) {
            byte[] d = reply.data();
            int off = reply.dataOffset();
            sent = (Bytes.u32(d, off) << 32) | Bytes.u32(d, off + 4);
        }
        listener.onEchoReply(from, reply.sequence(), ttl, payloadLength, sent, nowNanos);
    }

    void deliverError(int from, int type, int code, int info, int sequence, long nowNanos) {
        listener.onEchoError(from, type, code, info, sequence, nowNanos);
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            icmp.closeEcho(this);
        }
    }
}
