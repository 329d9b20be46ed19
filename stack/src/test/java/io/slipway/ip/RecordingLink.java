package io.slipway.ip;

import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import io.slipway.driver.EtherType;
import io.slipway.driver.LanDriver;
import io.slipway.driver.Link;
import io.slipway.driver.LinkEvent;
import io.slipway.driver.LinkReceiver;
import io.slipway.driver.MacAddress;
import io.slipway.hal.Medium;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A point-to-point {@link Link} for IP tests: it records a copy of every packet sent, and
 * {@link #receive} hands a packet up as if it had come off the line. Allocates (it is a test).
 */
final class RecordingLink implements Link {
    private final String name;
    private final int mtu;
    private final Counters<LinkEvent> events = new Counters<>(LinkEvent.class);
    private final List<byte[]> sent = new ArrayList<>();
    private LinkReceiver receiver;

    RecordingLink(String name, int mtu) {
        this.name = name;
        this.mtu = mtu;
    }

    /** Packets sent so far, oldest first; forgets them. */
    List<byte[]> takeSent() {
        List<byte[]> out = new ArrayList<>(sent);
        sent.clear();
        return out;
    }

    /** Hands {@code packet} to the layer above, as the driver does with a received frame. */
    void receive(byte[] packet, long nowNanos) {
        // No headroom, like the LAN driver's receive buffer.
        PacketBuffer b = PacketBuffer.standalone(packet.length, 0);
        b.append(packet, 0, packet.length);
        receiver.onPacket(this, EtherType.IPV4, b, false, nowNanos);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Medium medium() {
        return Medium.IP;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public int headerLength() {
        return 0;
    }

    @Override
    public long macAddress() {
        return MacAddress.NONE;
    }

    @Override
    public boolean isUp() {
        return true;
    }

    @Override
    public boolean send(PacketBuffer payload, int etherType, long destinationMac) {
        if (etherType != EtherType.IPV4 || payload.length() > mtu) {
            events.increment(LinkEvent.DROP_TOO_BIG);
            return false;
        }
        sent.add(Arrays.copyOfRange(payload.data(), payload.offset(), payload.end()));
        events.increment(LinkEvent.PACKETS_OUT);
        return true;
    }

    @Override
    public void setReceiver(LinkReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public Counters<LinkEvent> events() {
        return events;
    }

    @Override
    public LanDriver lanDriver() {
        throw new UnsupportedOperationException("a recording link has no LAN driver");
    }

    @Override
    public String toString() {
        return "recording link " + name + " (mtu " + mtu + ")";
    }
}
