package io.slipway.arp;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.base.PacketBuffer;
import io.slipway.base.TimerQueue;
import io.slipway.driver.EtherType;
import io.slipway.driver.EthernetDriver;
import io.slipway.driver.LanDriver;
import io.slipway.driver.Link;
import io.slipway.driver.LinkReceiver;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.Ipv4;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One ARP on a scripted Ethernet link, in virtual time: MockAdapter, LanDriver, EthernetDriver,
 * a manual clock and the timer queue. The link's receiver stands in for IP's interface: ARP
 * messages go to {@link Arp#onLinkPacket}, IPv4 packets are recorded, and link changes reach ARP
 * only when {@link #forwardLinkState} is set (so that most tests see no announcements).
 */
final class ArpHarness {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000_000_000L;

    final ManualClock clock = new ManualClock();
    final MockAdapter adapter = new MockAdapter("eth0", Medium.ETHERNET, 1500, clock);
    final LanDriver lan = new LanDriver(adapter, 1 << 16);
    final EthernetDriver ethernet = new EthernetDriver(lan, ArpFrames.OUR_MAC);
    final TimerQueue timers = new TimerQueue(256);
    final Arp arp;
    final List<byte[]> ipv4Received = new ArrayList<>();
    boolean forwardLinkState;

    ArpHarness() {
        this(ArpConfig.DEFAULT, false);
    }

    ArpHarness(ArpConfig config) {
        this(config, false);
    }

    /** @param announce whether ARP hears of the link coming up on the first poll */
    ArpHarness(ArpConfig config, boolean announce) {
        arp = new Arp(ethernet, ArpFrames.OUR_IP, config, timers);
        forwardLinkState = announce;
        ethernet.setReceiver(new LinkReceiver() {
            @Override
            public void onPacket(Link link, int etherType, PacketBuffer packet, boolean broadcast, long now) {
                if (etherType == EtherType.IPV4) {
                    ipv4Received.add(Arrays.copyOfRange(packet.data(), packet.offset(), packet.end()));
                } else {
                    arp.onLinkPacket(etherType, packet, broadcast, now);
                }
            }

            @Override
            public void onLinkStateChanged(Link link, boolean up, long now) {
                if (forwardLinkState) {
                    arp.onLinkStateChanged(up, now);
                }
            }
        });
        poll();
    }

    long now() {
        return clock.nanos();
    }

    /** Receives what is scripted and runs the timers that are due. */
    void poll() {
        lan.poll(clock.nanos(), 64);
        timers.runDue(clock.nanos());
    }

    /** Delivers one frame from the link now. */
    void receive(byte[] frame) {
        adapter.script(frame);
        poll();
    }

    /** Moves time on by {@code nanos}, running each timer at its own deadline. */
    void advance(long nanos) {
        long target = clock.nanos() + nanos;
        for (long next = timers.nextDeadline(); next != Clock.NEVER && next <= target; next = timers.nextDeadline()) {
            clock.set(Math.max(next, clock.nanos()));
            timers.runDue(clock.nanos());
        }
        clock.set(target);
        poll();
    }

    void advanceMillis(long millis) {
        advance(millis * MS);
    }

    /** Hands ARP a test datagram of {@code length} bytes, each {@code tag}, for {@code nextHop}. */
    boolean send(int nextHop, int tag, int length) {
        PacketBuffer b = PacketBuffer.standalone(Ipv4.LINK_HEADROOM + length, Ipv4.LINK_HEADROOM);
        Arrays.fill(b.data(), b.append(length), b.end(), (byte) tag);
        return arp.send(b, nextHop, clock.nanos());
    }

    boolean send(int nextHop, int tag) {
        return send(nextHop, tag, 40);
    }

    /** Resolves {@code ip} to {@code mac} the ordinary way: a send, its request, the reply. */
    void resolve(int ip, long mac) {
        adapter.assertNothingTransmitted();
        send(ip, 0x99);
        receive(ArpFrames.replyToUs(mac, ip));
        List<byte[]> sent = adapter.takeTransmitted();
        if (sent.size() != 2) {
            throw new AssertionError("resolving " + ip + " sent " + sent.size() + " frames, not request + datagram");
        }
        ArpFrames.assertBroadcastRequest(sent.get(0), ip);
        ArpFrames.assertIpv4(sent.get(1), mac, 0x99);
    }

    /** The cache row for {@code ip} as {@code ip neigh} prints it, or null. */
    String neighbour(int ip) {
        for (Neighbour n : arp.entries()) {
            if (n.address() == ip) {
                return n.toString();
            }
        }
        return null;
    }

    NeighbourState state(int ip) {
        for (Neighbour n : arp.entries()) {
            if (n.address() == ip) {
                return n.state();
            }
        }
        return null;
    }

    long count(ArpEvent event) {
        return arp.events().get(event);
    }
}
