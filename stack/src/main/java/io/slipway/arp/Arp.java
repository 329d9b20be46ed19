package io.slipway.arp;

import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import io.slipway.base.PacketPool;
import io.slipway.base.Timer;
import io.slipway.base.TimerQueue;
import io.slipway.driver.EtherType;
import io.slipway.driver.Link;
import io.slipway.driver.MacAddress;
import io.slipway.ip.Ipv4;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.NeighbourResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ARP for one Ethernet interface: finds neighbours' MAC addresses, answers for ours, and holds
 * packets while an address resolves.
 *
 * <p>Read first: RFC 826 (the protocol; "Packet Reception" is the merge rule implemented in
 * {@link #onLinkPacket}), RFC 1122 §2.3.2 (cache validation, flood prevention, queueing), RFC
 * 5227 §2.3 and §3 (announcements as requests).
 *
 * <p>An entry's life ({@link NeighbourState}), each step driven by {@link #send}, a received
 * message or the entry's one {@link Timer}:
 * <pre>
 *                        reply, or a request from it
 *   (none) --send--> INCOMPLETE ---------------------> REACHABLE <-----------------------+
 *                        |  a broadcast request every      |                              | reply
 *                        |  retry interval, maxRequests    | reachable time passes        |
 *                        v  in all, unanswered             v                              |
 *                      FAILED                            STALE --send (packet goes)--> PROBE
 *                        |  failed time passes             |  stale time passes           |  maxRequests unicast
 *                        v  (or it speaks: REACHABLE)      v  unused                      v  requests unanswered
 *                      (none)                            (none)                         (none)
 * </pre>
 * Any message from a cached neighbour confirms it (REACHABLE again, RFC 826's merge rule), so
 * chatter keeps entries fresh without probes.
 *
 * <p>Bounds: the cache has a fixed number of entries; a new address takes a free one or evicts
 * the least recently used that is not INCOMPLETE ({@link ArpCache#victim}), else its packet is
 * dropped. Waiting packets are copied into one shared {@link PacketPool}, at most
 * {@link ArpConfig#queuePerAddress} per address (see {@link ArpConfig}).
 *
 * <p>Single-threaded (the stack thread); time comes only from the {@code nowNanos} arguments and
 * the {@link TimerQueue}. Nothing on the packet path allocates: entries, timers, buffers and the
 * message views are made here, once. Only {@link #entries} allocates, for the {@code arp} command.
 */
public final class Arp implements NeighbourResolver {
    /** RFC 5227 §1.1: ANNOUNCE_NUM announcements, ANNOUNCE_INTERVAL apart. */
    static final int ANNOUNCE_NUM = 2;
    static final long ANNOUNCE_INTERVAL_NANOS = 2_000_000_000L;
    /** RFC 1112 §6.4: an IPv4 multicast group maps to 01:00:5e and its address's low 23 bits. */
    private static final long MULTICAST_MAC_BASE = 0x0100_5E00_0000L;

    private final Link link;
    private final long ourMac;
    private final int ourAddress;
    private final ArpConfig config;
    private final TimerQueue timers;
    private final ArpCache cache;
    private final PacketPool pool;
    private final PacketBuffer tx;
    private final ArpPacket txMessage = new ArpPacket();
    private final ArpPacket rxMessage = new ArpPacket();
    private final Counters<ArpEvent> events = new Counters<>(ArpEvent.class);
    private final Timer announceTimer = new Timer(this::announce);
    /** Announcements still to send since the link last came up. */
    private int announcementsLeft;

    /**
     * @param link an Ethernet link; ARP's messages and the IPv4 packets it sends go out on it, and
     *     its owner hands ARP messages received on it to {@link #onLinkPacket}
     * @param ourAddress our IPv4 address on the link: answered for, and the sender of our requests
     * @param timers the stack's timers; needs room for {@link ArpConfig#timersNeeded()} more
     */
    public Arp(Link link, int ourAddress, ArpConfig config, TimerQueue timers) {
        if (link.macAddress() == MacAddress.NONE) {
            throw new IllegalArgumentException("ARP needs a link with MAC addresses (Ethernet), not " + link);
        }
        if (!isNeighbourAddress(ourAddress)) {
            throw new IllegalArgumentException("not a unicast address for ARP: " + Ipv4Address.format(ourAddress));
        }
        this.link = link;
        this.ourMac = link.macAddress();
        this.ourAddress = ourAddress;
        this.config = config;
        this.timers = timers;
        this.cache = new ArpCache(config.cacheEntries(), config.queuePerAddress(), this::onEntryTimer);
        this.pool = new PacketPool(config.queuedPackets(), Ipv4.LINK_HEADROOM + link.mtu(), Ipv4.LINK_HEADROOM);
        this.tx = PacketBuffer.standalone(Ipv4.LINK_HEADROOM + ArpPacket.LENGTH, Ipv4.LINK_HEADROOM);
    }

    public Link link() {
        return link;
    }

    public int address() {
        return ourAddress;
    }

    public ArpConfig config() {
        return config;
    }

    public Counters<ArpEvent> events() {
        return events;
    }

    /** Cache entries in use. */
    public int size() {
        return cache.size();
    }

    /** Packets waiting for resolution: buffers of the shared pool in use. */
    public int queuedPackets() {
        return pool.inUse();
    }

    /** The shared wait-queue pool, for tests' leak checks. */
    PacketPool pool() {
        return pool;
    }

    /**
     * A snapshot of the cache for the {@code arp} command, ordered by address; each row prints as
     * {@code ip neigh} does. Allocates: never call it on the packet path.
     */
    public List<Neighbour> entries() {
        List<Neighbour> list = new ArrayList<>(cache.size());
        for (int i = 0; i < cache.capacity(); i++) {
            CacheEntry e = cache.at(i);
            if (e.state != NeighbourState.FREE) {
                list.add(new Neighbour(e.address, e.mac, e.state));
            }
        }
        list.sort(Comparator.comparingLong(n -> n.address() & 0xFFFF_FFFFL));
        return list;
    }

    // ---------------------------------------------------------------- send

    /**
     * Sends an IPv4 packet to {@code nextHop}: at once when its MAC address is known (a stale one
     * is used and re-verified), else after resolution, a copy waiting in the entry's queue.
     * Returns false when the packet was dropped (counted here or by the link).
     */
    @Override
    public boolean send(PacketBuffer packet, int nextHop, long nowNanos) {
        if (nextHop == Ipv4Address.LIMITED_BROADCAST) {
            return link.send(packet, EtherType.IPV4, MacAddress.BROADCAST);
        }
        if (Ipv4Address.isMulticast(nextHop)) {
            return link.send(packet, EtherType.IPV4, MULTICAST_MAC_BASE | (nextHop & 0x7F_FFFF));
        }
        CacheEntry e = cache.find(nextHop);
        if (e == null) {
            if (nextHop == Ipv4Address.ANY || nextHop == ourAddress) {
                events.increment(ArpEvent.DROP_BAD_NEXT_HOP);
                return false;
            }
            return resolve(packet, nextHop, nowNanos);
        }
        switch (e.state) {
            case REACHABLE:
                if (nowNanos - e.confirmedAt < config.reachableNanos()) {
                    return transmit(e, packet, nowNanos);
                }
                // The timer that makes it STALE has not run yet: it is stale all the same.
                return transmitAndProbe(e, packet, nowNanos);
            case STALE:
                return transmitAndProbe(e, packet, nowNanos);
            case PROBE:
                return transmit(e, packet, nowNanos);
            case INCOMPLETE:
                return enqueue(e, packet);
            default: // FAILED: no new requests until the entry times out (RFC 1122 §2.3.2.1 flooding)
                events.increment(ArpEvent.DROP_HOST_UNREACHABLE);
                return false;
        }
    }

    private boolean transmit(CacheEntry e, PacketBuffer packet, long nowNanos) {
        e.usedAt = nowNanos;
        boolean sent = link.send(packet, EtherType.IPV4, e.mac);
        if (sent) {
            events.increment(ArpEvent.PACKETS_SENT);
        }
        return sent;
    }

    /**
     * RFC 1122 §2.3.2.1 "unicast poll": keep using a stale address, and ask the neighbour
     * directly, at its cached MAC address, whether it still holds it.
     */
    private boolean transmitAndProbe(CacheEntry e, PacketBuffer packet, long nowNanos) {
        boolean sent = transmit(e, packet, nowNanos);
        e.state = NeighbourState.PROBE;
        e.requests = 1;
        sendRequest(e.address, e.mac);
        timers.schedule(e.timer, nowNanos + config.retryNanos());
        return sent;
    }

    /** A new address: take an entry, broadcast the first request, and queue the packet. */
    private boolean resolve(PacketBuffer packet, int nextHop, long nowNanos) {
        CacheEntry e = cache.free();
        if (e == null) {
            e = cache.victim();
            if (e == null) {
                events.increment(ArpEvent.DROP_CACHE_FULL);
                return false;
            }
            remove(e);
            events.increment(ArpEvent.EVICTED);
        }
        cache.bind(e, nextHop);
        e.state = NeighbourState.INCOMPLETE;
        e.requests = 1;
        e.usedAt = nowNanos;
        sendRequest(nextHop, MacAddress.BROADCAST);
        timers.schedule(e.timer, nowNanos + config.retryNanos());
        return enqueue(e, packet);
    }

    /**
     * Copies the packet into the entry's queue. When the queue is full (or the shared pool is
     * empty and this address holds a buffer) the oldest waiting packet is dropped to make room:
     * RFC 1122 §2.3.2.2 asks that the latest packet be the one saved, and Linux does the same.
     */
    private boolean enqueue(CacheEntry e, PacketBuffer packet) {
        if (packet.length() > pool.bufferSize() - pool.headroom()) {
            events.increment(ArpEvent.DROP_TOO_BIG);
            return false;
        }
        PacketBuffer b;
        if (e.queue.isFull()) {
            b = e.queue.poll().reset(pool.headroom());
            events.increment(ArpEvent.DROP_QUEUE_FULL);
        } else {
            b = pool.acquire();
            if (b == null) {
                if (e.queue.isEmpty()) {
                    events.increment(ArpEvent.DROP_NO_BUFFER);
                    return false;
                }
                b = e.queue.poll().reset(pool.headroom());
                events.increment(ArpEvent.DROP_NO_BUFFER);
            }
        }
        b.append(packet.data(), packet.offset(), packet.length());
        e.queue.add(b);
        events.increment(ArpEvent.PACKETS_QUEUED);
        return true;
    }

    // ---------------------------------------------------------------- receive

    /**
     * An ARP message from the link (RFC 826, "Packet Reception"): validate it; if the sender is
     * in the cache, update its MAC address (merge); if we are the target, add the sender
     * if it was not there, and answer a request with a reply to the sender. Refinements:
     * a reply from a sender we neither asked nor know makes no entry (so nobody can fill the
     * cache with unsolicited replies; Linux's {@code arp_accept=0}); a sender claiming our
     * address is a conflict, ignored; an ARP Probe (sender 0.0.0.0, RFC 5227 §2.1.1) is
     * answered but teaches nothing.
     */
    @Override
    public void onLinkPacket(int etherType, PacketBuffer packet, boolean linkBroadcast, long nowNanos) {
        if (etherType != EtherType.ARP) {
            events.increment(ArpEvent.DROP_NOT_ARP);
            return;
        }
        ArpPacket m = rxMessage.wrap(packet.data(), packet.offset(), packet.length());
        ArpEvent bad = m.check();
        if (bad != null) {
            events.increment(bad);
            return;
        }
        int operation = m.operation();
        events.increment(operation == ArpPacket.REQUEST ? ArpEvent.REQUESTS_IN : ArpEvent.REPLIES_IN);
        long senderMac = m.senderMac();
        int senderIp = m.senderIp();
        if (senderMac == MacAddress.NONE || MacAddress.isGroup(senderMac)) {
            events.increment(ArpEvent.DROP_BAD_SENDER_MAC);
            return;
        }
        if (senderIp == ourAddress) {
            events.increment(ArpEvent.ADDRESS_CONFLICT);
            return;
        }
        boolean probe = senderIp == Ipv4Address.ANY;
        if (probe ? operation != ArpPacket.REQUEST : !isNeighbourAddress(senderIp)) {
            events.increment(ArpEvent.DROP_BAD_SENDER_IP);
            return;
        }
        boolean forUs = m.targetIp() == ourAddress;
        if (!probe) {
            CacheEntry e = cache.find(senderIp);
            if (e != null) {
                merge(e, senderMac, nowNanos);
            } else if (operation == ArpPacket.REPLY) {
                events.increment(ArpEvent.UNSOLICITED_REPLY);
            } else if (forUs) {
                learn(senderIp, senderMac, nowNanos);
            }
        }
        if (operation == ArpPacket.REQUEST && forUs) {
            reply(senderMac, senderIp);
        }
    }

    /** The neighbour told us its MAC address: the entry is confirmed, its waiting packets go out. */
    private void merge(CacheEntry e, long mac, long nowNanos) {
        if (e.mac != MacAddress.NONE && e.mac != mac) {
            events.increment(ArpEvent.MAC_CHANGED);
        }
        boolean wasIncomplete = e.state == NeighbourState.INCOMPLETE;
        e.mac = mac;
        confirm(e, nowNanos);
        if (wasIncomplete) {
            events.increment(ArpEvent.RESOLVED);
            flush(e);
        }
    }

    /**
     * RFC 826's "add": the neighbour asked for us, so it will talk to us. Only into a free entry:
     * strangers' requests must not evict the neighbours we talk to (the reply goes out anyway).
     */
    private void learn(int address, long mac, long nowNanos) {
        CacheEntry e = cache.free();
        if (e == null) {
            return;
        }
        cache.bind(e, address);
        e.mac = mac;
        confirm(e, nowNanos);
        events.increment(ArpEvent.LEARNED);
    }

    private void confirm(CacheEntry e, long nowNanos) {
        e.state = NeighbourState.REACHABLE;
        e.requests = 0;
        e.confirmedAt = nowNanos;
        e.usedAt = nowNanos;
        timers.schedule(e.timer, nowNanos + config.reachableNanos());
    }

    /** Sends the waiting packets in the order they were queued, and returns their buffers. */
    private void flush(CacheEntry e) {
        PacketBuffer b;
        while ((b = e.queue.poll()) != null) {
            if (link.send(b, EtherType.IPV4, e.mac)) {
                events.increment(ArpEvent.QUEUED_SENT);
            }
            pool.release(b);
        }
    }

    // ---------------------------------------------------------------- timers

    /** An entry's timer: what it means depends on the state (see the class comment's diagram). */
    private void onEntryTimer(CacheEntry e, long nowNanos) {
        switch (e.state) {
            case INCOMPLETE:
                if (e.requests < config.maxRequests()) {
                    e.requests++;
                    sendRequest(e.address, MacAddress.BROADCAST);
                    timers.schedule(e.timer, nowNanos + config.retryNanos());
                } else {
                    // RFC 1122 §2.3.2.2: give up, drop what waited; stay FAILED a while so that
                    // more packets to a dead address do not start new floods of requests.
                    dropQueue(e);
                    e.state = NeighbourState.FAILED;
                    events.increment(ArpEvent.RESOLUTION_FAILED);
                    timers.schedule(e.timer, nowNanos + config.failedNanos());
                }
                break;
            case REACHABLE:
                e.state = NeighbourState.STALE;
                timers.schedule(e.timer, nowNanos + config.staleNanos());
                break;
            case PROBE:
                if (e.requests < config.maxRequests()) {
                    e.requests++;
                    sendRequest(e.address, e.mac);
                    timers.schedule(e.timer, nowNanos + config.retryNanos());
                } else {
                    // RFC 1122 §2.3.2.1: no answer to N unicast polls, delete the entry; the next
                    // packet starts a broadcast resolution (the neighbour may have a new MAC).
                    remove(e);
                    events.increment(ArpEvent.PROBE_FAILED);
                }
                break;
            case STALE:
                remove(e);
                events.increment(ArpEvent.EXPIRED);
                break;
            case FAILED:
                remove(e);
                break;
            default:
                break;
        }
    }

    private void remove(CacheEntry e) {
        timers.cancel(e.timer);
        dropQueue(e);
        cache.unbind(e);
    }

    private void dropQueue(CacheEntry e) {
        PacketBuffer b;
        while ((b = e.queue.poll()) != null) {
            pool.release(b);
            events.increment(ArpEvent.DROP_UNRESOLVED);
        }
    }

    // ---------------------------------------------------------------- link state and messages

    /**
     * The link came up: announce our address with gratuitous requests (sender and target IP both
     * ours, target MAC zero, broadcast), so neighbours that cached an old MAC for it update it by
     * the merge rule. RFC 5227 §3 explains why a request rather than a reply.
     */
    @Override
    public void onLinkStateChanged(boolean up, long nowNanos) {
        if (up) {
            announcementsLeft = ANNOUNCE_NUM;
            announce(nowNanos);
        } else {
            announcementsLeft = 0;
            timers.cancel(announceTimer);
        }
    }

    private void announce(long nowNanos) {
        if (announcementsLeft <= 0) {
            return;
        }
        announcementsLeft--;
        writeMessage(ArpPacket.REQUEST, MacAddress.NONE, ourAddress);
        link.send(tx, EtherType.ARP, MacAddress.BROADCAST);
        events.increment(ArpEvent.ANNOUNCEMENTS_OUT);
        if (announcementsLeft > 0) {
            timers.schedule(announceTimer, nowNanos + ANNOUNCE_INTERVAL_NANOS);
        }
    }

    /** Who has {@code targetIp}? Broadcast to resolve, or unicast to {@code destinationMac} to re-verify. */
    private void sendRequest(int targetIp, long destinationMac) {
        writeMessage(ArpPacket.REQUEST, MacAddress.NONE, targetIp);
        link.send(tx, EtherType.ARP, destinationMac);
        events.increment(destinationMac == MacAddress.BROADCAST ? ArpEvent.REQUESTS_OUT : ArpEvent.PROBES_OUT);
    }

    /** RFC 826: the reply goes to the requester's hardware address, not to everyone. */
    private void reply(long requesterMac, int requesterIp) {
        writeMessage(ArpPacket.REPLY, requesterMac, requesterIp);
        link.send(tx, EtherType.ARP, requesterMac);
        events.increment(ArpEvent.REPLIES_OUT);
    }

    /** Builds a message from us in the reused transmit buffer. */
    private void writeMessage(int operation, long targetMac, int targetIp) {
        PacketBuffer b = tx.reset(Ipv4.LINK_HEADROOM);
        txMessage.wrap(b.data(), b.append(ArpPacket.LENGTH), ArpPacket.LENGTH)
                .write(operation, ourMac, ourAddress, targetMac, targetIp);
    }

    /** An address a neighbour can hold: not 0, multicast, loopback or class E (nor the limited broadcast). */
    private static boolean isNeighbourAddress(int address) {
        return address != Ipv4Address.ANY && !Ipv4Address.isMulticast(address) && !Ipv4Address.isLoopback(address)
                && (address >>> 28) != 0xF;
    }

    @Override
    public String toString() {
        return "ARP " + link.name() + " " + Ipv4Address.format(ourAddress) + " " + MacAddress.format(ourMac);
    }
}
